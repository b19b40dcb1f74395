"""Remind the side of a match that has not answered (D+7, D+14) and expire matches left unanswered (D+30).

Run hourly by the scheduler of each app server: the first server to claim the hour runs it, the
others skip (core/jobs.py); the job itself is idempotent (each reminder is recorded once), so a run in
another hour sends nothing already sent. ``--at`` runs it as if it were another time
(ISO 8601), for a catch-up or a test.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from alliances.reminders import matches_remind
from core.jobs import job_run_once, period_key


class Command(BaseCommand):
    help = "Relance les mises en relation sans réponse (J+7, J+14) et fait expirer celles restées sans réponse (J+30)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--at", help="date et heure de référence, ISO 8601 (défaut : maintenant)")

    def handle(self, *args: Any, at: str | None = None, **options: Any) -> None:
        now = timezone.now()
        if at:
            try:
                now = dt.datetime.fromisoformat(at)
            except ValueError as error:
                raise CommandError(f"--at : date invalide « {at} » (format attendu : 2026-12-31T09:00).") from error
            if timezone.is_naive(now):
                now = timezone.make_aware(now)
        outcome = job_run_once(
            name="remind_matches", period_key=period_key("hour", at=now), job=lambda: matches_remind(now=now)
        )
        if not outcome.ran:
            self.stdout.write(outcome.skipped_message())
            return
        run = outcome.result
        assert run is not None
        self.stdout.write(
            f"Mises en relation : {run.examined} examinée(s), {run.reminders} relance(s) envoyée(s), "
            f"{run.expired} expirée(s)."
        )
