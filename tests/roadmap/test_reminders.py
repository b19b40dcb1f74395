"""Reminders to the facilitators before and after the due date: each one sent once, on a fixed clock."""

from __future__ import annotations

import datetime as dt
import re
import smtplib
from io import StringIO

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.urls import reverse

from accounts.models import NotificationPreferences, Topic
from accounts.services import notification_preferences_set
from core.models import JobRun
from roadmap.models import ReminderSent
from roadmap.reminders import reminders_send
from roadmap.submission_services import submission_create
from tests.roadmap.facilitation_fixtures import content, facilitator, measure_2

__all__ = ["facilitator", "measure_2"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def due_measure_2(measure_2):
    measure_2.review_due_date = dt.date(2026, 12, 31)
    measure_2.save(update_fields=["review_due_date"])
    return measure_2


def test_no_reminder_long_before_the_due_date(facilitator, due_measure_2) -> None:
    run = reminders_send(today=dt.date(2026, 12, 1))
    assert (run.sent, len(mail.outbox)) == (0, 0)


def test_a_reminder_before_the_due_date_is_sent_once(facilitator, due_measure_2) -> None:
    first = reminders_send(today=dt.date(2026, 12, 20))
    second = reminders_send(today=dt.date(2026, 12, 21))
    assert (first.sent, second.sent, second.already_sent) == (1, 0, 1)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["facilitatrice@example.invalid"]
    assert "attendu le 31 décembre 2026" in mail.outbox[0].body
    assert "échéance fixée par l'équipe de la mission" in mail.outbox[0].body.lower()


def test_the_reminder_is_a_french_notification_in_text_and_html_with_its_unsubscribe_link(
    client, facilitator, due_measure_2
) -> None:
    reminders_send(today=dt.date(2026, 12, 20))
    (message,) = mail.outbox
    assert isinstance(message, EmailMultiAlternatives)
    assert message.subject == "[Alliances & Territoires] Bilan attendu bientôt : mesure 2"
    ((content, mimetype),) = message.alternatives
    html = str(content)
    assert mimetype == "text/html"
    assert "attendu le 31 décembre 2026" in html
    write_url = "http://127.0.0.1:8000" + reverse("facilitation:create", args=[2])
    assert write_url in message.body and f'href="{write_url}"' in html
    assert message.body.startswith("Bonjour,")
    assert "L'équipe Alliances & Territoires" in message.body
    assert "rappels d'échéance des bilans" in message.body
    assert "Gérer vos préférences : http://127.0.0.1:8000/mon-espace/notifications/" in message.body
    found = re.search(r"Ne plus recevoir ces messages : http://127\.0\.0\.1:8000(\S+)", str(message.body))
    assert found
    link = found.group(1)
    assert f'href="http://127.0.0.1:8000{link}"' in html
    client.post(link)
    assert not NotificationPreferences.objects.get(user=facilitator).wants(Topic.REMINDERS)


def test_a_facilitator_who_turned_reminders_off_gets_none_and_nothing_is_recorded(facilitator, due_measure_2) -> None:
    notification_preferences_set(user=facilitator, reminders=False)
    run = reminders_send(today=dt.date(2026, 12, 20))
    assert (run.sent, run.unwanted, len(mail.outbox), ReminderSent.objects.count()) == (0, 1, 0, 0)
    notification_preferences_set(user=facilitator, reminders=True)  # back on before the due date
    assert reminders_send(today=dt.date(2026, 12, 21)).sent == 1
    assert len(mail.outbox) == 1


def test_a_failed_reminder_leaves_no_row_and_is_tried_again(facilitator, due_measure_2, monkeypatch) -> None:
    def fail(self, fail_silently=False):
        raise smtplib.SMTPException("relais indisponible")

    with monkeypatch.context() as patched:
        patched.setattr(EmailMultiAlternatives, "send", fail)
        run = reminders_send(today=dt.date(2026, 12, 20))
    assert (run.failed, ReminderSent.objects.count()) == (1, 0)
    assert reminders_send(today=dt.date(2026, 12, 21)).sent == 1
    assert len(mail.outbox) == 1


def test_a_reminder_after_the_due_date_is_sent_once_besides_the_one_before(facilitator, due_measure_2) -> None:
    reminders_send(today=dt.date(2026, 12, 20))
    reminders_send(today=dt.date(2027, 1, 2))
    reminders_send(today=dt.date(2027, 2, 2))
    assert [m.subject for m in mail.outbox] == [
        "[Alliances & Territoires] Bilan attendu bientôt : mesure 2",
        "[Alliances & Territoires] Bilan en retard : mesure 2",
    ]
    assert set(ReminderSent.objects.values_list("kind", flat=True)) == {"before", "after"}


def test_no_reminder_while_a_bilan_waits_for_the_mission_team(facilitator, due_measure_2) -> None:
    submission_create(measure=due_measure_2, user=facilitator, content=content(), submit=True)
    run = reminders_send(today=dt.date(2027, 1, 2))
    assert (run.in_review, run.sent, len(mail.outbox)) == (1, 0, 0)


def test_measures_without_facilitator_accounts_get_no_reminder(programme) -> None:
    run = reminders_send(today=dt.date(2027, 1, 2))
    assert (run.measures, run.sent) == (0, 0)


def test_the_command_runs_once_per_day_across_servers(facilitator, due_measure_2, settings) -> None:
    settings.TIME_ZONE = "Europe/Paris"
    out = StringIO()
    call_command("send_bilan_reminders", stdout=out)
    call_command("send_bilan_reminders", stdout=out)
    assert JobRun.objects.filter(name="send_bilan_reminders").count() == 1
    assert "déjà lancée pour la période" in out.getvalue()
    assert ReminderSent.objects.count() == len(mail.outbox)
