"""Near-identical items do not fill the first page: one line each, with « N résultats similaires »."""

from __future__ import annotations

import pytest

from search.filters import SearchFilters
from search.selectors import fold_key, search
from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_titles_that_differ_by_their_numbers_only_are_near_identical() -> None:
    assert fold_key("case", "alliance fictive emploi lyon 3") == fold_key("case", "alliance fictive emploi lyon 4")


def test_the_same_title_in_two_sections_is_not_near_identical() -> None:
    assert fold_key("case", "alliance") != fold_key("tool", "alliance")


def test_a_title_of_numbers_only_folds_with_nothing() -> None:
    assert fold_key("case", "2021") == ""


@pytest.fixture
def near_identical(vocabularies) -> None:
    for number in range(1, 26):
        CaseFactory(title=f"Alliance fictive pour l'emploi — Lyon n° {number}")
    CaseFactory(title="Une alliance pour l'emploi des jeunes")
    CaseFactory(title="Emploi et alliance rurale")


def test_the_first_page_shows_one_line_per_group_with_the_count_of_the_others(near_identical) -> None:
    results = search(SearchFilters(q="alliance emploi"), fold=True)
    folded = [d for d in results.documents if d.title.startswith("Alliance fictive")]
    assert len(results.documents) == 3
    assert folded[0].similar_count == 24
    assert results.count == 27


def test_without_folding_every_result_is_listed(near_identical) -> None:
    assert len(search(SearchFilters(q="alliance emploi")).documents) == 20


def test_the_page_links_to_the_similar_results(client, near_identical) -> None:
    html = client.get("/recherche/?q=alliance+emploi").content.decode()
    assert "24 résultats similaires" in html
    assert "similaires=afficher" in html


def test_the_similar_results_can_all_be_shown(client, near_identical) -> None:
    html = client.get("/recherche/?q=alliance+emploi&similaires=afficher").content.decode()
    assert "Lyon n° 25" in html
    assert "Lyon n° 10" in html
    assert "Regrouper les résultats similaires" in html
