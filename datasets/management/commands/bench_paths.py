"""Print, as a JSON object {label: path}, the extra page types ``bench/run.py`` measures."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand

from datasets.paths import bench_paths


class Command(BaseCommand):
    help = "Affiche en JSON les types de pages supplémentaires du banc d'essai, choisis d'après les données."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(json.dumps(bench_paths(), ensure_ascii=False))
