"""A territory named by the query is offered at the top of the search page."""

from __future__ import annotations

import pytest

from search.answers import territory_answers

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "name", "level"),
    [
        ("Marseille", "Marseille", "Commune"),
        ("Saint-Étienne", "Saint-Étienne", "Commune"),
        ("saint etienne", "Saint-Étienne", "Commune"),
        ("SAINT ÉTIENNE", "Saint-Étienne", "Commune"),
        ("à Marseille", "Marseille", "Commune"),
        ("Bouches-du-Rhône", "Bouches-du-Rhône", "Département"),
        ("bouches du rhone", "Bouches-du-Rhône", "Département"),
        ("Auvergne-Rhône-Alpes", "Auvergne-Rhône-Alpes", "Région"),
    ],
)
def test_a_territory_name_however_written_is_answered(territories, query, name, level) -> None:
    first = territory_answers(query)[0]
    assert (first.name, first.level) == (name, level)


def test_words_that_are_not_a_whole_territory_name_get_no_answer(territories) -> None:
    assert territory_answers("économie circulaire à Marseille") == []


def test_the_most_populated_commune_of_a_shared_name_comes_first(territories) -> None:
    answers = territory_answers("Valence")
    assert answers[0].context.endswith("(26)")


def test_the_search_page_shows_the_territory_page_above_the_results(client, territories, vocabularies) -> None:
    html = client.get("/recherche/?q=Marseille").content.decode()
    answer = html.index("Voir la page du territoire Marseille")
    assert html.index('href="/territoires/communes/13055/"') < html.index('id="nombre-resultats"')
    assert answer < html.index('id="nombre-resultats"')


def test_a_territory_answer_links_to_the_results_of_its_departement(client, territories, vocabularies) -> None:
    html = client.get("/recherche/?q=Saint-%C3%89tienne").content.decode()
    assert "/recherche/?departement=42" in html
