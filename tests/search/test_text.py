from __future__ import annotations

import pytest

from search.text import MAX_QUERY_TERMS, query_terms, terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Économie CIRCULAIRE", ["economie", "circulaire"]),
        ("economies circulaires", ["economie", "circulaire"]),
        ("l'alliance", ["alliance"]),
        ("L’Alliance des territoires", ["alliance", "territoire"]),
        ("partenariats territoriaux", ["partenariat", "territorial"]),
        ("réseaux", ["reseau"]),
        ("œuvre", ["oeuvre"]),
    ],
)
def test_terms_ignore_accents_case_plurals_and_elided_articles(text, expected) -> None:
    assert terms(text) == expected


def test_terms_are_plain_letters_and_digits_only() -> None:
    assert query_terms('"x" OR 1=1; DROP TABLE -- <script>*') == ["or", "1", "drop", "table", "script"]


def test_a_long_query_keeps_a_bounded_number_of_terms() -> None:
    assert len(query_terms(" ".join(f"mot{i}" for i in range(500)))) == MAX_QUERY_TERMS
