"""Reminders at D+7 and D+14 to the side that has not answered, expiry at D+30: each sent once, however
many times the command runs."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from alliances import match_services
from alliances.models import Match, MatchReminder, MatchStatus
from alliances.reminders import matches_remind
from reference.models import ActorKind
from tests.alliances.factories import listing_of, verified_organisation
from tests.organisations.member_factories import member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def match(territories, vocabularies) -> Match:
    association = verified_organisation(name="Association (exemple fictif)", commune_id="13055")
    entreprise = verified_organisation(
        name="Entreprise (exemple fictif)", commune_id="13001", kind=ActorKind.objects.get(slug="entreprise")
    )
    return match_services.match_from_interest(
        listing=listing_of(association), user=member_of(entreprise), organisation=entreprise
    )


def _run_twice(when: dt.datetime, capture) -> list[str]:
    mail.outbox.clear()
    for _ in range(2):
        with capture(execute=True):
            call_command("remind_matches", at=when.isoformat(), stdout=io.StringIO())
    return [str(message.subject) for message in mail.outbox]


def test_the_command_run_twice_past_each_stage_sends_each_reminder_once_then_expires(
    match, django_capture_on_commit_callbacks
) -> None:
    sent_at = match.sent_at
    assert _run_twice(sent_at + dt.timedelta(days=3), django_capture_on_commit_callbacks) == []
    day_8 = _run_twice(sent_at + dt.timedelta(days=8), django_capture_on_commit_callbacks)
    assert len(day_8) == 1 and "depuis 7 jours" in day_8[0]
    day_15 = _run_twice(sent_at + dt.timedelta(days=15), django_capture_on_commit_callbacks)
    assert len(day_15) == 1 and "depuis 14 jours" in day_15[0]
    day_31 = _run_twice(sent_at + dt.timedelta(days=31), django_capture_on_commit_callbacks)
    assert day_31 == ["[Alliances & Territoires] Mise en relation expirée"] * 2  # one to each side
    match.refresh_from_db()
    assert match.status == MatchStatus.EXPIRED
    assert [(r.stage, r.side) for r in MatchReminder.objects.all()] == [(7, "recipient"), (14, "recipient")]
    assert _run_twice(sent_at + dt.timedelta(days=40), django_capture_on_commit_callbacks) == []


def test_the_job_itself_sends_nothing_twice_without_the_hourly_claim(match) -> None:
    later = match.sent_at + dt.timedelta(days=8)
    assert matches_remind(now=later).reminders == 1
    assert matches_remind(now=later + dt.timedelta(hours=5)).reminders == 0


def test_the_reminder_goes_only_to_the_side_that_has_not_answered(match, django_capture_on_commit_callbacks) -> None:
    recipient_members = {m.user.email for m in match.recipient.memberships.all()}
    subjects = _run_twice(match.sent_at + dt.timedelta(days=8), django_capture_on_commit_callbacks)
    assert len(subjects) == 1 and set(mail.outbox[0].to) == recipient_members


def test_an_answered_match_is_neither_reminded_nor_expired(match) -> None:
    owner = match.recipient.memberships.get().user
    match_services.match_accept(match=match, user=owner, organisation=match.recipient)
    run = matches_remind(now=match.sent_at + dt.timedelta(days=31))
    match.refresh_from_db()
    assert (run.reminders, run.expired, match.status) == (0, 0, MatchStatus.ACCEPTED)


def test_a_malformed_date_is_refused_in_french(db) -> None:
    with pytest.raises(CommandError, match="date invalide"):
        call_command("remind_matches", at="demain")
