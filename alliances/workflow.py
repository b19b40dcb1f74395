"""The workflow of a match (« mise en relation »): its states and the only transitions allowed.

    proposed → sent → accepted | declined | expired
    accepted → discussing → formed | closed

A match is « proposed » when a member expresses interest in a listing or a catalyst proposes two
organisations to each other, and « sent » once the platform has told the side(s) who must answer.
It is « accepted » when both sides have accepted (each side's acceptance is dated on the match);
one refusal (with a reason) declines it; without an answer it expires (settings.MATCH_EXPIRY_DAYS).
Any transition outside this table is refused with a French message and changes nothing.
"""

from __future__ import annotations

from django.db import models


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", "proposée"
    SENT = "sent", "envoyée"
    ACCEPTED = "accepted", "acceptée"
    DECLINED = "declined", "déclinée"
    EXPIRED = "expired", "expirée"
    DISCUSSING = "discussing", "en discussion"
    FORMED = "formed", "alliance formée"
    CLOSED = "closed", "close sans alliance"


TRANSITIONS: dict[str, frozenset[str]] = {
    MatchStatus.PROPOSED: frozenset({MatchStatus.SENT}),
    MatchStatus.SENT: frozenset({MatchStatus.ACCEPTED, MatchStatus.DECLINED, MatchStatus.EXPIRED}),
    MatchStatus.ACCEPTED: frozenset({MatchStatus.DISCUSSING}),
    MatchStatus.DISCUSSING: frozenset({MatchStatus.FORMED, MatchStatus.CLOSED}),
    MatchStatus.DECLINED: frozenset(),
    MatchStatus.EXPIRED: frozenset(),
    MatchStatus.FORMED: frozenset(),
    MatchStatus.CLOSED: frozenset(),
}

# Waiting for an answer: the reminders and the expiry concern these only.
AWAITING = frozenset({MatchStatus.PROPOSED, MatchStatus.SENT})
# Both sides accepted: identities and contact details are released to each side.
RELEASED = frozenset({MatchStatus.ACCEPTED, MatchStatus.DISCUSSING, MatchStatus.FORMED, MatchStatus.CLOSED})
# Over: no message, no transition.
FINAL = frozenset(status for status, targets in TRANSITIONS.items() if not targets)


class TransitionNotAllowed(ValueError):
    """A transition outside the table: its message is French and shown as is."""


def is_allowed(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def check_transition(current: str, target: str) -> None:
    if not is_allowed(current, target):
        raise TransitionNotAllowed(
            f"Cette mise en relation est « {MatchStatus(current).label} » : "
            f"elle ne peut pas passer à « {MatchStatus(target).label} »."
        )
