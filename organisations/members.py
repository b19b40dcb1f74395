"""Writes of the people who represent organisations: claims (« Je représente cette organisation »),
their review by moderators, invitations, removal of members, organisations created on the platform.

Each service checks the actor's rights itself (the views and the back office call them with the
signed-in person), runs in one transaction, raises a French ValidationError and then saves nothing.
E-mails leave on commit (accounts.notifications).
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import Topic
from accounts.notifications import absolute, notify
from organisations.domains import email_matches_website
from organisations.models import (
    Claim,
    ClaimMethod,
    ClaimStatus,
    Invitation,
    Membership,
    Organisation,
    OrganisationRequest,
    OrganisationStatus,
    RegisterSource,
    RequestStatus,
    Role,
)
from organisations.permissions import is_admin, is_member

INVITATION_SALT = "organisations.invitation"
INVITATION_MAX_AGE = 14 * 86400
MIN_EVIDENCE = 20


def _confirmed_emails(user: AbstractBaseUser) -> list[str]:
    return [a.email for a in EmailAddress.objects.filter(user=user, verified=True).order_by("-primary", "email")]


@transaction.atomic
def claim_start(*, organisation: Organisation, user: AbstractBaseUser, evidence: str = "") -> Claim:
    """« Je représente cette organisation ». Verified at once, with ``user`` as administrator, when one
    of their confirmed addresses is on the organisation's website domain; otherwise it waits for the
    moderators, with the evidence given."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    emails = _confirmed_emails(user)
    if not emails:
        raise ValidationError("Confirmez d'abord votre adresse e-mail : le lien vous a été envoyé à l'inscription.")
    if organisation.status != OrganisationStatus.ACTIVE:
        raise ValidationError("Cette organisation est dissoute ou fermée : sa page ne peut plus être revendiquée.")
    if is_member(user, organisation):
        raise ValidationError("Vous représentez déjà cette organisation.")
    if organisation.memberships.exists():
        raise ValidationError(
            "Cette organisation est déjà gérée sur la plateforme : demandez une invitation à l'un de ses membres."
        )
    if Claim.objects.pending().filter(organisation=organisation, user=user).exists():
        raise ValidationError("Vous avez déjà une demande en cours pour cette organisation.")
    matching = next((email for email in emails if email_matches_website(email, organisation.website)), None)
    if matching:
        claim = Claim(
            organisation=organisation,
            user=user,
            email=matching,
            evidence=evidence.strip(),
            method=ClaimMethod.EMAIL_DOMAIN,
            status=ClaimStatus.VERIFIED,
            decided_at=timezone.now(),
        )
        claim.full_clean()
        claim.save()
        Membership.objects.create(organisation=organisation, user=user, role=Role.ADMIN)
        return claim
    if len(evidence.strip()) < MIN_EVIDENCE:
        raise ValidationError(
            {
                "evidence": "Votre adresse e-mail n'est pas sur le domaine du site de l'organisation : expliquez en "
                f"quelques phrases ({MIN_EVIDENCE} caractères au moins) comment vous la représentez."
            }
        )
    claim = Claim(
        organisation=organisation, user=user, email=emails[0], evidence=evidence.strip(), method=ClaimMethod.MODERATION
    )
    claim.full_clean()
    claim.save()
    return claim


def _check_moderator(moderator: AbstractBaseUser) -> None:
    if not moderator.has_perm("organisations.change_claim"):
        raise PermissionDenied("Seule l'équipe de modération examine les demandes.")


def _tell_claimant(claim: Claim) -> None:
    notify(
        user=claim.user,
        topic=Topic.ORGANISATIONS,
        subject=f"Votre demande pour « {claim.organisation.name[:80]} » est {claim.get_status_display()}",
        template="organisations/email/claim_decided",
        context={
            "claim": claim,
            "manage_url": absolute(reverse("organisations:manage", kwargs={"pk": claim.organisation_id})),
        },
    )


@transaction.atomic
def claim_approve(*, claim: Claim, moderator: AbstractBaseUser) -> Claim:
    """A moderator accepts the claim: the person becomes administrator (member if one already exists)."""
    _check_moderator(moderator)
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status != ClaimStatus.PENDING:
        raise ValidationError("Cette demande a déjà été examinée.")
    claim.status, claim.decided_at, claim.decided_by = ClaimStatus.VERIFIED, timezone.now(), moderator
    claim.save()
    role = Role.MEMBER if claim.organisation.memberships.admins().exists() else Role.ADMIN
    Membership.objects.get_or_create(organisation=claim.organisation, user=claim.user, defaults={"role": role})
    _tell_claimant(claim)
    return claim


@transaction.atomic
def claim_reject(*, claim: Claim, moderator: AbstractBaseUser, reason: str) -> Claim:
    _check_moderator(moderator)
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.status != ClaimStatus.PENDING:
        raise ValidationError("Cette demande a déjà été examinée.")
    if not reason.strip():
        raise ValidationError({"reason": "Indiquez le motif du refus : il est envoyé au demandeur."})
    claim.status, claim.reason = ClaimStatus.REJECTED, reason.strip()
    claim.decided_at, claim.decided_by = timezone.now(), moderator
    claim.save()
    _tell_claimant(claim)
    return claim


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps(invitation.pk, salt=INVITATION_SALT)


def invitation_from_token(token: str) -> Invitation | None:
    """The open invitation a link names; None when forged, expired or already used."""
    try:
        pk = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.BadSignature:
        return None
    return Invitation.objects.select_related("organisation").filter(pk=pk, accepted_at__isnull=True).first()


@transaction.atomic
def invitation_send(
    *, organisation: Organisation, inviter: AbstractBaseUser, email: str, role: str = Role.MEMBER
) -> Invitation:
    """A member invites someone by e-mail; only an administrator may invite an administrator."""
    if not is_member(inviter, organisation):
        raise PermissionDenied("Seuls les membres de l'organisation peuvent inviter.")
    if role not in Role.values:
        raise ValidationError({"role": "Rôle inconnu : choisissez administrateur ou membre."})
    if role == Role.ADMIN and not is_admin(inviter, organisation):
        raise PermissionDenied("Seul un administrateur peut inviter un autre administrateur.")
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": "Saisissez une adresse e-mail valide, par exemple nom@domaine.fr."}) from None
    members = organisation.memberships.values_list("user", flat=True)
    if (
        EmailAddress.objects.filter(email__iexact=email, user__in=members).exists()
        or organisation.memberships.filter(user__email__iexact=email).exists()
    ):
        raise ValidationError({"email": "Cette adresse appartient déjà à un membre de l'organisation."})
    if Invitation.objects.filter(organisation=organisation, email=email, accepted_at__isnull=True).exists():
        raise ValidationError({"email": "Une invitation est déjà en attente pour cette adresse."})
    invitation = Invitation(organisation=organisation, email=email, role=role, invited_by=inviter)
    invitation.full_clean()
    invitation.save()
    link = absolute(reverse("organisations:invitation", kwargs={"token": invitation_token(invitation)}))
    context = {"invitation": invitation, "link": link, "days": INVITATION_MAX_AGE // 86400, "site_url": absolute("")}
    message = EmailMultiAlternatives(
        subject=f"[Alliances & Territoires] Invitation à représenter « {organisation.name[:80]} »",
        body=render_to_string("organisations/email/invitation.txt", context),
        to=[email],
    )
    message.attach_alternative(render_to_string("organisations/email/invitation.html", context), "text/html")
    transaction.on_commit(message.send)
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: AbstractBaseUser) -> Membership:
    """The invited person, signed in with the invited address confirmed, joins the organisation."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise ValidationError("Cette invitation a déjà été utilisée.")
    if invitation.email.lower() not in {email.lower() for email in _confirmed_emails(user)}:
        raise ValidationError(
            f"Cette invitation a été envoyée à {invitation.email} : connectez-vous avec le compte de cette adresse, "
            "confirmée."
        )
    if is_member(user, invitation.organisation):
        raise ValidationError("Vous êtes déjà membre de cette organisation.")
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return Membership.objects.create(organisation=invitation.organisation, user=user, role=invitation.role)


@transaction.atomic
def member_remove(*, membership: Membership, actor: AbstractBaseUser) -> None:
    """An administrator removes a member (or a member leaves); the last administrator stays."""
    membership = Membership.objects.select_for_update().select_related("organisation").get(pk=membership.pk)
    organisation = membership.organisation
    if membership.user_id != actor.pk and not is_admin(actor, organisation):
        raise PermissionDenied("Seul un administrateur de l'organisation peut retirer un membre.")
    admins = list(organisation.memberships.admins().select_for_update().values_list("pk", flat=True))
    if membership.role == Role.ADMIN and admins == [membership.pk]:
        raise ValidationError(
            "C'est le dernier administrateur de l'organisation : nommez-en un autre avant de le retirer."
        )
    membership.delete()


@transaction.atomic
def organisation_request_create(
    *, proposer: AbstractBaseUser, kind: object, name: str, purpose: str, website: str, commune: object, evidence: str
) -> OrganisationRequest:
    """Propose an organisation that is in no register; it stays out of the directory until moderated."""
    if not _confirmed_emails(proposer):
        raise ValidationError("Confirmez d'abord votre adresse e-mail : le lien vous a été envoyé à l'inscription.")
    request = OrganisationRequest(
        proposer=proposer,
        kind=kind,
        name=name.strip(),
        purpose=purpose.strip(),
        website=website.strip(),
        commune=commune,
        evidence=evidence.strip(),
    )
    request.full_clean()
    if OrganisationRequest.objects.filter(
        proposer=proposer, name__iexact=request.name, status=RequestStatus.PENDING
    ).exists():
        raise ValidationError({"name": "Vous avez déjà proposé cette organisation : elle attend la modération."})
    request.save()
    return request


@transaction.atomic
def organisation_request_approve(*, request: OrganisationRequest, moderator: AbstractBaseUser) -> Organisation:
    """Publish the organisation in the directory, its proposer as administrator."""
    _check_moderator(moderator)
    request = OrganisationRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != RequestStatus.PENDING:
        raise ValidationError("Cette demande a déjà été examinée.")
    organisation = Organisation(
        kind=request.kind, name=request.name, purpose=request.purpose, website=request.website, commune=request.commune
    )
    organisation.source, organisation.register_id = RegisterSource.MANUAL, None
    organisation.refresh_search_fields()
    organisation.full_clean()
    organisation.save()
    Membership.objects.create(organisation=organisation, user=request.proposer, role=Role.ADMIN)
    request.status, request.organisation, request.decided_at = RequestStatus.APPROVED, organisation, timezone.now()
    request.save()
    return organisation


@transaction.atomic
def organisation_request_reject(*, request: OrganisationRequest, moderator: AbstractBaseUser, reason: str) -> None:
    _check_moderator(moderator)
    request = OrganisationRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != RequestStatus.PENDING:
        raise ValidationError("Cette demande a déjà été examinée.")
    if not reason.strip():
        raise ValidationError({"reason": "Indiquez le motif du refus : il est montré au demandeur."})
    request.status, request.reason, request.decided_at = RequestStatus.REJECTED, reason.strip(), timezone.now()
    request.save()
