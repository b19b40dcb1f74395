"""Writes of the matches (« mises en relation »): open one (interest, catalyst), answer, talk, conclude.

Each service checks on the server that the person represents the side they act for, runs in one
transaction on the locked match, moves it only along ``alliances.workflow.TRANSITIONS`` (recording a
``MatchEvent``) and, on bad input, raises a French ``ValidationError`` having changed nothing. E-mails
leave after the commit (``accounts.notifications.notify``).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from alliances import notifications
from alliances.models import Listing, Match, MatchEvent, MatchStatus, Message
from alliances.models.matches import MAX_MESSAGE
from alliances.permissions import catalyst_covers, catalysts_of_member, is_verified
from alliances.workflow import FINAL, TransitionNotAllowed, check_transition
from catalysts.models import Catalyst
from organisations.models import Organisation, OrganisationStatus
from organisations.permissions import is_member


def expiry_days() -> int:
    return int(settings.MATCH_EXPIRY_DAYS)


def _locked(match: Match) -> Match:
    return (
        Match.objects.select_for_update(of=("self",))
        .select_related("requester", "recipient", "listing")
        .get(pk=match.pk)
    )


def _record(
    match: Match,
    *,
    from_status: str,
    user: User | None,
    organisation: Organisation | None,
    note: str = "",
    at: dt.datetime | None = None,
) -> None:
    MatchEvent.objects.create(
        match=match,
        from_status=from_status,
        to_status=match.status,
        actor=user,
        organisation=organisation,
        note=note,
        at=at or timezone.now(),
    )


def _refuse(current: str, target: str) -> None:
    """A French ValidationError unless the workflow allows ``current`` → ``target``."""
    try:
        check_transition(current, target)
    except TransitionNotAllowed as error:
        raise ValidationError(str(error)) from error


def _move(
    match: Match,
    target: str,
    *,
    user: User | None,
    organisation: Organisation | None,
    note: str = "",
    at: dt.datetime | None = None,
) -> None:
    """Apply one whitelisted transition and record it (ValidationError for any other)."""
    _refuse(match.status, target)
    previous = match.status
    match.status = target
    match.updated_at = at or timezone.now()
    match.save()
    _record(match, from_status=previous, user=user, organisation=organisation, note=note, at=at)


def _side(match: Match, *, user: User, organisation: Organisation) -> str:
    """The side ``organisation`` holds in ``match``, once checked that ``user`` represents it."""
    if not is_member(user, organisation):
        raise PermissionDenied("Vous ne représentez pas cette organisation.")
    side = match.side_of(organisation.pk)
    if not side:
        raise PermissionDenied("Votre organisation ne fait pas partie de cette mise en relation.")
    return side


def is_past_expiry(match: Match, *, now: dt.datetime | None = None) -> bool:
    if not match.is_awaiting or match.sent_at is None:
        return False
    return (now or timezone.now()) >= match.sent_at + dt.timedelta(days=expiry_days())


def _check_not_expired(match: Match) -> None:
    if is_past_expiry(match):
        raise ValidationError(
            f"Cette mise en relation a expiré : sans réponse des deux côtés en {expiry_days()} jours, elle est close."
        )


def _clean_body(body: str, *, field: str = "body", required: bool = True) -> str:
    body = (body or "").strip()
    if required and not body:
        raise ValidationError({field: "Écrivez votre message."})
    if len(body) > MAX_MESSAGE:
        raise ValidationError({field: f"Le message ne peut dépasser {MAX_MESSAGE} caractères."})
    return body


def _send(match: Match, *, user: User | None, organisation: Organisation | None) -> None:
    now = timezone.now()
    match.sent_at = now
    _move(match, MatchStatus.SENT, user=user, organisation=organisation, at=now)


@transaction.atomic
def match_from_interest(*, listing: Listing, user: User, organisation: Organisation, message: str = "") -> Match:
    """« Manifester son intérêt »: a member of another verified organisation asks to be put in touch
    with the listing's organisation. The interested side has accepted by asking; the platform sends
    the request (and the optional message, relayed without the sender's name) to the other side."""
    listing = Listing.objects.select_for_update().select_related("organisation").get(pk=listing.pk)
    if not is_member(user, organisation):
        raise PermissionDenied("Vous ne représentez pas cette organisation.")
    if not is_verified(organisation):
        raise ValidationError(
            {
                "organisation": "Seules les organisations vérifiées (inscrites au RNA ou à Sirene) peuvent "
                "manifester leur intérêt."
            }
        )
    if organisation.pk == listing.organisation_id:
        raise ValidationError({"organisation": "Vous ne pouvez pas manifester d'intérêt pour votre propre annonce."})
    if not listing.is_open:
        raise ValidationError("Cette annonce n'est plus ouverte : elle a expiré ou a été clôturée.")
    if Match.objects.filter(listing=listing, requester=organisation).exists():
        raise ValidationError({"organisation": "Votre organisation a déjà manifesté son intérêt pour cette annonce."})
    body = _clean_body(message, field="message", required=False)
    now = timezone.now()
    match = Match.objects.create(
        listing=listing,
        requester=organisation,
        recipient=listing.organisation,
        proposed_by=user,
        requester_contact=user,
        requester_accepted_at=now,
        is_demo=listing.is_demo,
        created_at=now,
        updated_at=now,
    )
    _record(match, from_status="", user=user, organisation=organisation, note="intérêt pour l'annonce", at=now)
    if body:
        Message.objects.create(match=match, sender=organisation, author=user, body=body)
    _send(match, user=user, organisation=organisation)
    notifications.match_sent(match, sides=["recipient"])
    return match


@transaction.atomic
def match_propose_by_catalyst(
    *,
    user: User,
    catalyst: Catalyst,
    requester: Organisation,
    recipient: Organisation,
    listing: Listing | None = None,
    note: str = "",
) -> Match:
    """A member of a catalyst's organisation proposes two organisations of its territory to each other;
    each side must accept before either learns who the other is."""
    if not catalysts_of_member(user).filter(pk=catalyst.pk).exists():
        raise PermissionDenied(
            "Seuls les membres de l'organisation d'un catalyseur peuvent proposer une mise en relation."
        )
    errors: dict[str, str] = {}
    if requester.pk == recipient.pk:
        errors["recipient"] = "Choisissez deux organisations différentes."
    for field, organisation in (("requester", requester), ("recipient", recipient)):
        if organisation.status != OrganisationStatus.ACTIVE:
            errors[field] = f"« {organisation.name[:80]} » est dissoute ou fermée."
        elif not catalyst_covers(catalyst, organisation):
            errors[field] = f"« {organisation.name[:80]} » n'a pas son siège sur le territoire de {catalyst.name}."
    if listing is not None and not listing.is_open:
        errors["listing"] = "Cette annonce n'est plus ouverte : elle a expiré ou a été clôturée."
    if listing is not None and listing.organisation_id not in (requester.pk, recipient.pk):
        errors["listing"] = "L'annonce doit appartenir à l'une des deux organisations."
    body = _clean_body(note, field="note", required=False)
    if errors:
        raise ValidationError(errors)
    pair = Match.objects.of_organisations([requester.pk]).of_organisations([recipient.pk]).exclude(status__in=FINAL)
    if pair.exists():
        raise ValidationError("Ces deux organisations ont déjà une mise en relation en cours.")
    if listing is not None and Match.objects.filter(listing=listing, requester=requester).exists():
        raise ValidationError({"listing": "Cette organisation a déjà été mise en relation pour cette annonce."})
    now = timezone.now()
    match = Match.objects.create(
        listing=listing,
        requester=requester,
        recipient=recipient,
        catalyst=catalyst,
        proposed_by=user,
        created_at=now,
        updated_at=now,
    )
    _record(match, from_status="", user=user, organisation=None, note=f"proposée par {catalyst.name}", at=now)
    if body:
        Message.objects.create(match=match, sender=requester, author=user, body=f"Mot du catalyseur : {body}")
    _send(match, user=user, organisation=None)
    notifications.match_sent(match, sides=["requester", "recipient"])
    return match


@transaction.atomic
def match_accept(*, match: Match, user: User, organisation: Organisation) -> Match:
    """One side accepts; when both have, the match is accepted and contact details are released."""
    match = _locked(match)
    side = _side(match, user=user, organisation=organisation)
    _check_not_expired(match)
    if match.status != MatchStatus.SENT:
        _refuse(match.status, MatchStatus.ACCEPTED)
    if match.accepted_by(side):
        raise ValidationError("Votre organisation a déjà accepté : la réponse de l'autre organisation est attendue.")
    now = timezone.now()
    setattr(match, f"{side}_accepted_at", now)
    setattr(match, f"{side}_contact", user)
    match.updated_at = now
    match.save()
    if match.waiting_sides():
        _record(match, from_status=match.status, user=user, organisation=organisation, note="acceptée par un côté")
        notifications.match_half_accepted(match, waiting=match.waiting_sides())
        return match
    match.answered_at = now
    _move(match, MatchStatus.ACCEPTED, user=user, organisation=organisation, at=now)
    notifications.match_accepted(match)
    return match


@transaction.atomic
def match_decline(*, match: Match, user: User, organisation: Organisation, reason: str) -> Match:
    """One side declines, with a reason the other side reads (without learning who declined)."""
    match = _locked(match)
    _side(match, user=user, organisation=organisation)
    _check_not_expired(match)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Indiquez le motif du refus : il est transmis à l'autre organisation."})
    if len(reason) > MAX_MESSAGE:
        raise ValidationError({"reason": f"Le motif ne peut dépasser {MAX_MESSAGE} caractères."})
    match.declined_by, match.decline_reason, match.answered_at = organisation, reason, timezone.now()
    _move(match, MatchStatus.DECLINED, user=user, organisation=organisation, note=reason)
    notifications.match_declined(match)
    return match


@transaction.atomic
def match_conclude(*, match: Match, user: User, organisation: Organisation, outcome: str) -> Match:
    """After acceptance: « nous échangeons » (discussing), then « alliance formée » (formed) or « close »."""
    if outcome not in (MatchStatus.DISCUSSING, MatchStatus.FORMED, MatchStatus.CLOSED):
        raise ValidationError("Action inconnue.")
    match = _locked(match)
    _side(match, user=user, organisation=organisation)
    if outcome == MatchStatus.FORMED:
        match.formed_at = timezone.now()
    _move(match, outcome, user=user, organisation=organisation)
    if outcome == MatchStatus.FORMED:
        notifications.match_formed(match, by=organisation)
    return match


@transaction.atomic
def message_send(*, match: Match, user: User, organisation: Organisation, body: str) -> Message:
    """A side writes to the other through the platform; after acceptance this starts the discussion."""
    match = _locked(match)
    _side(match, user=user, organisation=organisation)
    _check_not_expired(match)
    if match.status in FINAL:
        raise ValidationError(
            f"Cette mise en relation est « {match.get_status_display()} » : elle ne reçoit plus de message."
        )
    message = Message(match=match, sender=organisation, author=user, body=_clean_body(body))
    message.full_clean()
    message.save()
    if match.status == MatchStatus.ACCEPTED:
        _move(match, MatchStatus.DISCUSSING, user=user, organisation=organisation, note="premier message")
    else:
        Match.objects.filter(pk=match.pk).update(updated_at=timezone.now())
    notifications.message_relayed(message)
    return message
