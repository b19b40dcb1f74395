"""A title holding the query as one phrase ranks first (« mesure 2 » → measure 2)."""

from __future__ import annotations

import pytest

from search.filters import SearchFilters
from search.selectors import search
from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db


def _first(q: str) -> str:
    return search(SearchFilters(q=q)).documents[0].title


@pytest.mark.parametrize("number", [2, 12, 21])
def test_mesure_n_ranks_roadmap_measure_n_first(reference_data, number) -> None:
    assert _first(f"mesure {number}").startswith(f"Mesure {number} — ")


def test_mesure_2_does_not_find_measure_12(reference_data) -> None:
    titles = [document.title for document in search(SearchFilters(q="mesure 2")).documents]
    assert not any(title.startswith("Mesure 12 ") for title in titles)


def test_the_query_as_a_phrase_in_a_title_beats_its_words_apart(vocabularies) -> None:
    CaseFactory(
        title="Un jardin partagé près d'une école : l'école soigne son jardin",
        objectives="Le jardin, l'école, le jardin de l'école.",
    )
    CaseFactory(title="Une école jardin en ville, ouverte aux habitants du quartier et aux familles")
    assert _first("école jardin").startswith("Une école jardin")
