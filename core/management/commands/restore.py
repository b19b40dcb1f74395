"""Restore a backup written by `manage.py backup` into an empty, migrated database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from core.backup import RestoreError, backup_restore, media_location, read_manifest


class Command(BaseCommand):
    help = (
        "Restaure une sauvegarde (base de données et fichiers téléversés) dans une base vide et migrée, "
        "en une seule transaction, puis vérifie le nombre de lignes de chaque modèle."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="Archive écrite par la commande backup.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Efface les données de la base avant de restaurer si elle n'est pas vide.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        verbose = options["verbosity"] >= 1
        try:
            manifest = read_manifest(path)
            total = sum(entry["rows"] for entry in manifest["models"]) + manifest["media_files"]
            with tqdm(total=total, desc="Restauration", unit="élément", disable=not verbose) as bar:
                summary = backup_restore(path=path, force=options["force"], progress=bar.update)
        except RestoreError as exc:
            raise CommandError(str(exc)) from exc
        # Derived data left out of the backup: the search and reference indexes.
        if verbose:
            self.stdout.write("Reconstruction des index de recherche et de références…")
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        rows = sum(summary.rows.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Sauvegarde du {manifest['created_at']} ({manifest['engine']}) restaurée : "
                f"{rows} ligne(s) de {sum(1 for n in summary.rows.values() if n)} modèle(s) retrouvée(s), "
                f"{summary.media_files} fichier(s) média ({media_location()})."
            )
        )
