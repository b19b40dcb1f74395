"""Rewrite the search index from the published items (after a bulk import or a schema change)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand
from tqdm import tqdm

from search import indexing
from search.backends import ensure_fulltext


class Command(BaseCommand):
    help = "Reconstruit l'index de recherche à partir des contenus publiés."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        verbose = options["verbosity"] >= 1
        ensure_fulltext()
        with tqdm(
            total=indexing.published_total(), desc="Index de recherche", unit="document", disable=not verbose
        ) as bar:
            counts = indexing.rebuild(progress=bar.update)
        if verbose:
            for section, count in counts.items():
                self.stdout.write(f"  {section} : {count} document(s)")
            self.stdout.write(
                self.style.SUCCESS(
                    f"Index reconstruit ({sum(counts.values())} documents, {time.monotonic() - started:.1f} s)."
                )
            )
