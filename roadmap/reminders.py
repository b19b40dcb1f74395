"""Reminders to the facilitators before and after their measure's due date, each sent once.

A reminder is due ``REMIND_BEFORE_DAYS`` days before the due date (« avant ») and once the date has
passed (« après »). The row ``ReminderSent(measure, user, due_date, kind)`` is written in the same
transaction as the e-mail leaves: a failed e-mail leaves no row and is tried again on the next run, a
sent one is never sent again for that due date (a new bilan moves the due date, and a new cycle
begins). The command ``send_bilan_reminders`` runs it once a day across all servers (core.jobs).

The e-mail is a notification of the topic « rappels d'échéance » (``accounts.notifications``: French,
plain text plus HTML, unsubscribe link). A facilitator who turned it off gets nothing and no row is
written: turning it back on before the next due date brings the reminder back.
"""

from __future__ import annotations

import datetime as dt
import smtplib
from dataclasses import dataclass
from typing import Literal

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import NotificationPreferences, Topic
from accounts.notifications import notification_message
from roadmap.deadlines import Deadline
from roadmap.models import Measure, ReminderSent, ReviewSubmission, SubmissionStatus
from roadmap.selectors import current_programme, measures_with_state, with_deadlines

REMIND_BEFORE_DAYS = 14


@dataclass
class ReminderRun:
    measures: int = 0
    sent: int = 0
    already_sent: int = 0
    in_review: int = 0
    failed: int = 0
    unwanted: int = 0  # facilitators who turned the topic « rappels » off


def reminder_kind(deadline: Deadline, *, today: dt.date) -> str | None:
    if today > deadline.due:
        return ReminderSent.Kind.AFTER
    if today >= deadline.due - dt.timedelta(days=REMIND_BEFORE_DAYS):
        return ReminderSent.Kind.BEFORE
    return None


def reminders_send(*, today: dt.date | None = None) -> ReminderRun:
    today = today or timezone.localdate()
    run = ReminderRun()
    programme = current_programme()
    if programme is None:
        return run
    facilitated = measures_with_state(programme).filter(facilitator_assignments__isnull=False).distinct()
    in_review = set(
        ReviewSubmission.objects.filter(status=SubmissionStatus.SUBMITTED).values_list("measure_id", flat=True)
    )
    unwanted = set(NotificationPreferences.objects.filter(reminders=False).values_list("user_id", flat=True))
    for measure in with_deadlines(facilitated, programme, today=today):
        kind = reminder_kind(measure.deadline, today=today)
        if kind is None:
            continue
        run.measures += 1
        if measure.pk in in_review:  # the bilan is written; the mission team has it
            run.in_review += 1
            continue
        for assignment in measure.facilitator_assignments.select_related("user"):
            user = assignment.user
            if not user.is_active or not user.email:
                continue
            if user.pk in unwanted:
                run.unwanted += 1
                continue
            try:
                outcome = _send_once(measure, user, measure.deadline, kind)
            except (OSError, smtplib.SMTPException):  # nothing recorded: the next run tries again
                run.failed += 1
                continue
            setattr(run, outcome, getattr(run, outcome) + 1)
    return run


def _send_once(
    measure: Measure, user: User, deadline: Deadline, kind: str
) -> Literal["sent", "already_sent", "unwanted"]:
    try:
        with transaction.atomic():
            ReminderSent.objects.create(measure=measure, user=user, due_date=deadline.due, kind=kind)
            context = {
                "measure": measure,
                "deadline": deadline,
                "late": kind == ReminderSent.Kind.AFTER,
                "write_url": settings.SITE_URL.rstrip("/") + reverse("facilitation:create", args=[measure.number]),
            }
            subject = "Bilan en retard" if kind == ReminderSent.Kind.AFTER else "Bilan attendu bientôt"
            message = notification_message(
                user=user,
                topic=Topic.REMINDERS,
                subject=f"{subject} : mesure {measure.number}",
                template="roadmap/email/reminder",
                context=context,
            )
            if message is None:  # turned off since the run began: nothing recorded
                transaction.set_rollback(True)
                return "unwanted"
            message.send()  # inside the transaction: a failed e-mail leaves no row
    except IntegrityError:  # already sent for this due date
        return "already_sent"
    return "sent"
