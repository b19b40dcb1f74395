"""Pages of the source document's knowledge: studies and events with their source, history, forces, actors."""

from __future__ import annotations

import pytest

from resources.models import Event, Study

pytestmark = pytest.mark.django_db

SOURCE = "Bilan de la feuille de route de la mission ministérielle"


def test_a_seed_study_page_shows_its_partial_date_key_figures_and_source(client, reference_data) -> None:
    study = Study.objects.get(slug="etude-impact-elus-locaux")
    html = client.get(study.get_absolute_url()).content.decode()
    assert "en novembre 2020" in html
    assert "92% des maires" in html
    assert f"{SOURCE}" in html
    assert "à paraitre en novembre 2020" in html  # the footnote, quoted as written
    assert "Exemple fictif" not in html


def test_an_undated_study_says_the_source_gives_no_date(client, reference_data) -> None:
    html = client.get(Study.objects.get(slug="benchmark-pratiques-odd-des-entreprises").get_absolute_url()).content
    assert "date de publication non précisée par la source" in html.decode()


def test_a_seed_event_page_shows_the_month_and_no_invented_place(client, reference_data) -> None:
    event = Event.objects.get(slug="6e-rencontre-des-pionniers-des-alliances-en-territoire")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "juillet 2020" in html
    assert "non précisé par la source" in html
    assert " à 00h00" not in html
    assert SOURCE in html


def test_the_agenda_lists_the_seed_events_among_past_events(client, reference_data) -> None:
    html = client.get("/agenda/").content.decode()
    assert "Forum National des Associations et des Fondations</a> — 16 octobre 2019" in html


def test_the_history_page_lists_each_step_with_its_quoted_passage(client, reference_data) -> None:
    response = client.get("/historique/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Historique de la démarche (2008 → 2021)</h1>" in html
    assert 'id="annee-2008"' in html and 'id="annee-2021"' in html
    assert "déposer en février une proposition de loi" in html
    assert "février 2021" in html
    assert 'class="fr-breadcrumb"' in html


def test_the_forces_of_change_page_lists_the_seven_forces(client, reference_data) -> None:
    html = client.get("/forces-du-changement/").content.decode()
    for number in range(1, 8):
        assert f'id="force-{number}"' in html
    assert "Les exemples inspirants" in html


def test_the_actors_page_groups_by_kind_and_each_actor_page_quotes_its_source(client, reference_data) -> None:
    html = client.get("/acteurs-de-reference/").content.decode()
    assert "Fonds (2)" in html
    detail = client.get("/acteurs-de-reference/fonds-odd17/").content.decode()
    assert "Fonds ODD17" in detail
    assert SOURCE in detail
    assert client.get("/acteurs-de-reference/inconnu/").status_code == 404


def test_the_search_finds_a_seed_study_by_a_word_of_its_title(client, reference_data) -> None:
    html = client.get("/recherche/", {"q": "ARPEA"}).content.decode()
    assert "Etude ARPEA-Institutions" in html
    html = client.get("/recherche/", {"q": "Rencontre pionniers"}).content.decode()
    assert "6ème Rencontre des pionniers des alliances en Territoire" in html
