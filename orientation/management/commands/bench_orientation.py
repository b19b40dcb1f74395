"""Measure the orientation result page in-process: median and 95th percentile over N requests, and its queries.

``make bench`` measures the same page through gunicorn (bench_paths); this command isolates the page from the
server, on the data present (``generate_dataset --scale national`` for the national scale). It asserts nothing.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client

from orientation.bench import bench_result_path


class Command(BaseCommand):
    help = "Mesure la page de résultat d'orientation (médiane, 95e centile, requêtes SQL), sans serveur."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--requests", type=int, default=50, help="nombre de requêtes mesurées (défaut : 50)")

    def handle(self, *args: Any, **options: Any) -> None:
        path = bench_result_path()
        if path is None:
            raise CommandError(
                "Aucune version publiée du questionnaire ou aucune commune : lancez load_reference_data."
            )
        client = Client()
        for _ in range(3):
            client.get(path)
        queries: list[str] = []

        def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            status = client.get(path).status_code
        timings = []
        for _ in range(max(1, options["requests"])):
            started = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
        ordered = sorted(timings)
        p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered) + 0.5) - 1))]
        self.stdout.write(
            f"{path} : statut {status}, {len(queries)} requêtes SQL, "
            f"médiane {statistics.median(timings):.0f} ms, p95 {p95:.0f} ms ({len(timings)} requêtes, cible 150 ms)"
        )
