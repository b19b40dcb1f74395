"""Load every reference dataset of data/ (idempotent: a second run changes nothing)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from core.cache import clear_public_pages
from core.loading import LoadReport, reference_data_steps


class Command(BaseCommand):
    help = "Charge les données de référence (ODD, types d'acteurs, modalités, feuille de route 2020, territoires)."

    def handle(self, *args: Any, **options: Any) -> None:
        report = LoadReport(verbosity=options["verbosity"])
        verbose = options["verbosity"] >= 1
        with transaction.atomic():
            for label, step in tqdm(
                reference_data_steps(), desc="Données de référence", unit="jeu", disable=not verbose
            ):
                if verbose:
                    tqdm.write(f"  · {label}")
                step(report)
        if report.changed:
            clear_public_pages()  # bulk loads send no signals
        if not verbose:
            return
        for line in report.lines():
            self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS(f"Données de référence chargées ({report.changed} changement(s))."))
