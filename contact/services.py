"""Writes of the contact messages: receive one (and tell the team), erase the old ones."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from contact.models import ContactMessage
from core.permissions import MISSION_TEAM

logger = logging.getLogger(__name__)


def team_recipients() -> list[str]:
    """``CONTACT_RECIPIENTS`` and the active members of the mission team who have an address."""
    members = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=MISSION_TEAM)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    return sorted({*settings.CONTACT_RECIPIENTS, *members})


def _notify_team(message_id: int) -> None:
    """Runs after the commit: a failed e-mail is logged, the message stays stored for the team."""
    try:
        _send_notification(message_id)
    except Exception:
        logger.exception("contact notification failed", extra={"contact_message": message_id})


def _send_notification(message_id: int) -> None:
    contact_message = ContactMessage.objects.get(pk=message_id)
    recipients = team_recipients()
    if not recipients:
        logger.warning("contact message without recipient", extra={"contact_message": message_id})
        return
    path = reverse("wagtailsnippets_contact_contactmessage:inspect", args=[message_id])
    context = {"contact_message": contact_message, "back_office_url": settings.SITE_URL.rstrip("/") + path}
    EmailMessage(
        subject=f"[Alliances & Territoires] Nouveau message : {contact_message.get_subject_display()}",
        body=render_to_string("contact/email/notification.txt", context),
        to=recipients,
        reply_to=[contact_message.email],
    ).send()


@transaction.atomic
def contact_message_receive(*, subject: str, email: str, message: str) -> ContactMessage:
    """Store a visitor's message; once committed, e-mail the team (the reply goes to the visitor)."""
    contact_message = ContactMessage(subject=subject, email=email.strip(), message=message.strip())
    contact_message.full_clean()
    contact_message.save()
    transaction.on_commit(lambda: _notify_team(contact_message.pk))
    return contact_message


def contact_messages_purge(*, now: dt.datetime | None = None) -> int:
    """Erase the messages older than ``CONTACT_MESSAGE_RETENTION_DAYS``; returns how many."""
    limit = (now or timezone.now()) - dt.timedelta(days=settings.CONTACT_MESSAGE_RETENTION_DAYS)
    deleted, _ = ContactMessage.objects.received_before(limit).delete()
    return deleted
