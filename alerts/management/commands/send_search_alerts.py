"""Send the e-mail alerts of saved searches: run daily (``--frequency daily``) and weekly (``--frequency weekly``)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from alerts.models import Frequency
from alerts.services import alerts_send


class Command(BaseCommand):
    help = "Envoie par e-mail les nouveaux résultats publiés des recherches enregistrées."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--frequency", required=True, choices=Frequency.values)

    def handle(self, *args: Any, frequency: str, **options: Any) -> None:
        run = alerts_send(frequency=frequency)
        self.stdout.write(
            f"Recherches « {Frequency(frequency).label.lower()} » : {run.searches} examinée(s), "
            f"{run.sent} alerte(s) envoyée(s), {run.failed} échec(s)."
        )
