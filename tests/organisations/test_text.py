from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from organisations.text import fast_search_key
from territories.text import search_key


@given(st.text())
def test_fast_search_key_equals_search_key_on_any_text(text: str) -> None:
    assert fast_search_key(text) == search_key(text)


@given(st.text(alphabet="aàâäeéèêëiîïoôöuùûüçœæÿAÀÉÈÔŒ -'’,.;:!?0123456789«»"))
def test_fast_search_key_equals_search_key_on_french_text(text: str) -> None:
    assert fast_search_key(text) == search_key(text)


def test_french_purpose_loses_its_accents_and_punctuation() -> None:
    assert (
        fast_search_key("Protéger l'Œuvre du cœur, à Saint-Étienne !") == "proteger l oeuvre du coeur a saint etienne"
    )
