"""Where one page's time goes: requests through Django's test client, in the process, page cache off.

For each path: the median and fastest time, the number of SQL queries and their total time, the slowest
queries with their parameters, and with ``--profile`` the Python functions that cost most (cProfile).
Run it on the database of ``make bench`` (SQLite by default, DATABASE_URL for PostgreSQL), for example
``.venv/bin/python bench/profile_page.py /faire-alliance/24/suggestions/ --samples 7``. Nothing is judged:
it explains a figure of ``make bench``, it does not replace it.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["PUBLIC_PAGE_CACHE_SECONDS"] = "0"  # every request computed, as in the bench's uncached figures

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402


class QueryLog:
    """Each query of a request with its time (``connection.execute_wrapper``)."""

    def __init__(self) -> None:
        self.queries: list[tuple[float, str, Any]] = []

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append((time.perf_counter() - started, sql, params))


def profile(path: str, *, samples: int, slowest: int, with_cprofile: bool) -> None:
    client = Client()
    client.get(path)  # warm: templates compiled, caches of reference data filled
    times, log = [], QueryLog()
    for _ in range(samples):
        log = QueryLog()
        with connection.execute_wrapper(log):
            started = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
    sql_ms = sum(seconds for seconds, _, _ in log.queries) * 1000
    print(
        f"{path} : statut {response.status_code}, médiane {statistics.median(times):.1f} ms, "
        f"minimum {min(times):.1f} ms ; {len(log.queries)} requêtes SQL, {sql_ms:.1f} ms"
    )
    for seconds, sql, params in sorted(log.queries, key=lambda query: -query[0])[:slowest]:
        print(f"  {seconds * 1000:6.1f} ms  {sql[:400]}  {str(params)[:160]}")
    if with_cprofile:
        profiler = cProfile.Profile()
        profiler.enable()
        client.get(path)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
        print(out.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="chemins à mesurer, par exemple /territoires/communes/75056/")
    parser.add_argument("--samples", type=int, default=7)
    parser.add_argument("--slowest", type=int, default=8, help="nombre de requêtes SQL les plus lentes affichées")
    parser.add_argument("--profile", action="store_true", help="ajoute le profil Python (cProfile) d'une requête")
    args = parser.parse_args()
    with override_settings(ALLOWED_HOSTS=["*"]):
        for path in args.paths:
            profile(path, samples=args.samples, slowest=args.slowest, with_cprofile=args.profile)


if __name__ == "__main__":
    main()
