"""Services of claims, invitations and members: rights checked, French messages, nothing half-saved."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from core.permissions import MODERATORS, ensure_roles
from organisations import members
from organisations.models import Claim, ClaimStatus, Invitation, Membership, Organisation, OrganisationRequest, Role
from tests.accounts.factories import AccountFactory
from tests.factories import UserFactory
from tests.organisations.member_factories import OrganisationFactory, member_of

pytestmark = pytest.mark.django_db

EVIDENCE = "Je suis la présidente élue lors de l'assemblée générale de 2024."


@pytest.fixture
def organisation(vocabularies):
    return OrganisationFactory(website="https://www.ressourcerie-exemple.fr")


@pytest.fixture
def moderator(db):
    from django.contrib.auth.models import Group

    ensure_roles()
    user = UserFactory(username="moderatrice")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


def test_a_claim_from_the_sites_domain_is_verified_at_once_as_administrator(organisation) -> None:
    user = AccountFactory(username="camille", email="camille@ressourcerie-exemple.fr")
    claim = members.claim_start(organisation=organisation, user=user)
    assert (claim.status, claim.method) == (ClaimStatus.VERIFIED, "email_domain")
    assert Membership.objects.get(organisation=organisation).user == user
    assert Membership.objects.get().role == Role.ADMIN


def test_a_claim_from_a_look_alike_domain_waits_for_moderation(organisation) -> None:
    user = AccountFactory(username="camille", email="camille@evil-ressourcerie-exemple.fr")
    claim = members.claim_start(organisation=organisation, user=user, evidence=EVIDENCE)
    assert claim.status == ClaimStatus.PENDING
    assert not Membership.objects.exists()


def test_an_unconfirmed_address_cannot_claim(organisation) -> None:
    user = UserFactory(username="camille", email="camille@ressourcerie-exemple.fr")
    with pytest.raises(ValidationError, match="Confirmez d'abord votre adresse"):
        members.claim_start(organisation=organisation, user=user)
    assert not Claim.objects.exists()


def test_a_moderated_claim_needs_evidence(organisation) -> None:
    user = AccountFactory(username="camille", email="camille@gmail.com")
    with pytest.raises(ValidationError, match="expliquez en quelques phrases"):
        members.claim_start(organisation=organisation, user=user, evidence="moi")
    assert not Claim.objects.exists()


def test_a_second_claim_by_the_same_person_is_refused(organisation) -> None:
    user = AccountFactory(username="camille", email="camille@gmail.com")
    members.claim_start(organisation=organisation, user=user, evidence=EVIDENCE)
    with pytest.raises(ValidationError, match="déjà une demande en cours"):
        members.claim_start(organisation=organisation, user=user, evidence=EVIDENCE)
    assert Claim.objects.count() == 1


def test_an_organisation_already_managed_cannot_be_claimed(organisation) -> None:
    member_of(organisation)
    user = AccountFactory(username="camille", email="camille@ressourcerie-exemple.fr")
    with pytest.raises(ValidationError, match="déjà gérée"):
        members.claim_start(organisation=organisation, user=user)
    assert Membership.objects.count() == 1 and not Claim.objects.exists()


def test_a_moderator_approves_a_claim_and_the_claimant_is_told(
    organisation, moderator, django_capture_on_commit_callbacks
) -> None:
    user = AccountFactory(username="camille", email="camille@gmail.com")
    claim = members.claim_start(organisation=organisation, user=user, evidence=EVIDENCE)
    with django_capture_on_commit_callbacks(execute=True):
        members.claim_approve(claim=claim, moderator=moderator)
    assert Membership.objects.get(organisation=organisation).role == Role.ADMIN
    assert "est acceptée" in mail.outbox[-1].body and "/notifications/desabonnement/" in mail.outbox[-1].body


def test_a_refusal_needs_a_reason(organisation, moderator) -> None:
    user = AccountFactory(username="camille", email="camille@gmail.com")
    claim = members.claim_start(organisation=organisation, user=user, evidence=EVIDENCE)
    with pytest.raises(ValidationError, match="motif du refus"):
        members.claim_reject(claim=claim, moderator=moderator, reason=" ")
    assert Claim.objects.get().status == ClaimStatus.PENDING


def test_only_moderators_decide_claims(organisation) -> None:
    user = AccountFactory(username="camille", email="camille@gmail.com")
    claim = members.claim_start(organisation=organisation, user=user, evidence=EVIDENCE)
    with pytest.raises(PermissionDenied):
        members.claim_approve(claim=claim, moderator=member_of(organisation))
    assert Claim.objects.get().status == ClaimStatus.PENDING


def test_a_member_invites_and_the_invited_person_joins(organisation, django_capture_on_commit_callbacks) -> None:
    admin = member_of(organisation)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = members.invitation_send(
            organisation=organisation, inviter=admin, email="Dominique@Example.invalid"
        )
    assert invitation.email == "dominique@example.invalid"
    assert "/annuaire/invitation/" in mail.outbox[-1].body
    invited = AccountFactory(username="dominique", email="dominique@example.invalid")
    membership = members.invitation_accept(invitation=invitation, user=invited)
    assert membership.role == Role.MEMBER
    with pytest.raises(ValidationError, match="déjà été utilisée"):
        members.invitation_accept(invitation=invitation, user=invited)


def test_an_invitation_is_accepted_only_by_the_invited_address(organisation) -> None:
    invitation = members.invitation_send(
        organisation=organisation, inviter=member_of(organisation), email="d@example.invalid"
    )
    with pytest.raises(ValidationError, match=r"envoyée à d@example\.invalid"):
        members.invitation_accept(invitation=invitation, user=AccountFactory(username="x", email="x@example.invalid"))
    assert Membership.objects.count() == 1


def test_inviting_an_address_of_a_member_is_refused(organisation) -> None:
    admin = member_of(organisation, email="admin@example.invalid")
    with pytest.raises(ValidationError, match="appartient déjà à un membre"):
        members.invitation_send(organisation=organisation, inviter=admin, email="ADMIN@example.invalid")
    assert not Invitation.objects.exists()


def test_a_member_of_another_organisation_cannot_invite(organisation) -> None:
    outsider = member_of(OrganisationFactory())
    with pytest.raises(PermissionDenied):
        members.invitation_send(organisation=organisation, inviter=outsider, email="d@example.invalid")
    assert not Invitation.objects.exists()


def test_a_plain_member_cannot_invite_an_administrator(organisation) -> None:
    plain = member_of(organisation, role=Role.MEMBER)
    with pytest.raises(PermissionDenied):
        members.invitation_send(organisation=organisation, inviter=plain, email="d@example.invalid", role=Role.ADMIN)


def test_a_forged_invitation_token_names_nothing(organisation) -> None:
    assert members.invitation_from_token("faux") is None


def test_an_administrator_removes_a_member(organisation) -> None:
    admin = member_of(organisation)
    member_of(organisation, role=Role.MEMBER)
    members.member_remove(membership=Membership.objects.get(role=Role.MEMBER), actor=admin)
    assert list(Membership.objects.values_list("user", flat=True)) == [admin.pk]


def test_a_plain_member_cannot_remove_another(organisation) -> None:
    member_of(organisation)
    plain = member_of(organisation, role=Role.MEMBER)
    with pytest.raises(PermissionDenied):
        members.member_remove(membership=Membership.objects.get(role=Role.ADMIN), actor=plain)
    assert Membership.objects.count() == 2


def test_the_last_administrator_cannot_be_removed(organisation) -> None:
    admin = member_of(organisation)
    with pytest.raises(ValidationError, match="dernier administrateur"):
        members.member_remove(membership=Membership.objects.get(), actor=admin)
    assert Membership.objects.count() == 1


def test_an_organisation_outside_the_registers_is_public_only_once_moderated(vocabularies, moderator) -> None:
    from reference.models import ActorKind

    proposer = AccountFactory(username="agent", email="agent@example.invalid")
    request = members.organisation_request_create(
        proposer=proposer,
        kind=ActorKind.objects.get(slug="association"),
        name="Fondation fictive du littoral (exemple fictif)",
        purpose="Protéger le littoral.",
        website="",
        commune=None,
        evidence=EVIDENCE,
    )
    assert not Organisation.objects.exists()
    organisation = members.organisation_request_approve(request=request, moderator=moderator)
    assert organisation.source == "manual"
    assert Membership.objects.get(organisation=organisation).user == proposer
    assert OrganisationRequest.objects.get().status == "approved"
