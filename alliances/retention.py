"""Retention of the matches' personal data (``settings.MATCH_RETENTION_DAYS``, 2 years by default).

- A relayed message older than the period loses its text and its author (any match, open or over).
- A match over (declined, expired, closed, alliance formed) since longer than the period loses the
  people and texts: the members who proposed or answered, the reason of a refusal, the actors and
  notes of its history.
What the statistics count stays: the two organisations (legal persons, public in the directory), the
listing, the status and the dates. Only what is still due is touched (filtered on what is not erased
yet), so a second run changes nothing; run daily by ``anonymise_matches`` (core.jobs claims).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from alliances.models import Match, MatchEvent, Message
from alliances.workflow import FINAL

ERASED = "[effacé : durée de conservation échue]"


@dataclass(frozen=True)
class RetentionRun:
    messages: int
    matches: int


def retention_limit(now: dt.datetime | None = None) -> dt.datetime:
    return (now or timezone.now()) - dt.timedelta(days=settings.MATCH_RETENTION_DAYS)


def _events_to_erase() -> Q:
    return Q(actor__isnull=False) | ~Q(note__in=["", ERASED])


def matches_due(limit: dt.datetime) -> QuerySet[Match]:
    """Matches over before ``limit`` that still hold a person or a text."""
    personal_history = MatchEvent.objects.filter(_events_to_erase(), match=OuterRef("pk"))
    return Match.objects.filter(status__in=FINAL, updated_at__lt=limit).filter(
        Q(proposed_by__isnull=False)
        | Q(requester_contact__isnull=False)
        | Q(recipient_contact__isnull=False)
        | ~Q(decline_reason__in=["", ERASED])
        | Exists(personal_history)
    )


@transaction.atomic
def matches_anonymise(*, now: dt.datetime | None = None) -> RetentionRun:
    """Erase what the retention period no longer allows to keep; returns what was erased."""
    limit = retention_limit(now)
    messages = Message.objects.filter(created_at__lt=limit).exclude(body=ERASED, author__isnull=True)
    message_count = messages.update(body=ERASED, author=None)
    due = list(matches_due(limit).values_list("pk", flat=True))
    # ``update`` keeps ``updated_at``: the match's dates, which the statistics read, do not move.
    Match.objects.filter(pk__in=due).update(proposed_by=None, requester_contact=None, recipient_contact=None)
    Match.objects.filter(pk__in=due).exclude(decline_reason="").update(decline_reason=ERASED)
    history = MatchEvent.objects.filter(match__in=due)
    history.filter(actor__isnull=False).update(actor=None)
    history.exclude(note__in=["", ERASED]).update(note=ERASED)
    return RetentionRun(messages=message_count, matches=len(due))
