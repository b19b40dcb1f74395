"""Send the e-mail alerts of saved searches: run daily (``--frequency daily``) and weekly (``--frequency weekly``).

Once per day (or week) across all app servers: the first server to claim the period sends, the
others skip (core/jobs.py).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from alerts.models import Frequency
from alerts.services import alerts_send
from core.jobs import job_run_once, period_key

PERIOD_OF = {Frequency.DAILY: "day", Frequency.WEEKLY: "week"}


class Command(BaseCommand):
    help = "Envoie par e-mail les nouveaux résultats publiés des recherches enregistrées."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--frequency", required=True, choices=Frequency.values)

    def handle(self, *args: Any, frequency: str, **options: Any) -> None:
        outcome = job_run_once(
            name=f"send_search_alerts:{frequency}",
            period_key=period_key(PERIOD_OF[Frequency(frequency)]),
            job=lambda: alerts_send(frequency=frequency),
        )
        if not outcome.ran:
            self.stdout.write(outcome.skipped_message())
            return
        run = outcome.result
        assert run is not None
        self.stdout.write(
            f"Recherches « {Frequency(frequency).label.lower()} » : {run.searches} examinée(s), "
            f"{run.sent} alerte(s) envoyée(s), {run.failed} échec(s), "
            f"{run.unwanted} non envoyée(s) (alertes désactivées dans les préférences)."
        )
