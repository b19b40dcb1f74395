from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from contact.models import ContactMessage
from contact.services import contact_message_receive, contact_messages_purge, team_recipients
from core.dates import french_date
from core.permissions import MISSION_TEAM
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_received_message_is_stored_and_mailed_to_the_team_after_commit(
    settings, django_capture_on_commit_callbacks
) -> None:
    settings.CONTACT_RECIPIENTS = ["equipe@example.invalid"]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        stored = contact_message_receive(subject="question", email=" camille@example.invalid ", message="Bonjour.")
        assert not mail.outbox  # nothing leaves before the commit
    assert len(callbacks) == 1
    assert ContactMessage.objects.get() == stored and stored.email == "camille@example.invalid"
    sent = mail.outbox[0]
    assert sent.to == ["equipe@example.invalid"] and sent.reply_to == ["camille@example.invalid"]
    assert "Une question sur la plateforme" in sent.subject and "Bonjour." in sent.body
    assert f"/admin/snippets/contact/contactmessage/inspect/{stored.pk}/" in sent.body
    assert f"Reçu le : {french_date(stored.created_at, with_time=True)}" in sent.body  # « 1er mars 2026 à 9 h 05 »


def test_the_mission_team_members_are_told_too(settings) -> None:
    settings.CONTACT_RECIPIENTS = []
    member = UserFactory(username="membre", email="membre@example.invalid")
    member.groups.add(Group.objects.get_or_create(name=MISSION_TEAM)[0])
    UserFactory(username="autre", email="autre@example.invalid")
    assert team_recipients() == ["membre@example.invalid"]


def test_an_invalid_message_is_refused_and_nothing_is_stored() -> None:
    with pytest.raises(ValidationError) as error:
        contact_message_receive(subject="inconnu", email="pas-une-adresse", message="")
    assert {"subject", "email", "message"} <= set(error.value.message_dict)
    assert not ContactMessage.objects.exists()


def test_a_failed_notification_keeps_the_message(settings, django_capture_on_commit_callbacks) -> None:
    settings.CONTACT_RECIPIENTS = ["equipe@example.invalid"]
    settings.EMAIL_BACKEND = "tests.contact.test_services.FailingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        contact_message_receive(subject="autre", email="a@example.invalid", message="Bonjour.")
    assert ContactMessage.objects.count() == 1


class FailingBackend:
    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def send_messages(self, messages: list) -> int:
        raise OSError("serveur de courriel injoignable")


def test_purge_erases_only_the_messages_past_their_retention(settings) -> None:
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 30
    now = timezone.now()
    old = ContactMessage.objects.create(subject="autre", email="a@example.invalid", message="ancien")
    ContactMessage.objects.filter(pk=old.pk).update(created_at=now - dt.timedelta(days=31))
    ContactMessage.objects.create(subject="autre", email="b@example.invalid", message="récent")
    assert contact_messages_purge(now=now) == 1
    assert list(ContactMessage.objects.values_list("message", flat=True)) == ["récent"]
