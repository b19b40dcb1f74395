"""Match pages: only the two sides see them; bad input answered in French with nothing changed."""

from __future__ import annotations

import pytest
from django.core.cache import caches

from alliances import match_services
from alliances.models import Match, MatchStatus, Message
from reference.models import ActorKind
from tests.accounts.factories import AccountFactory
from tests.alliances.factories import listing_of, verified_organisation
from tests.organisations.member_factories import member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def match(territories, vocabularies) -> Match:
    association = verified_organisation(name="Association (exemple fictif)", commune_id="13055")
    entreprise = verified_organisation(
        name="Entreprise cachée (exemple fictif)", commune_id="13001", kind=ActorKind.objects.get(slug="entreprise")
    )
    return match_services.match_from_interest(
        listing=listing_of(association), user=member_of(entreprise), organisation=entreprise
    )


def _owner(match: Match):
    return match.recipient.memberships.get().user


def test_a_third_person_gets_a_404_on_every_match_address(client, match) -> None:
    client.force_login(AccountFactory(username="tiers"))
    base = match.get_absolute_url()
    assert client.get(base).status_code == 404
    for action in ("accepter/", "decliner/", "message/", "etape/"):
        assert client.post(base + action, {"body": "x", "reason": "x", "etape": "formed"}).status_code == 404
    match.refresh_from_db()
    assert match.status == MatchStatus.SENT and match.messages.count() == 0


def test_the_recipient_sees_the_request_without_the_requesters_name_until_accepting(client, match) -> None:
    client.force_login(_owner(match))
    html = client.get(match.get_absolute_url()).content.decode()
    assert "Entreprise cachée" not in html and "« Entreprise »" in html
    client.post(match.get_absolute_url() + "accepter/")
    assert "Entreprise cachée" in client.get(match.get_absolute_url()).content.decode()


def test_declining_without_a_reason_is_answered_in_french_and_changes_nothing(client, match) -> None:
    client.force_login(_owner(match))
    response = client.post(match.get_absolute_url() + "decliner/", {"reason": ""})
    assert response.status_code == 400 and "Indiquez le motif du refus" in response.content.decode()
    match.refresh_from_db()
    assert match.status == MatchStatus.SENT


def test_a_forbidden_step_is_refused_with_a_french_message(client, match) -> None:
    client.force_login(_owner(match))
    response = client.post(match.get_absolute_url() + "etape/", {"etape": "formed"}, follow=True)
    assert "ne peut pas passer à « alliance formée »" in response.content.decode()
    match.refresh_from_db()
    assert match.status == MatchStatus.SENT


def test_a_message_with_markup_is_shown_as_text(client, match) -> None:
    client.force_login(_owner(match))
    client.post(match.get_absolute_url() + "message/", {"body": "<script>alert(1)</script>"})
    html = client.get(match.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html


def test_the_honeypot_filled_sends_nothing(client, match) -> None:
    client.force_login(_owner(match))
    client.post(match.get_absolute_url() + "message/", {"body": "Achetez !", "site_web": "http://spam.example"})
    assert not Message.objects.filter(body="Achetez !").exists()


def test_messages_past_the_per_account_limit_are_refused(client, match, settings) -> None:
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "alliance_message": "2/h/user"}
    caches["ratelimit"].clear()
    client.force_login(_owner(match))
    statuses = [
        client.post(match.get_absolute_url() + "message/", {"body": f"Message {n}"}).status_code for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert match.messages.count() == 2


def test_only_catalyst_members_reach_the_proposal_form(client, match) -> None:
    client.force_login(_owner(match))
    assert client.get("/faire-alliance/mises-en-relation/proposer/").status_code == 403


def test_interest_with_the_honeypot_filled_opens_no_match(client, territories, vocabularies) -> None:
    listing = listing_of(verified_organisation(name="Association (exemple fictif)", commune_id="13055"))
    other = verified_organisation(name="Entreprise (exemple fictif)", kind=ActorKind.objects.get(slug="entreprise"))
    client.force_login(member_of(other))
    client.post(f"/faire-alliance/{listing.pk}/interet/", {"organisation": other.pk, "site_web": "spam"})
    assert not Match.objects.exists()
