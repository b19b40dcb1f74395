"""Import or refresh legal units from INSEE's Sirene stock file (StockUniteLegale), with filters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from organisations.importers.common import MissingReferenceData
from organisations.importers.reading import FileProblem
from organisations.importers.runner import BATCH_SIZE, run_import
from organisations.importers.sirene import SireneFilters, sirene_formats


class Command(BaseCommand):
    help = "Importe les unités légales du répertoire Sirene (fichier StockUniteLegale, CSV ou zip)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="StockUniteLegale_utf8.csv ou son archive zip")
        parser.add_argument("--active-only", action="store_true", help="seulement les unités actives")
        parser.add_argument("--legal-categories", default="", help="catégories juridiques (préfixes), ex. 92,93")
        parser.add_argument("--naf", default="", help="codes d'activité principale, ex. 94.99Z,88.99B")
        parser.add_argument("--rejects", type=Path, help="rapport des lignes rejetées (par défaut : à côté du fichier)")
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="lignes par transaction")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            filters = SireneFilters.parse(
                active_only=options["active_only"], legal_categories=options["legal_categories"], naf=options["naf"]
            )
            summary = run_import(
                [options["path"]],
                sirene_formats(filters),
                report_path=options["rejects"],
                batch_size=max(1, options["batch_size"]),
                show_progress=options["verbosity"] >= 1,
            )
        except (ValueError, FileProblem, MissingReferenceData) as problem:
            raise CommandError(str(problem)) from None
        if options["verbosity"] >= 1:
            for line in summary.lines():
                self.stdout.write(line)
