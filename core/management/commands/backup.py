"""Write a backup of the platform (database and media files) into one tar.gz archive.

The media files are read through the default storage: the local folder (MEDIA_ROOT) or, with
S3_BUCKET, the object storage bucket. With ``--once-per day`` (the scheduled backup), the backup runs
once per day across all app servers: the first server claims the day, the others skip (core/jobs.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from core.backup import backup_counts, backup_create, media_files, media_location
from core.jobs import PERIODS, job_run_once, period_key


class Command(BaseCommand):
    help = "Sauvegarde la base de données et les fichiers téléversés dans une archive tar.gz."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="Chemin de l'archive à écrire (par exemple sauvegarde.tar.gz).")
        parser.add_argument(
            "--once-per",
            choices=PERIODS,
            help="Sauvegarde planifiée : une seule fois par période, tous serveurs confondus (verrou en base).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["once_per"]:
            outcome = job_run_once(
                name="backup", period_key=period_key(options["once_per"]), job=lambda: self._backup(options)
            )
            if not outcome.ran:
                self.stdout.write(outcome.skipped_message())
            return
        self._backup(options)

    def _backup(self, options: dict[str, Any]) -> None:
        path: Path = options["path"]
        total = sum(backup_counts().values()) + len(media_files())
        with tqdm(total=total, desc="Sauvegarde", unit="élément", disable=options["verbosity"] < 1) as bar:
            manifest = backup_create(path=path, progress=bar.update)
        rows = sum(entry["rows"] for entry in manifest["models"])
        tables = sum(1 for entry in manifest["models"] if entry["rows"])
        if options["verbosity"] >= 2:
            for entry in manifest["models"]:
                if entry["rows"]:
                    self.stdout.write(f"  {entry['model']} : {entry['rows']}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Sauvegarde écrite dans {path} : {rows} ligne(s) de {tables} modèle(s), "
                f"{manifest['media_files']} fichier(s) média ({media_location()}), base {manifest['engine']}."
            )
        )
