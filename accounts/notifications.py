"""Notification e-mails of the platform: French, plain text plus HTML, signed by the platform, with a
link that stops this kind of e-mail without signing in (a signed token naming the person and the
topic). They leave once the write that caused them commits, and only if the person still wants them.

Any app may notify: ``notify(user=…, topic=Topic.PROPOSALS, subject=…, template="cases/email/…")``
renders ``<template>.txt`` and ``<template>.html``, which extend ``accounts/email/notification.*``.
``topic=None`` is for the mails a person cannot stop (the answer to their own request): they carry the
link to the preferences, not the unsubscribe link.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.models import NotificationPreferences, Topic

UNSUBSCRIBE_SALT = "accounts.notifications.unsubscribe"
SUBJECT_PREFIX = "[Alliances & Territoires] "


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def unsubscribe_token(*, user: AbstractBaseUser, topic: str) -> str:
    return signing.dumps({"user": user.pk, "topic": Topic(topic).value}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    """The person's id and the topic a token names; None for a forged or malformed token."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return int(data["user"]), Topic(data["topic"]).value
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def wants(user: AbstractBaseUser, topic: str) -> bool:
    preferences = NotificationPreferences.objects.filter(user=user).first()
    return preferences is None or preferences.wants(topic)


def notification_message(
    *,
    user: AbstractBaseUser,
    topic: str | None,
    subject: str,
    template: str,
    context: dict[str, Any] | None = None,
) -> EmailMultiAlternatives | None:
    """The e-mail, built but not sent; None when the person does not want this topic or has no address.

    ``topic=None`` is a mail the person cannot stop, the answer to their own request (a bilan returned
    or published): no unsubscribe link, and the base says why, with the link to the preferences."""
    address = getattr(user, "email", "")
    if not address or (topic is not None and not wants(user, topic)):
        return None
    context = {
        **(context or {}),
        "site_url": settings.SITE_URL.rstrip("/"),
        "preferences_url": absolute(reverse("accounts:notifications")),
    }
    if topic is not None:
        token = unsubscribe_token(user=user, topic=topic)
        context["topic_label"] = Topic(topic).label
        context["unsubscribe_url"] = absolute(reverse("accounts:unsubscribe", kwargs={"token": token}))
    message = EmailMultiAlternatives(
        subject=SUBJECT_PREFIX + subject,
        body=render_to_string(f"{template}.txt", context),
        to=[address],
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message


def notify(
    *,
    user: AbstractBaseUser,
    topic: str | None,
    subject: str,
    template: str,
    context: dict[str, Any] | None = None,
) -> bool:
    """Queue the e-mail for after the current transaction commits; False when the person does not
    want this topic or has no address. (A job that must know whether the e-mail left, to try it again
    on its next run, sends ``notification_message(…)`` itself.)"""
    message = notification_message(user=user, topic=topic, subject=subject, template=template, context=context)
    if message is None:
        return False
    transaction.on_commit(message.send)
    return True
