"""Writes of the support requests: ask, take in charge, answer, close, anonymise.

Each service checks the actor's rights itself (PermissionDenied with a French message), runs in one
transaction, allows only the transitions new → in progress → closed (new → closed too), and on bad input
raises a French ValidationError naming the field, having saved nothing. E-mails leave after the commit.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from organisations.models import Organisation
from organisations.permissions import is_member
from reference.models import PartnershipModality
from support import notifications
from support.models import (
    MAX_MESSAGE,
    MAX_PURPOSE,
    Outcome,
    RequestStatus,
    Sender,
    SupportMessage,
    SupportRequest,
)
from support.permissions import Desk, desk_for, handling_label, is_handling_desk
from support.routing import route
from territories.models import Commune

ERASED = "[effacé]"
DESK_OUTCOMES = [Outcome.SUPPORTED, Outcome.REDIRECTED, Outcome.NO_FOLLOW_UP]


def _text(value: str, *, field: str, maximum: int, required_message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: required_message})
    if len(value) > maximum:
        raise ValidationError({field: f"{maximum} caractères au plus (vous en avez saisi {len(value)})."})
    return value


def _locked(support_request: SupportRequest) -> SupportRequest:
    return SupportRequest.objects.select_for_update().get(pk=support_request.pk)


def _desk(user: User, support_request: SupportRequest) -> Desk:
    desk = desk_for(user, support_request)
    if desk is None:
        raise PermissionDenied(
            "Cette demande n'a pas été transmise à votre catalyseur : elle concerne un autre territoire. "
            "Rien n'a été modifié."
        )
    return desk


@transaction.atomic
def support_request_create(
    *,
    requester: User,
    purpose: str,
    commune: Commune,
    modality: PartnershipModality | None = None,
    organisation: Organisation | None = None,
    organisation_name: str = "",
) -> SupportRequest:
    """A signed-in person asks for support in a commune; the request goes where ``routing.route`` says."""
    if not getattr(requester, "is_authenticated", False):
        raise PermissionDenied("Connectez-vous pour demander un accompagnement.")
    purpose = _text(
        purpose,
        field="purpose",
        maximum=MAX_PURPOSE,
        required_message="Décrivez en quelques phrases ce pour quoi vous cherchez un accompagnement.",
    )
    if organisation is not None and not is_member(requester, organisation):
        raise ValidationError(
            {"organisation": "Vous ne représentez pas cette organisation : choisissez-en une de la liste."}
        )
    organisation_name = (organisation_name or "").strip()
    if len(organisation_name) > 200:
        raise ValidationError({"organisation_name": "200 caractères au plus."})
    routing = route(commune)
    support_request = SupportRequest(
        requester=requester,
        purpose=purpose,
        modality=modality,
        organisation=organisation,
        organisation_name="" if organisation else organisation_name,
        territory_level="commune",
        territory_code=commune.code,
        routing_level=routing.level,
        routing_reason=routing.reason,
    )
    support_request.full_clean(exclude=["requester", "routed_to"])
    support_request.save()
    support_request.routed_to.set(routing.catalysts)
    notifications.request_received(support_request, routing.catalysts)
    return support_request


@transaction.atomic
def support_request_take(*, support_request: SupportRequest, user: User) -> SupportRequest:
    """A member of a desk the request was routed to takes it in charge; the requester is told."""
    support_request = _locked(support_request)
    desk = _desk(user, support_request)
    if support_request.status == RequestStatus.IN_PROGRESS:
        raise ValidationError(f"Cette demande est déjà prise en charge par {handling_label(support_request)}.")
    if support_request.status == RequestStatus.CLOSED:
        raise ValidationError("Cette demande est close : elle ne peut plus être prise en charge.")
    support_request.status = RequestStatus.IN_PROGRESS
    support_request.handled_by = desk.catalyst
    support_request.handled_by_platform = desk.is_platform
    support_request.taken_at = timezone.now()
    support_request.save(update_fields=["status", "handled_by", "handled_by_platform", "taken_at"])
    notifications.request_taken(support_request)
    return support_request


@transaction.atomic
def support_message_send(*, support_request: SupportRequest, user: User, body: str) -> SupportMessage:
    """A message relayed by the platform: from the handling desk to the requester, or back."""
    support_request = _locked(support_request)
    body = _text(body, field="body", maximum=MAX_MESSAGE, required_message="Écrivez votre message.")
    if support_request.requester_id is not None and support_request.requester_id == user.pk:
        sender, desk = Sender.REQUESTER, None
    else:
        desk = _desk(user, support_request)
        if support_request.status == RequestStatus.NEW:
            raise ValidationError("Prenez d'abord la demande en charge : la réponse dira qui vous êtes.")
        if not is_handling_desk(desk, support_request):
            raise PermissionDenied(
                f"Cette demande est prise en charge par {handling_label(support_request)} : "
                "c'est à lui de répondre. Rien n'a été envoyé."
            )
        sender = Sender.PLATFORM if desk.is_platform else Sender.CATALYST
    if support_request.status == RequestStatus.CLOSED:
        raise ValidationError("Cette demande est close : aucun message ne peut plus y être ajouté.")
    message = SupportMessage(
        request=support_request,
        sender=sender,
        catalyst=desk.catalyst if desk else None,
        author=user,
        body=body,
    )
    message.full_clean(exclude=["author", "catalyst"])
    message.save()
    if sender == Sender.REQUESTER:
        notifications.requester_wrote(support_request)
    else:
        notifications.request_answered(support_request, message)
    return message


@transaction.atomic
def support_request_close(
    *, support_request: SupportRequest, user: User, outcome: str, note: str = ""
) -> SupportRequest:
    """The desk closes the request with an outcome (a new one too, « sans suite » or redirected); the
    requester withdraws it (« retirée par le demandeur »). A note is sent to the other side as a message."""
    support_request = _locked(support_request)
    is_requester = support_request.requester_id is not None and support_request.requester_id == user.pk
    desk = None if is_requester else _desk(user, support_request)
    if support_request.status == RequestStatus.CLOSED:
        raise ValidationError("Cette demande est déjà close.")
    if desk is None:  # the requester withdraws
        outcome = Outcome.WITHDRAWN
    elif outcome not in DESK_OUTCOMES:
        raise ValidationError({"outcome": "Choisissez l'issue de la demande dans la liste."})
    elif support_request.status == RequestStatus.IN_PROGRESS and not is_handling_desk(desk, support_request):
        raise PermissionDenied(
            f"Cette demande est prise en charge par {handling_label(support_request)} : c'est à lui de la clore."
        )
    note = (note or "").strip()
    if len(note) > MAX_MESSAGE:
        raise ValidationError({"note": f"{MAX_MESSAGE} caractères au plus (vous en avez saisi {len(note)})."})
    now = timezone.now()
    if desk is not None and support_request.status == RequestStatus.NEW:
        support_request.handled_by = desk.catalyst
        support_request.handled_by_platform = desk.is_platform
    support_request.status, support_request.outcome, support_request.closed_at = RequestStatus.CLOSED, outcome, now
    support_request.save(update_fields=["status", "outcome", "closed_at", "handled_by", "handled_by_platform"])
    message = None
    if note:
        sender = Sender.REQUESTER if desk is None else (Sender.PLATFORM if desk.is_platform else Sender.CATALYST)
        message = SupportMessage.objects.create(
            request=support_request,
            sender=sender,
            catalyst=None if desk is None else desk.catalyst,
            author=user,
            body=note,
        )
    if not is_requester:
        notifications.request_closed(support_request, message)
    return support_request


def _anonymise(queryset: Any, now: dt.datetime) -> int:
    count = 0
    for support_request in queryset.select_for_update():
        support_request.messages.update(body=ERASED, author=None)
        support_request.purpose = ERASED
        support_request.organisation_name = ""
        support_request.organisation = None
        support_request.requester = None
        support_request.anonymised_at = now
        support_request.save(
            update_fields=["purpose", "organisation_name", "organisation", "requester", "anonymised_at"]
        )
        count += 1
    return count


@transaction.atomic
def support_requests_anonymise(*, now: dt.datetime | None = None) -> int:
    """Erase the texts and the requester of the requests closed more than ``SUPPORT_RETENTION_DAYS``
    ago; keep what the statistics need (commune, modality, routing, status, dates). Only what is still
    due: a second run changes nothing. Returns how many were anonymised."""
    now = now or timezone.now()
    limit = now - dt.timedelta(days=settings.SUPPORT_RETENTION_DAYS)
    return _anonymise(SupportRequest.objects.due_for_anonymisation(limit), now)


@transaction.atomic
def support_requests_forget_requester(*, user: User) -> int:
    """When a person deletes their account: their requests lose their texts and their link to them."""
    return _anonymise(SupportRequest.objects.of_requester(user).filter(anonymised_at__isnull=True), timezone.now())
