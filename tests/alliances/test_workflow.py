"""The table of a match's transitions: every pair of states is either allowed or refused in French."""

from __future__ import annotations

import itertools

import pytest

from alliances.workflow import (
    AWAITING,
    FINAL,
    RELEASED,
    TRANSITIONS,
    MatchStatus,
    TransitionNotAllowed,
    check_transition,
    is_allowed,
)

ALLOWED = {
    ("proposed", "sent"),
    ("sent", "accepted"),
    ("sent", "declined"),
    ("sent", "expired"),
    ("accepted", "discussing"),
    ("discussing", "formed"),
    ("discussing", "closed"),
}


@pytest.mark.parametrize(("current", "target"), sorted(ALLOWED))
def test_the_issue_s_transitions_are_allowed(current: str, target: str) -> None:
    assert is_allowed(current, target)
    check_transition(current, target)


@pytest.mark.parametrize(
    ("current", "target"),
    sorted(pair for pair in itertools.product(MatchStatus.values, repeat=2) if pair not in ALLOWED),
)
def test_every_other_transition_is_refused_with_a_french_message(current: str, target: str) -> None:
    assert not is_allowed(current, target)
    with pytest.raises(TransitionNotAllowed, match="ne peut pas passer à"):
        check_transition(current, target)


def test_every_status_has_a_row_in_the_table() -> None:
    assert set(TRANSITIONS) == set(MatchStatus.values)


def test_final_states_are_the_ends_of_the_workflow() -> None:
    assert {"declined", "expired", "formed", "closed"} == FINAL


def test_contacts_are_released_only_after_both_accepted() -> None:
    assert {"accepted", "discussing", "formed", "closed"} == RELEASED
    assert not RELEASED & AWAITING
    assert "declined" not in RELEASED and "expired" not in RELEASED
