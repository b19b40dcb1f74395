"""The source document's records are found by search and listed with their source, never as demo."""

from __future__ import annotations

from decimal import Decimal

import pytest

from knowledge.models import ReferenceActor
from observatory.models import Survey, SurveyFigure
from resources.models import Study
from search.models import SearchDocument
from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db


def _titles(client, query: str) -> list[str]:
    data = client.get("/api/v1/search", {"q": query, "limit": 50}).json()
    return [item["title"] for item in data["items"]]


def test_the_fonds_odd17_is_found_by_its_name(client, reference_data) -> None:
    assert "Fonds ODD17" in _titles(client, "Fonds ODD17")


def test_the_observatoire_des_partenariats_finds_the_programme_and_its_surveys(client, reference_data) -> None:
    titles = _titles(client, "Observatoire des partenariats")
    assert "Observatoire des partenariats" in titles
    assert "Enquête « jouer collectif en sortie de crise » – volet citoyens" in titles


def test_rencontres_finds_the_dated_rencontres_of_the_pionniers(client, reference_data) -> None:
    titles = _titles(client, "Rencontres")
    assert "6ème Rencontre des pionniers des alliances en Territoire" in titles
    assert "7ème Rencontre des pionniers des alliances en Territoire" in titles


def test_a_study_title_finds_the_study(client, reference_data) -> None:
    assert "Référentiel « Co-construction territoriale »" in _titles(client, "co-construction territoriale")


def test_a_force_of_change_is_found_and_links_to_its_place_on_the_page(client, reference_data) -> None:
    data = client.get("/api/v1/search", {"q": "catalyse", "section": "force"}).json()
    assert [item["url"] for item in data["items"]] == ["/forces-du-changement/#force-5"]


def test_a_milestone_is_found_with_the_precision_of_its_date(client, reference_data) -> None:
    titles = _titles(client, "proposition de loi")
    assert (
        "février 2021 — Dépôt d'une proposition de loi sur l'expérimentation d'un droit d'alliance d'intérêt général"
        in titles
    )


def test_the_milestone_link_points_at_its_anchor_on_the_history_page(client, reference_data) -> None:
    url = SearchDocument.objects.get(section="milestone", title__contains="Tribune du JDD").url
    assert url == "/historique/#etape-2021-tribune-du-jdd"
    assert 'id="etape-2021-tribune-du-jdd"' in client.get("/historique/").content.decode()


def test_every_seed_record_is_indexed_as_real_content_with_its_source(reference_data) -> None:
    documents = SearchDocument.objects.filter(section__in=["actor", "milestone", "survey", "study", "event"])
    assert documents.count() >= ReferenceActor.objects.count() + Study.objects.count()
    assert not documents.filter(is_demo=True).exists()
    assert not documents.filter(source="").exists()


def test_the_studies_listing_shows_the_source_of_a_seed_study(client, reference_data) -> None:
    html = client.get("/etudes-et-rapports/", {"q": "ARPEA"}).content.decode()
    assert "Etude ARPEA-Institutions" in html
    assert "Source : Bilan de la feuille de route de la mission ministérielle" in html
    assert "note 7" in html
    assert "Exemple fictif" not in html


def test_a_new_figure_of_a_survey_is_found_by_search(client, reference_data) -> None:
    survey = Survey.objects.get(slug="impact-elus-locaux-2020")
    SurveyFigure.objects.create(
        slug="figure-d-essai",
        survey=survey,
        indicator="Indicateur d'essai sur les intercommunalités",
        indicator_slug="essai",
        population="présidents d'intercommunalité",
        value=Decimal(40),
    )
    assert "Enquête IMPACT-Elus locaux" in _titles(client, "intercommunalités")


def test_a_renamed_actor_is_found_under_its_new_name(client, reference_data) -> None:
    actor = ReferenceActor.objects.get(slug="fonds-i")
    actor.name = "Fonds i de la Caisse des Dépôts"
    actor.save()
    assert "Fonds i de la Caisse des Dépôts" in _titles(client, "Fonds i")


def test_hiding_the_demo_leaves_only_real_results_on_the_search_page(client, vocabularies) -> None:
    CaseFactory(title="Alliance réelle de la recyclerie")
    CaseFactory(title="Alliance fictive de la recyclerie", demo=True)
    html = client.get("/recherche/", {"q": "recyclerie", "exemples": "masquer"}).content.decode()
    assert "Alliance réelle de la recyclerie" in html
    assert "Alliance fictive de la recyclerie" not in html


def test_the_results_count_says_how_many_are_demo(client, vocabularies) -> None:
    CaseFactory(title="Alliance réelle de la recyclerie")
    CaseFactory(title="Alliance fictive de la recyclerie", demo=True)
    html = client.get("/recherche/", {"q": "recyclerie"}).content.decode()
    assert "2 résultats pour « recyclerie », dont 1 exemple fictif" in html


def test_a_section_listing_offers_the_filter_that_hides_the_demo(client, vocabularies) -> None:
    CaseFactory(title="Alliance réelle")
    html = client.get("/exemples-inspirants/").content.decode()
    assert 'name="exemples" value="masquer"' in html


def test_the_api_hides_the_demo_with_the_same_parameter(client, vocabularies) -> None:
    CaseFactory(title="Alliance réelle de la recyclerie")
    CaseFactory(title="Alliance fictive de la recyclerie", demo=True)
    data = client.get("/api/v1/search", {"q": "recyclerie", "exemples": "masquer"}).json()
    assert [item["title"] for item in data["items"]] == ["Alliance réelle de la recyclerie"]


def test_the_agenda_lists_a_seed_event_with_its_source(client, reference_data) -> None:
    html = client.get("/agenda/").content.decode()
    line = html[html.index("Forum National des Associations et des Fondations</a>") :][:600]
    assert "16 octobre 2019" in line
    assert "Source : Bilan de la feuille de route" in line
    assert "Exemple fictif" not in line


def test_the_api_gives_the_source_of_a_seed_record(client, reference_data) -> None:
    data = client.get("/api/v1/search", {"q": "Fonds ODD17", "section": "actor"}).json()
    assert data["items"][0]["source"].startswith("Bilan de la feuille de route de la mission ministérielle")
    assert data["items"][0]["is_demo"] is False


def test_the_search_api_says_how_many_results_are_demo(client, vocabularies) -> None:
    CaseFactory(title="Alliance réelle de la recyclerie")
    CaseFactory(title="Alliance fictive de la recyclerie", demo=True)
    data = client.get("/api/v1/search", {"q": "recyclerie"}).json()
    assert (data["count"], data["demo_count"]) == (2, 1)


def test_the_cases_api_counts_no_demo_once_it_is_hidden(client, vocabularies) -> None:
    CaseFactory(title="Alliance réelle")
    CaseFactory(title="Alliance fictive", demo=True)
    data = client.get("/api/v1/cases", {"exemples": "masquer"}).json()
    assert (data["count"], data["demo_count"]) == (1, 0)


def test_the_resources_api_lists_seed_studies_as_real_with_their_source(client, reference_data) -> None:
    data = client.get("/api/v1/resources", {"section": "study", "limit": 50}).json()
    assert data["demo_count"] == 0
    assert data["count"] == Study.objects.count()
    assert all(item["source"] and not item["is_demo"] for item in data["items"])
