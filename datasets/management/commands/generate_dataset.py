"""Generate the bench dataset (``--scale small|national``): deterministic, idempotent, marked as generated.

Each domain is generated only if its count of generated rows differs from the scale's: a second
run with the same scale changes nothing; another scale replaces that domain's generated rows.
``--reset`` deletes the generated rows only (never imported or edited content). See
docs/adr/0012-generated-dataset.md.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from core.cache import clear_public_pages
from core.maintenance import refresh_planner_statistics
from datasets.generators import cases, catalysts, listings, organisations, resources, roadmap
from datasets.generators.common import Geography
from datasets.scales import SCALES, counts
from resources.models import NewsItem, Study, Tool


@dataclass
class Step:
    label: str
    key: str
    existing: Callable[[], int]
    reset: Callable[[], int]
    generate: Callable[..., int]
    index: Callable[..., int] | None = None
    expected: Callable[[int], int] | None = None


def _resource_step(label: str, key: str, model: type) -> Step:
    return Step(
        label=label,
        key=key,
        existing=lambda: resources.existing(model),
        reset=lambda: resources.reset(model),
        generate=lambda count, **kw: resources.generate(model, count, **kw),
        index=lambda progress: resources.index_documents(model, progress),
    )


def steps() -> list[Step]:
    found = [
        Step(organisations.LABEL, "organisations", organisations.existing, organisations.reset, organisations.generate),
        Step(cases.LABEL, "cases", cases.existing, cases.reset, cases.generate, cases.index_documents),
        _resource_step("Outils & méthodes", "tools", Tool),
        _resource_step("Études & rapports", "studies", Study),
        _resource_step("Actualités", "news", NewsItem),
        Step(
            roadmap.LABEL,
            "reviews_per_measure",
            roadmap.existing,
            roadmap.reset,
            roadmap.generate,
            expected=roadmap.expected,
        ),
    ]
    found.append(Step(listings.LABEL, "listings", listings.existing, listings.reset, listings.generate))
    if catalysts.available():
        found.append(Step(catalysts.LABEL, "catalysts", catalysts.existing, catalysts.reset, catalysts.generate))
    return found


class Command(BaseCommand):
    help = "Génère le jeu de données du banc d'essai (organisations, exemples, ressources, bilans), marqué « généré »."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--scale", choices=sorted(SCALES), help="small (CI) ou national (2 M d'organisations)")
        parser.add_argument("--seed", type=int, default=2026, help="graine du générateur (défaut : 2026)")
        parser.add_argument("--reset", action="store_true", help="supprime les seules lignes générées")

    def handle(self, *args: Any, **options: Any) -> None:
        scale, seed, verbose = options["scale"], options["seed"], options["verbosity"] >= 1
        if not scale and not options["reset"]:
            raise CommandError("Précisez --scale small|national (ou --reset pour supprimer les données générées).")
        started = time.monotonic()
        summary: list[str] = []
        if options["reset"]:
            for step in reversed(steps()):
                summary.append(f"{step.label} : {step.reset()} ligne(s) générée(s) supprimée(s)")
            clear_public_pages()
            if not scale:
                self._summary(summary, started, verbose)
                return
        wanted = counts(scale)
        geo: Geography | None = None
        changed = False
        for step in steps():
            target = wanted.get(step.key, 0)
            expected = step.expected(target) if step.expected else target
            present = step.existing()
            if present == expected:
                summary.append(f"{step.label} : {present} déjà générée(s), rien à faire")
                continue
            if present:
                step.reset()
            geo = geo or Geography.load()
            step_started = time.monotonic()
            with tqdm(total=expected, desc=step.label, unit="ligne", disable=not verbose) as bar:
                written = step.generate(target, seed=seed, geo=geo, progress=bar.update)
            indexed = ""
            if step.index is not None:
                with tqdm(total=written, desc=f"{step.label} (index)", unit="document", disable=not verbose) as bar:
                    indexed = f", {step.index(bar.update)} document(s) indexé(s)"
            changed = True
            summary.append(f"{step.label} : {written} générée(s){indexed} en {time.monotonic() - step_started:.1f} s")
        if not catalysts.available():
            summary.append(f"{catalysts.LABEL} : application « catalysts » absente, étape ignorée")
        if changed:
            clear_public_pages()  # bulk writes send no signals
            refresh_planner_statistics()
        self._summary(summary, started, verbose, scale=scale, seed=seed)

    def _summary(self, lines: list[str], started: float, verbose: bool, *, scale: str = "", seed: int = 0) -> None:
        if not verbose:
            return
        for line in lines:
            self.stdout.write(f"  {line}")
        elapsed = time.monotonic() - started
        if scale:
            self.stdout.write(
                self.style.SUCCESS(f"Jeu de données généré (échelle {scale}, graine {seed}) en {elapsed:.1f} s.")
            )
        else:
            self.stdout.write(self.style.SUCCESS(f"Données générées supprimées en {elapsed:.1f} s."))
