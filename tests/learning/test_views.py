"""The /apprendre/ pages: the 4 audiences, the audience filter, a path's steps, the measures' link."""

from __future__ import annotations

from html import unescape

import pytest

from learning.services import StepSpec, learning_path_save
from tests.resources.factories import StudyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def path():
    return learning_path_save(
        title="Parcours des décideurs",
        slug="parcours-decideurs",
        audience="decideurs",
        summary="Pour essayer.",
        steps=[
            StepSpec(maturity="approfondir", study=StudyFactory(title="Étude publiée"), note="Pourquoi lire."),
            StepSpec(maturity="decouvrir", study=StudyFactory(title="Étude en brouillon", draft=True)),
            StepSpec(maturity="decouvrir", kit_sheet="argumentaire"),
        ],
        publish=True,
    )


def test_the_index_lists_the_4_audiences_quoted_from_the_seed_and_says_when_one_has_no_path(client, path) -> None:
    html = client.get("/apprendre/").content.decode()

    assert (
        "les jeunes, les chefs de projets sectoriels et/ou territoriaux, les « catalyseurs » et les décideurs" in html
    )
    assert html.count("Aucun parcours n'est encore publié pour ce public") == 3
    assert "Parcours des décideurs" in html
    assert "2 étapes" in html


def test_the_audience_filter_shows_only_that_audience(client, path) -> None:
    html = client.get("/apprendre/?public=jeunes").content.decode()

    assert 'id="public-jeunes"' in html
    assert 'id="public-decideurs"' not in html
    assert "Parcours des décideurs" not in html


def test_an_unknown_audience_is_a_french_warning_and_every_audience_is_shown(client, path) -> None:
    response = client.get("/apprendre/?public=inconnu")

    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Ce public n'existe pas : tous les publics sont affichés." in html
    assert 'id="public-decideurs"' in html


def test_a_path_shows_its_published_steps_by_maturity(client, path) -> None:
    html = client.get("/apprendre/parcours-decideurs/").content.decode()

    assert "Étude publiée" in html and "Pourquoi lire." in html
    assert "Étude en brouillon" not in html
    assert html.index('id="etape-decouvrir"') < html.index("Argumentaire") < html.index('id="etape-approfondir"')
    assert html.index('id="etape-approfondir"') < html.index("Étude publiée")


def test_a_draft_path_is_not_found(client) -> None:
    learning_path_save(title="Brouillon", slug="brouillon", audience="jeunes", summary="s", steps=[], publish=False)

    assert client.get("/apprendre/brouillon/").status_code == 404


def test_learning_is_in_the_main_navigation(client) -> None:
    assert 'href="/apprendre/"' in client.get("/apprendre/").content.decode()


def test_measures_20_and_21_link_to_the_learning_paths_and_other_measures_do_not(client, programme) -> None:
    assert 'href="/apprendre/"' in _main(client.get("/feuille-de-route/mesures/20/").content.decode())
    assert 'href="/apprendre/"' in _main(client.get("/feuille-de-route/mesures/21/").content.decode())
    assert 'href="/apprendre/"' not in _main(client.get("/feuille-de-route/mesures/5/").content.decode())


def _main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def test_the_api_lists_published_paths_with_their_published_steps_in_order(client, path) -> None:
    body = client.get("/api/v1/learning/paths?audience=decideurs").json()

    assert body["count"] == 1
    assert [step["title"] for step in body["items"][0]["steps"]] == [
        "Fiche 1 : Argumentaire « l'ODD 17 en pratique : pourquoi et comment faire alliance ? »",
        "Étude publiée",
    ]


def test_the_api_refuses_an_unknown_audience_in_french(client) -> None:
    response = client.get("/api/v1/learning/paths?audience=inconnu")

    assert response.status_code == 422
    assert "Public inconnu" in response.content.decode()
