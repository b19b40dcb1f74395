"""Write a backup of the platform (database and media files) into one tar.gz archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from core.backup import backup_counts, backup_create, media_files


class Command(BaseCommand):
    help = "Sauvegarde la base de données et les fichiers téléversés dans une archive tar.gz."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="Chemin de l'archive à écrire (par exemple sauvegarde.tar.gz).")

    def handle(self, *args: Any, **options: Any) -> None:
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
                f"{manifest['media_files']} fichier(s) média, base {manifest['engine']}."
            )
        )
