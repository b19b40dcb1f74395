"""Measure the search (issue 4's target) beside a plain ``icontains`` query, in one run, on one engine.

The query is the bench's: the generated data's frequent word with the région and modality its cases
most often share (``datasets.paths.search_query``). Three timings, each over ``--runs`` runs:

- the platform's search as the page and the API call it (count, first page, eight facet counts),
  with a *new* query each time: the queries kept by the index are forgotten (the frequent words'
  ranked documents are part of the index, read with it: a one-word query then needs no engine);
- the same search asked again (its match and first ranked pages are then reused by the process);
- the plain baseline: ``icontains`` on the title and summary of the same documents, the same two
  filters in SQL, count and first page only (no facet counts, which only favours the baseline).

It also times one rebuild of the in-memory filter index, the frequent words' ranked documents read
from the engine (not from the workers' shared cache). Nothing fails on timing.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from django.core.cache import caches
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.models import F, Q

from datasets.paths import search_query
from search import facet_index, selectors
from search.filters import FILTERS, SearchFilters
from search.models import SearchDocument

TARGET_MS = 100.0


def _timings(action: Callable[[], object], runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def _icontains(word: str, filters: SearchFilters) -> tuple[int, list[int]]:
    documents = SearchDocument.objects.visible().filter(Q(title__icontains=word) | Q(summary__icontains=word))
    documents = selectors.restrict(documents, filters)
    page = documents.order_by(F("date").desc(nulls_last=True), "-id").values_list("id", flat=True)[:20]
    return documents.count(), list(page)


class Command(BaseCommand):
    help = "Mesure la recherche (mot fréquent + 2 facettes) face à une requête icontains, dans la même exécution."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--runs", type=int, default=30, help="nombre de mesures par ligne (défaut : 30)")
        parser.add_argument(
            "--icontains-word",
            default="mobilité",
            help="le mot du plein texte tel qu'écrit dans les contenus, pour icontains (défaut : mobilité)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        runs = options["runs"]
        pairs = search_query()
        filters = SearchFilters(q=pairs[0][1], values={name: [value] for name, value in pairs[1:] if name in FILTERS})

        facet_index.forget()
        caches[facet_index.SHARED_CACHE].delete(facet_index.FREQUENT_KEY)  # the build reads them from the engine
        started = time.perf_counter()
        index = facet_index.current(frequent_terms_now=True)
        build_ms = (time.perf_counter() - started) * 1000

        def new_query() -> object:
            index.forget_matches()
            return selectors.search(filters)

        results = selectors.search(filters)
        baseline_count, _ = _icontains(options["icontains_word"], filters)
        rows = [
            ("Recherche, requête nouvelle (plein texte + index des filtres)", _timings(new_query, runs)),
            ("Recherche, même requête répétée", _timings(lambda: selectors.search(filters), runs)),
            (
                "icontains titre + résumé, 2 filtres SQL, sans facettes",
                _timings(lambda: _icontains(options["icontains_word"], filters), runs),
            ),
        ]
        self.stdout.write(f"Moteur : {connection.vendor} — documents indexés : {len(index.everything)}")
        self.stdout.write(f"Requête : {pairs} — résultats : {results.count} (icontains : {baseline_count})")
        self.stdout.write(f"Construction de l'index des filtres : {build_ms:.0f} ms")
        self.stdout.write(f"{'Mesure':<62} {'médiane':>9} {'p95':>9}")
        for label, timings in rows:
            self.stdout.write(f"{label:<62} {statistics.median(timings):>7.1f}ms {_p95(timings):>7.1f}ms")
        new_p95, baseline_p95 = _p95(rows[0][1]), _p95(rows[2][1])
        self.stdout.write(
            f"Cible : p95 < {TARGET_MS:.0f} ms (requête nouvelle : {new_p95:.1f} ms) et ≥ 10× plus rapide que "
            f"icontains (rapport des p95 : {baseline_p95 / new_p95:.1f}×)"
        )
