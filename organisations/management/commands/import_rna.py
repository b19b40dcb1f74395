"""Import or refresh associations from RNA files (waldec or « import »): CSVs or the published zip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from organisations.importers.common import MissingReferenceData
from organisations.importers.reading import FileProblem
from organisations.importers.rna import rna_formats
from organisations.importers.runner import BATCH_SIZE, run_import
from organisations.models import Organisation, RegisterSource


class Command(BaseCommand):
    help = "Importe les associations du Répertoire national des associations (fichiers waldec ou import, CSV ou zip)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, help="fichiers CSV ou archives zip du RNA")
        parser.add_argument("--rejects", type=Path, help="rapport des lignes rejetées (par défaut : à côté du fichier)")
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="lignes par transaction")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="n'importer que si l'annuaire ne contient encore aucune association du RNA (premier lancement) : "
            "un extrait ancien ne remplace jamais des données plus récentes",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and Organisation.objects.filter(source=RegisterSource.RNA).exists():
            if options["verbosity"] >= 1:
                self.stdout.write("L'annuaire contient déjà des associations du RNA : rien n'est importé.")
            return
        try:
            summary = run_import(
                options["paths"],
                rna_formats(),
                report_path=options["rejects"],
                batch_size=max(1, options["batch_size"]),
                show_progress=options["verbosity"] >= 1,
            )
        except (FileProblem, MissingReferenceData) as problem:
            raise CommandError(str(problem)) from None
        if options["verbosity"] >= 1:
            for line in summary.lines():
                self.stdout.write(line)
