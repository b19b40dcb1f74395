"""E-mails of the support requests, in French, plain text plus HTML, sent once the write commits.

- To the members of the desks a request reaches (a catalyst's team, or the platform's team): the
  topic « La vie des organisations que je représente » of ``accounts.notifications``, with its
  unsubscribe link.
- To the requester, when the request is taken in charge, answered or closed: the answer to their own
  request, sent like the answer to a contact message (no topic to unsubscribe from); the request and
  its messages stay in « Mon espace ». See docs/adr/0028-support-requests.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.models import Topic
from accounts.notifications import SUBJECT_PREFIX, absolute, notify
from catalysts.models import Catalyst
from core.permissions import MODERATORS
from support.models import SupportMessage, SupportRequest


def _team_members(catalyst: Catalyst) -> Any:
    return (
        get_user_model()
        .objects.filter(is_active=True, memberships__organisation__catalyst_links__catalyst=catalyst)
        .distinct()
    )


def _platform_team() -> Any:
    return get_user_model().objects.filter(is_active=True, groups__name=MODERATORS).distinct()


def _notify_desk(users: Iterable[Any], *, subject: str, template: str, context: dict[str, Any]) -> None:
    for user in users:
        notify(user=user, topic=Topic.ORGANISATIONS, subject=subject, template=template, context=context)


def request_received(support_request: SupportRequest, catalysts: list[Catalyst]) -> None:
    subject = f"Nouvelle demande d'accompagnement à {support_request.territory_name}"
    url = absolute(support_request.desk_url)
    if not catalysts:
        context = {"support_request": support_request, "request_url": url, "desk": "l'équipe de la plateforme"}
        _notify_desk(_platform_team(), subject=subject, template="support/email/request_received", context=context)
        return
    for catalyst in catalysts:
        context = {"support_request": support_request, "request_url": url, "desk": catalyst.name}
        _notify_desk(
            _team_members(catalyst), subject=subject, template="support/email/request_received", context=context
        )


def requester_wrote(support_request: SupportRequest) -> None:
    """The requester added a message: the desk that handles the request is told."""
    handled_by = support_request.handled_by
    if support_request.handled_by_platform:
        users, desk = _platform_team(), "l'équipe de la plateforme"
    elif handled_by is not None:
        users, desk = _team_members(handled_by), handled_by.name
    else:
        return
    context = {"support_request": support_request, "request_url": absolute(support_request.desk_url), "desk": desk}
    _notify_desk(
        users,
        subject=f"Nouveau message sur la demande n° {support_request.pk}",
        template="support/email/requester_wrote",
        context=context,
    )


def _mail_requester(support_request: SupportRequest, *, subject: str, template: str, **context: Any) -> bool:
    requester = support_request.requester
    address = getattr(requester, "email", "") if requester is not None else ""
    if not address:
        return False
    handled_by = support_request.handled_by
    context = {
        **context,
        "support_request": support_request,
        "handled_by": handled_by.name if handled_by is not None else "l'équipe de la plateforme",
        "site_url": settings.SITE_URL.rstrip("/"),
        "request_url": absolute(reverse("support:mine_detail", kwargs={"pk": support_request.pk})),
    }
    message = EmailMultiAlternatives(
        subject=SUBJECT_PREFIX + subject, body=render_to_string(f"{template}.txt", context), to=[address]
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    transaction.on_commit(message.send)
    return True


def request_taken(support_request: SupportRequest) -> None:
    _mail_requester(
        support_request,
        subject="Votre demande d'accompagnement est prise en charge",
        template="support/email/request_taken",
    )


def request_answered(support_request: SupportRequest, message: SupportMessage) -> None:
    _mail_requester(
        support_request,
        subject="Réponse à votre demande d'accompagnement",
        template="support/email/request_answered",
        message=message,
    )


def request_closed(support_request: SupportRequest, message: SupportMessage | None) -> None:
    _mail_requester(
        support_request,
        subject="Votre demande d'accompagnement est close",
        template="support/email/request_closed",
        message=message,
    )
