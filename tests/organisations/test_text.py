from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from organisations.text import fast_search_key, fast_search_keys
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


@given(st.text(alphabet=st.characters(max_codepoint=0x2FF)))
def test_fast_search_key_equals_search_key_on_latin_text(text: str) -> None:
    assert fast_search_key(text) == search_key(text)


@given(st.lists(st.text(alphabet=st.sampled_from("aÉß½œ’ \x1f-?!\n") | st.characters(), max_size=12), max_size=6))
def test_keys_of_many_texts_at_once_equal_their_keys_one_by_one(texts: list[str]) -> None:
    assert fast_search_keys(texts) == [search_key(text) for text in texts]
