from __future__ import annotations

import pytest

from territories.text import search_key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Saint-Étienne", "saint etienne"),
        ("L'Haÿ-les-Roses", "l hay les roses"),
        ("Œuilly", "oeuilly"),
        ("  SAINT   etienne ", "saint etienne"),
        ("Provence-Alpes-Côte d'Azur", "provence alpes cote d azur"),
    ],
)
def test_the_search_key_ignores_accents_hyphens_apostrophes_and_case(name: str, key: str) -> None:
    assert search_key(name) == key
