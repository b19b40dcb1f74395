"""Reminders and expiry of the matches that wait for an answer (run by ``remind_matches``).

At each stage of ``settings.MATCH_REMINDER_DAYS`` (D+7 and D+14 by default) after a match was sent,
the side that has not answered is e-mailed once: the ``MatchReminder`` row (unique per match, stage
and side) is written in the same transaction as the e-mail is queued, so a rerun, or a second server
running the same command, finds it and sends nothing. Past ``settings.MATCH_EXPIRY_DAYS`` (D+30) the
match expires. Only the latest stage due is sent: a match first seen at D+15 gets the D+14 reminder,
not both. Each match is handled in its own transaction on the locked row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from alliances import notifications
from alliances.match_services import expiry_days
from alliances.models import Match, MatchEvent, MatchReminder, MatchStatus
from alliances.workflow import check_transition


@dataclass
class ReminderRun:
    examined: int = 0
    reminders: int = 0
    expired: int = 0


def _stage_due(age: dt.timedelta) -> int | None:
    due = [day for day in sorted(settings.MATCH_REMINDER_DAYS) if age >= dt.timedelta(days=day)]
    return due[-1] if due else None


@transaction.atomic
def _handle(match_id: int, *, now: dt.datetime, run: ReminderRun) -> None:
    match = (
        Match.objects.select_for_update(of=("self",))
        .select_related("listing", "requester__kind", "recipient__kind")
        .get(pk=match_id)
    )
    if not match.is_awaiting or match.sent_at is None:
        return  # answered since it was listed
    age = now - match.sent_at
    if age >= dt.timedelta(days=expiry_days()):
        check_transition(match.status, MatchStatus.EXPIRED)
        previous, match.status, match.updated_at = match.status, MatchStatus.EXPIRED, now
        match.save(update_fields=["status", "updated_at"])
        MatchEvent.objects.create(
            match=match, from_status=previous, to_status=match.status, note="sans réponse dans le délai", at=now
        )
        notifications.match_expired(match)
        run.expired += 1
        return
    stage = _stage_due(age)
    if stage is None:
        return
    for side in match.waiting_sides():
        try:
            with transaction.atomic():
                MatchReminder.objects.create(match=match, stage=stage, side=side, sent_at=now)
        except IntegrityError:
            continue  # already sent at this stage
        left = max(1, expiry_days() - age.days)
        notifications.reminder(match, side=side, stage=stage, expires_in=left)
        run.reminders += 1


def matches_remind(*, now: dt.datetime | None = None) -> ReminderRun:
    """Send the reminders due and expire the matches past their delay; safe to run again at any time."""
    now = now or timezone.now()
    first_stage = min(settings.MATCH_REMINDER_DAYS)
    run = ReminderRun()
    due = Match.objects.awaiting().filter(sent_at__lte=now - dt.timedelta(days=first_stage)).order_by("pk")
    for match_id in due.values_list("pk", flat=True).iterator():
        run.examined += 1
        _handle(match_id, now=now, run=run)
    return run
