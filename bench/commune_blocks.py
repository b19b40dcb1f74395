"""Time each block of the territory pages, uncached, in the process: median and p95 per block.

The local hub's blocks (nearby.selectors: cases, events, support schemes, tools) and the catalysts'
and organisations' sections, for the communes of the issue (Paris, Marseille, Laon), a département,
a région and an EPCI. Run it on the database of ``make bench`` (SQLite by default, DATABASE_URL for
PostgreSQL): ``.venv/bin/python bench/commune_blocks.py [--samples 30]``. Prints one table; the
target (100 ms p95 per block) is printed beside the figures, nothing fails on timing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.db import connection, reset_queries  # noqa: E402

from catalysts import selectors as catalyst_selectors  # noqa: E402
from nearby import selectors  # noqa: E402
from organisations import selectors as organisation_selectors  # noqa: E402
from territories.models import Commune, Departement, Epci, Region  # noqa: E402
from territories.scopes import scopes, territory_level  # noqa: E402

TARGET_MS = 100.0
TERRITORIES = [
    (Commune, "75056", "Paris"),
    (Commune, "13055", "Marseille"),
    (Commune, "02408", "Laon"),
    (Departement, "13", "Bouches-du-Rhône"),
    (Region, "11", "Île-de-France"),
    (Epci, "200054781", "Métropole du Grand Paris"),
]


def blocks(territory: Any) -> dict[str, Callable[[], Any]]:
    level = territory_level(territory)
    return {
        # The floor: one indexed read of one row, to judge the machine's own noise beside the blocks.
        "repère (1 ligne)": lambda: Region.objects.filter(code="11").first(),
        "exemples": lambda: selectors._cases_block(territory, level, scopes(territory), False),
        "événements": lambda: selectors._events_block(territory, level, scopes(territory), False),
        "dispositifs": lambda: selectors._support_block(territory, level, False),
        "outils": lambda: selectors._tools_block(False),
        "catalyseurs": lambda: catalyst_selectors.territory_count(level, territory.code),
        "organisations": lambda: organisation_selectors.territory_count(level, territory.code),
    }


def percentile(values: list[float], rank: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(rank * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=30)
    samples = parser.parse_args().samples
    print(f"Moteur : {connection.vendor} ; {samples} mesures par bloc, sans cache ; cible p95 {TARGET_MS:.0f} ms")
    print(f"{'territoire':<26} {'bloc':<17} {'médiane ms':>10} {'p95 ms':>8} {'requêtes':>9}")
    for model, code, name in TERRITORIES:
        territory = model.objects.filter(code=code).first()
        if territory is None:
            print(f"{name:<26} (absent de la base)")
            continue
        for label, block in blocks(territory).items():
            block()  # first call: connection and statement caches warm, as in a running server
            timings = []
            for _ in range(samples):
                reset_queries()
                started = time.perf_counter()
                block()
                timings.append((time.perf_counter() - started) * 1000)
            queries = len(connection.queries)
            print(
                f"{name:<26} {label:<17} {statistics.median(timings):>10.1f} "
                f"{percentile(timings, 0.95):>8.1f} {queries:>9}"
            )


if __name__ == "__main__":
    from django.conf import settings

    settings.DEBUG = True  # counts the queries (connection.queries)
    main()
