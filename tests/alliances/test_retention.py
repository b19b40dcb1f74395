"""Retention of the matches' personal data: erased after MATCH_RETENTION_DAYS, once, figures intact."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from alliances import match_services, stats
from alliances.models import Match, MatchEvent, MatchStatus, Message
from alliances.retention import ERASED, RetentionRun, matches_anonymise
from core.models import JobRun
from reference.models import ActorKind
from tests.alliances.factories import listing_of, verified_organisation
from tests.organisations.member_factories import member_of

pytestmark = pytest.mark.django_db


def _match(listing, number: int) -> tuple[Match, object]:
    organisation = verified_organisation(
        name=f"Entreprise {number}", commune_id="13001", kind=ActorKind.objects.get(slug="entreprise")
    )
    user = member_of(organisation)
    match = match_services.match_from_interest(
        listing=listing, user=user, organisation=organisation, message="Voici notre numéro : 06 00 00 00 00."
    )
    return match, user


def _age(match: Match, days: int) -> None:
    """Move the match's whole life ``days`` into the past."""
    moment = timezone.now() - dt.timedelta(days=days)
    Match.objects.filter(pk=match.pk).update(updated_at=moment, created_at=moment, sent_at=moment)
    Message.objects.filter(match=match).update(created_at=moment)


@pytest.fixture
def history(territories, vocabularies):
    """An old declined match, an old formed one, and a recent declined one (all with messages)."""
    association = verified_organisation(name="Association de Marseille", commune_id="13055")
    listing = listing_of(association)
    owner = association.memberships.get().user
    old_declined, _ = _match(listing, 1)
    match_services.match_decline(match=old_declined, user=owner, organisation=association, reason="Appelez Mme X.")
    old_formed, asking = _match(listing, 2)
    match_services.match_accept(match=old_formed, user=owner, organisation=association)
    match_services.message_send(match=old_formed, user=asking, organisation=old_formed.requester, body="Merci !")
    match_services.match_conclude(match=old_formed, user=owner, organisation=association, outcome="formed")
    recent, _ = _match(listing, 3)
    match_services.match_decline(match=recent, user=owner, organisation=association, reason="Pas le moment.")
    _age(old_declined, 800)
    _age(old_formed, 800)
    _age(recent, 100)
    return {"old_declined": old_declined, "old_formed": old_formed, "recent": recent}


def _people_and_texts(match: Match) -> tuple:
    match.refresh_from_db()
    return (
        match.proposed_by_id,
        match.requester_contact_id,
        match.recipient_contact_id,
        match.decline_reason,
        list(match.messages.values_list("body", "author")),
        list(match.events.exclude(actor=None).values_list("pk", flat=True)),
    )


def test_old_closed_matches_lose_their_people_and_texts(history) -> None:
    run = matches_anonymise()
    assert (run.matches, run.messages) == (2, 3)  # two old matches; their three messages
    old_declined = _people_and_texts(history["old_declined"])
    assert old_declined == (None, None, None, ERASED, [(ERASED, None)], [])
    assert set(MatchEvent.objects.filter(match=history["old_declined"]).values_list("note", flat=True)) <= {
        "",
        ERASED,
    }
    assert _people_and_texts(history["old_formed"])[:3] == (None, None, None)
    recent = _people_and_texts(history["recent"])
    assert recent[3] == "Pas le moment." and recent[4][0][0].startswith("Voici notre numéro")


def test_anonymising_twice_changes_nothing_the_second_time(history) -> None:
    matches_anonymise()
    assert matches_anonymise() == RetentionRun(messages=0, matches=0)


def test_the_public_figures_are_the_same_after_anonymising(history) -> None:
    before = stats.alliance_stats()
    matches_anonymise()
    after = stats.alliance_stats()
    assert list(stats.csv_rows(after)) == list(stats.csv_rows(before))
    assert (after.total.matches, after.total.declined, after.total.formed) == (3, 2, 1)
    assert Match.objects.get(pk=history["old_formed"].pk).status == MatchStatus.FORMED


def test_a_message_of_an_ongoing_match_is_erased_past_the_period_the_match_is_kept(history) -> None:
    listing = history["recent"].listing
    ongoing, _ = _match(listing, 4)
    Message.objects.filter(match=ongoing).update(created_at=timezone.now() - dt.timedelta(days=731))
    matches_anonymise()
    ongoing.refresh_from_db()
    assert list(ongoing.messages.values_list("body", flat=True)) == [ERASED]
    assert ongoing.requester_contact_id is not None and ongoing.status == MatchStatus.SENT


def test_the_retention_is_a_setting(history, settings) -> None:
    settings.MATCH_RETENTION_DAYS = 90
    assert matches_anonymise().matches == 3


def test_the_command_runs_once_per_day_across_servers(history) -> None:
    first, second = StringIO(), StringIO()
    call_command("anonymise_matches", stdout=first)
    call_command("anonymise_matches", stdout=second)
    assert "3 message(s) effacé(s), 2 mise(s) en relation anonymisée(s)" in first.getvalue()
    assert "déjà lancée pour la période" in second.getvalue()
    assert JobRun.objects.filter(name="anonymise_matches").count() == 1


def test_the_privacy_page_states_the_retention(client, db, settings) -> None:
    settings.MATCH_RETENTION_DAYS = 730
    html = client.get("/donnees-personnelles/").content.decode()
    assert "Mises en relation « Faire alliance »" in html
    assert "Les messages : 730 jours après leur envoi" in html
    assert "Aucun export des coordonnées" in html
