"""Erase the texts of the support requests closed more than SUPPORT_RETENTION_DAYS ago (run daily).

Several servers may start it: the day's claim (``core.jobs``) lets one run it; and it only touches the
requests still due, so a second run, the same day or later, changes nothing.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from core.jobs import job_run_once, period_key
from support.services import support_requests_anonymise

JOB_NAME = "anonymise_support_requests"


class Command(BaseCommand):
    help = (
        "Anonymise les demandes d'accompagnement closes depuis plus longtemps que la durée de conservation "
        "(SUPPORT_RETENTION_DAYS) : textes et messages effacés, lien au demandeur retiré."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        outcome = job_run_once(name=JOB_NAME, period_key=period_key("day"), job=support_requests_anonymise)
        if not outcome.ran:
            self.stdout.write(outcome.skipped_message())
            return
        days = settings.SUPPORT_RETENTION_DAYS
        self.stdout.write(
            f"{outcome.result} demande(s) d'accompagnement anonymisée(s) "
            f"(conservation : {days} jours après la clôture)."
        )
