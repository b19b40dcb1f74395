"""Send the facilitators' reminders before and after their measure's due date: run daily.

Once per day across all app servers (core/jobs.py, docs/adr/0025): the first server to claim the day
sends, the others skip; each reminder is sent once anyway (``roadmap.reminders``).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from core.jobs import job_run_once, period_key
from roadmap.reminders import reminders_send


class Command(BaseCommand):
    help = "Envoie aux facilitateurs les rappels de bilan, avant et après l'échéance (une fois chacun)."

    def handle(self, *args: Any, **options: Any) -> None:
        outcome = job_run_once(name="send_bilan_reminders", period_key=period_key("day"), job=reminders_send)
        if not outcome.ran:
            self.stdout.write(outcome.skipped_message())
            return
        run = outcome.result
        assert run is not None
        self.stdout.write(
            f"Mesures à rappeler : {run.measures} ; rappels envoyés : {run.sent} ; déjà envoyés : "
            f"{run.already_sent} ; échecs : {run.failed} ; mesures dont le bilan est en relecture : {run.in_review} ; "
            f"non envoyés (rappels désactivés dans les préférences) : {run.unwanted}."
        )
