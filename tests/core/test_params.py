from __future__ import annotations

import pytest
from django.http import QueryDict

from core.input_guard import without_empty_values
from core.params import choice_param, int_param, text_param


def _query(raw: str) -> QueryDict:
    return QueryDict(raw)


@pytest.mark.parametrize(
    "raw", ["page=²", "page=%D9%A1", "page=%EF%BC%91", "page=-1", "page=1e3", "page=", "page=9999999999"]
)
def test_a_number_not_written_with_ascii_digits_or_too_long_is_the_default(raw) -> None:
    assert int_param(_query(raw), "page", default=1, minimum=1, maximum=50) == 1


@pytest.mark.parametrize(("raw", "expected"), [("page=3", 3), ("page=0", 1), ("page=999", 50), ("page=+7+", 7)])
def test_an_ascii_number_is_clamped_to_its_bounds(raw, expected) -> None:
    assert int_param(_query(raw), "page", default=1, minimum=1, maximum=50) == expected


def test_text_loses_control_characters_and_extra_spaces_and_is_cut() -> None:
    assert text_param(_query("q=%20a%07b%E2%80%8B%20%20c%0A"), "q", max_length=4) == "ab c"


def test_an_absent_text_is_empty() -> None:
    assert text_param(_query(""), "q") == ""


def test_a_choice_outside_the_list_is_the_default() -> None:
    assert choice_param(_query("objet=autre"), "objet", ["presse", "donnees"]) == ""
    assert choice_param(_query("objet=presse"), "objet", ["presse", "donnees"]) == "presse"


def test_empty_values_are_dropped_and_the_others_kept() -> None:
    query = without_empty_values(_query("kind=&q=eau&sdg=&sdg=3&region=+"))
    assert dict(query.lists()) == {"q": ["eau"], "sdg": ["3"]}
    assert not query._mutable
