"""Matches: who may answer, what each side sees, contacts released only once both accepted, history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

from alliances import match_selectors, match_services
from alliances.models import CatalystOrganisation, Match, MatchStatus, Message
from catalysts.models import Catalyst
from reference.models import ActorKind
from territories.models import Departement
from tests.accounts.factories import AccountFactory
from tests.alliances.factories import listing_of, verified_organisation
from tests.organisations.member_factories import member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(territories, vocabularies, django_capture_on_commit_callbacks):
    """A need of an association of Marseille, and an entreprise of Aix that expressed interest."""
    association = verified_organisation(name="Association du vélo (exemple fictif)", commune_id="13055")
    entreprise = verified_organisation(
        name="Entreprise du local (exemple fictif)",
        commune_id="13001",
        kind=ActorKind.objects.get(slug="entreprise"),
        contact_email="contact@entreprise.example",
    )
    listing = listing_of(association)
    asking = member_of(entreprise)
    with django_capture_on_commit_callbacks(execute=True):
        match = match_services.match_from_interest(
            listing=listing, user=asking, organisation=entreprise, message="Nous avons un local."
        )
    return match, association.memberships.get().user, asking


def _state(match: Match) -> tuple:
    match.refresh_from_db()
    return match.status, match.requester_accepted_at, match.recipient_accepted_at, match.events.count()


def test_interest_sends_the_match_and_tells_the_listing_members_without_the_senders_name(sent) -> None:
    match, owner, _ = sent
    assert match.status == MatchStatus.SENT and match.sent_at is not None
    assert [e.to_status for e in match.events.all()] == ["proposed", "sent"]
    assert [m.to for m in mail.outbox] == [[owner.email]]
    sent_mail = mail.outbox[0]
    assert isinstance(sent_mail, EmailMultiAlternatives)
    html = sent_mail.alternatives[0][0]
    assert isinstance(html, str)
    body = str(sent_mail.body) + html
    assert "Entreprise du local" not in body and "« Entreprise »" in body and "Bouches-du-Rhône" in body


def test_the_recipient_accepts_and_both_sides_see_each_other_s_contacts(sent) -> None:
    match, owner, asking = sent
    assert match_selectors.contact_of(match, "requester") is None
    match = match_services.match_accept(match=match, user=owner, organisation=match.recipient)
    assert match.status == MatchStatus.ACCEPTED and match.answered_at is not None
    seen_by_owner = match_selectors.contact_of(match, "requester")
    seen_by_asker = match_selectors.contact_of(match, "recipient")
    assert seen_by_owner is not None and seen_by_asker is not None
    assert seen_by_owner.email == "contact@entreprise.example" and seen_by_owner.person_email == asking.email
    assert seen_by_asker.person_email == owner.email
    assert match_selectors.other_side_label(match, "recipient") == match.requester.name


def test_a_third_person_sees_nothing_and_cannot_answer(sent) -> None:
    match, _, _ = sent
    intruder = AccountFactory.create(username="tiers")
    before = _state(match)
    assert match_selectors.match_for_member(match.pk, intruder) is None
    with pytest.raises(PermissionDenied):
        match_services.match_accept(match=match, user=intruder, organisation=match.recipient)
    member_elsewhere = member_of(verified_organisation(name="Autre (exemple fictif)"))
    assert match_selectors.match_for_member(match.pk, member_elsewhere) is None
    assert _state(match) == before


def test_a_member_of_one_side_cannot_act_for_the_other(sent) -> None:
    match, _, asking = sent
    with pytest.raises(PermissionDenied):
        match_services.match_accept(match=match, user=asking, organisation=match.recipient)


def test_the_side_that_asked_has_already_accepted(sent) -> None:
    match, _, asking = sent
    before = _state(match)
    with pytest.raises(ValidationError, match="déjà accepté"):
        match_services.match_accept(match=match, user=asking, organisation=match.requester)
    assert _state(match) == before


def test_declining_needs_a_reason_and_changes_nothing_without_one(sent) -> None:
    match, owner, _ = sent
    before = _state(match)
    with pytest.raises(ValidationError, match="motif"):
        match_services.match_decline(match=match, user=owner, organisation=match.recipient, reason="  ")
    assert _state(match) == before


def test_a_declined_match_keeps_its_reason_and_can_no_longer_be_accepted(sent) -> None:
    match, owner, _ = sent
    match = match_services.match_decline(match=match, user=owner, organisation=match.recipient, reason="Déjà équipés.")
    assert (match.status, match.decline_reason) == ("declined", "Déjà équipés.")
    last_event = match.events.last()
    assert last_event is not None and last_event.note == "Déjà équipés."
    before = _state(match)
    with pytest.raises(ValidationError, match="« déclinée » : elle ne peut pas passer à « acceptée »"):
        match_services.match_accept(match=match, user=owner, organisation=match.recipient)
    assert _state(match) == before
    assert match_selectors.contact_of(match, "requester") is None


def test_an_expired_match_cannot_be_answered(sent) -> None:
    match, owner, _ = sent
    Match.objects.filter(pk=match.pk).update(sent_at=timezone.now() - dt.timedelta(days=31))
    before = _state(match)
    with pytest.raises(ValidationError, match="expiré"):
        match_services.match_accept(match=match, user=owner, organisation=match.recipient)
    assert _state(match) == before


def test_a_message_is_stored_as_typed_and_a_reply_after_acceptance_opens_the_discussion(sent) -> None:
    match, owner, asking = sent
    match_services.message_send(match=match, user=owner, organisation=match.recipient, body="<script>x</script>")
    assert Message.objects.filter(body="<script>x</script>").exists()
    match_services.match_accept(match=match, user=owner, organisation=match.recipient)
    match_services.message_send(match=match, user=asking, organisation=match.requester, body="Merci !")
    match.refresh_from_db()
    assert match.status == MatchStatus.DISCUSSING


def test_an_empty_or_too_long_message_is_refused(sent) -> None:
    match, owner, _ = sent
    for body in ("   ", "x" * 2001):
        with pytest.raises(ValidationError):
            match_services.message_send(match=match, user=owner, organisation=match.recipient, body=body)
    assert match.messages.count() == 1  # the interest's own message


def test_alliance_formed_only_from_a_discussion(sent) -> None:
    match, owner, asking = sent
    with pytest.raises(ValidationError, match="ne peut pas passer à « alliance formée »"):
        match_services.match_conclude(match=match, user=owner, organisation=match.recipient, outcome="formed")
    match_services.match_accept(match=match, user=owner, organisation=match.recipient)
    match_services.match_conclude(match=match, user=asking, organisation=match.requester, outcome="discussing")
    match = match_services.match_conclude(match=match, user=owner, organisation=match.recipient, outcome="formed")
    assert match.status == MatchStatus.FORMED and match.formed_at is not None
    assert [e.to_status for e in match.events.all()] == ["proposed", "sent", "accepted", "discussing", "formed"]
    assert match_selectors.formed_alliances_count() == 1
    assert match_selectors.formed_alliances_count(departement_code="13") == 1
    assert match_selectors.formed_alliances_count(departement_code="75") == 0
    Match.objects.filter(pk=match.pk).update(is_demo=True)
    assert match_selectors.formed_alliances_count() == 0  # demo matches are left out of the counts
    assert match_selectors.formed_alliances_count(include_demo=True) == 1


@pytest.fixture
def catalyst_member(sent):
    catalyst = Catalyst.objects.create(
        name="Catalyseur des Bouches-du-Rhône (exemple fictif)",
        slug="catalyseur-13",
        description="Essai.",
        kind=ActorKind.objects.get(slug="association"),
        support_offered="Mise en relation.",
        contact_email="catalyseur@example.invalid",
        is_demo=True,
    )
    catalyst.departements.add(Departement.objects.get(code="13"))
    runner = verified_organisation(name="Structure du catalyseur (exemple fictif)", commune_id="13055")
    CatalystOrganisation.objects.create(catalyst=catalyst, organisation=runner)
    return catalyst, member_of(runner)


def test_a_catalyst_proposes_two_organisations_of_its_territory_and_both_must_accept(catalyst_member) -> None:
    catalyst, broker = catalyst_member
    first = verified_organisation(name="Première (exemple fictif)", commune_id="13055")
    second = verified_organisation(name="Seconde (exemple fictif)", commune_id="13001")
    first_member, second_member = member_of(first), member_of(second)
    match = match_services.match_propose_by_catalyst(user=broker, catalyst=catalyst, requester=first, recipient=second)
    assert match.status == MatchStatus.SENT and match.waiting_sides() == ["requester", "recipient"]
    match = match_services.match_accept(match=match, user=first_member, organisation=first)
    assert match.status == MatchStatus.SENT and match_selectors.contact_of(match, "recipient") is None
    match = match_services.match_accept(match=match, user=second_member, organisation=second)
    assert match.status == MatchStatus.ACCEPTED


def test_only_a_catalyst_s_members_propose_and_only_in_its_territory(catalyst_member) -> None:
    catalyst, broker = catalyst_member
    local = verified_organisation(name="Locale (exemple fictif)", commune_id="13055")
    paris = verified_organisation(name="Parisienne (exemple fictif)", commune_id="75056")
    with pytest.raises(PermissionDenied):
        match_services.match_propose_by_catalyst(
            user=member_of(local), catalyst=catalyst, requester=local, recipient=paris
        )
    with pytest.raises(ValidationError, match="territoire"):
        match_services.match_propose_by_catalyst(user=broker, catalyst=catalyst, requester=local, recipient=paris)
    assert Match.objects.filter(catalyst=catalyst).count() == 0
