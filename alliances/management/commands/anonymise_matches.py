"""Erase the personal data of the matches past MATCH_RETENTION_DAYS (run daily): messages, and the
people and texts of the matches over (alliances/retention.py).

Several servers may start it: the day's claim (``core.jobs``) lets one run it; and it only touches
what is still due, so a second run, the same day or later, changes nothing.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from alliances.retention import matches_anonymise
from core.jobs import job_run_once, period_key

JOB_NAME = "anonymise_matches"


class Command(BaseCommand):
    help = (
        "Anonymise les mises en relation au-delà de la durée de conservation (MATCH_RETENTION_DAYS) : messages "
        "effacés ; pour celles terminées, personnes et motifs retirés (les chiffres publics restent)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        outcome = job_run_once(name=JOB_NAME, period_key=period_key("day"), job=matches_anonymise)
        if not outcome.ran:
            self.stdout.write(outcome.skipped_message())
            return
        run = outcome.result
        assert run is not None
        self.stdout.write(
            f"{run.messages} message(s) effacé(s), {run.matches} mise(s) en relation anonymisée(s) "
            f"(conservation : {settings.MATCH_RETENTION_DAYS} jours)."
        )
