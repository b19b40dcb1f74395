"""Load the demonstration content (idempotent and deterministic: a second run changes nothing).

Every item is flagged « exemple fictif » (``is_demo``). Items are matched by their slug: a
missing item is created and published, a changed one gets a new published revision, an unchanged
one is left alone. The search index is brought in line at the end.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from tqdm import tqdm

from cases.models import Case
from cases.services import PartnerInput, case_save
from catalysts.demo import load_demo_catalysts
from hub import demo_content
from reference.models import ActorKind, PartnershipModality, SdgTarget
from resources.models import Event, NewsItem, Study, Tool
from resources.services import event_save, news_item_save, study_save, tool_save
from search import indexing
from search.models import SearchDocument


def _same(item: models.Model, values: dict[str, Any]) -> bool:
    return all(getattr(item, name) == value for name, value in values.items())


class Loader:
    def __init__(self) -> None:
        self.kinds = {kind.slug: kind for kind in ActorKind.objects.all()}
        self.modalities = {m.slug: m for m in PartnershipModality.objects.all()}
        self.targets = {t.code: t for t in SdgTarget.objects.all()}
        if not self.kinds or not self.modalities or not self.targets:
            raise CommandError(
                "Chargez d'abord les données de référence : manage.py load_reference_data (ODD, types d'acteurs, "
                "modalités)."
            )
        self.counts: dict[str, Counter[str]] = {}
        self.rebuilt = False

    def _count(self, label: str, outcome: str) -> None:
        self.counts.setdefault(label, Counter())[outcome] += 1

    def case(self, data: dict[str, Any]) -> None:
        existing = Case.objects.filter(slug=data["slug"]).first()
        partners = [PartnerInput(name=p["name"], kind=self.kinds[p["kind"]], role=p["role"]) for p in data["partners"]]
        targets = [self.targets[code] for code in data["targets"]]
        simple = {
            "title": data["title"],
            "summary": data["summary"],
            "objectives": data["objectives"],
            "start_year": data["start_year"],
            "end_year": data["end_year"],
            "territory_level": data["territory_level"],
            "territory_code": data["territory_code"],
            "results": data["results"],
            "last_verified_on": data["last_verified_on"],
            "modality_id": self.modalities[data["modality"]].pk,
            "is_demo": True,
            "live": True,
        }
        if (
            existing is not None
            and _same(existing, simple)
            and [(p.name, p.kind_id, p.role) for p in existing.partners.all()]
            == [(p.name, p.kind.pk, p.role) for p in partners]
            and sorted(t.code for t in existing.sdg_targets.all()) == sorted(data["targets"])
        ):
            self._count("exemples inspirants", "unchanged")
            return
        case_save(
            case=existing,
            slug=data["slug"],
            title=data["title"],
            summary=data["summary"],
            partners=partners,
            modality=self.modalities[data["modality"]],
            objectives=data["objectives"],
            start_year=data["start_year"],
            end_year=data["end_year"],
            sdg_targets=targets,
            territory_level=data["territory_level"],
            territory_code=data["territory_code"],
            results=data["results"],
            last_verified_on=data["last_verified_on"],
            is_demo=True,
            publish=True,
        )
        self._count("exemples inspirants", "created" if existing is None else "updated")

    def resource(
        self,
        model: type[models.Model],
        label: str,
        save: Callable[..., Any],
        argument: str,
        data: dict[str, Any],
        many: dict[str, list[Any]] | None = None,
    ) -> None:
        existing = model._default_manager.filter(slug=data["slug"]).first()
        simple = {k: v for k, v in data.items() if k not in (many or {}) and k != "key_figures"}
        if "key_figures" in data:
            simple["key_figures"] = "\n".join(data["key_figures"])
        if (
            existing is not None
            and _same(existing, {**simple, "is_demo": True, "live": True})
            and all(
                sorted(o.pk for o in getattr(existing, name).all()) == sorted(o.pk for o in objects)
                for name, objects in (many or {}).items()
            )
        ):
            self._count(label, "unchanged")
            return
        save(**{argument: existing}, **data, **(many or {}), is_demo=True, publish=True)
        self._count(label, "created" if existing is None else "updated")

    def lines(self) -> list[str]:
        return [
            f"{label} : {c['created']} créé(s), {c['updated']} mis à jour, {c['unchanged']} inchangé(s)"
            for label, c in self.counts.items()
        ]


class Command(BaseCommand):
    help = "Charge le contenu de démonstration (« exemples fictifs ») : exemples, outils, études, actualités, agenda."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        verbose = options["verbosity"] >= 1
        places = demo_content.load_places()
        steps: list[tuple[str, list[dict[str, Any]]]] = [
            ("cases", demo_content.cases(places)),
            ("tools", demo_content.tools()),
            ("studies", demo_content.studies()),
            ("news", demo_content.news()),
            ("events", demo_content.events(places)),
        ]
        total = sum(len(items) for _, items in steps)
        wagtail_log = logging.getLogger("wagtail")
        previous_level = wagtail_log.level
        wagtail_log.setLevel(logging.WARNING)  # one line per revision would drown the progress bar
        try:
            loader = self._load(steps, total, verbose)
        finally:
            wagtail_log.setLevel(previous_level)
        catalysts = load_demo_catalysts()  # catalysts/demo.py: idempotent, skipped without territories
        rebuilt = loader.rebuilt
        if not verbose:
            return
        if not places.loaded:
            self.stdout.write(
                "  Territoires non chargés : tout le contenu de démonstration est rattaché à la France entière."
            )
        for line in loader.lines():
            self.stdout.write(f"  {line}")
        self.stdout.write(
            f"  catalyseurs territoriaux : {catalysts['created']} créé(s), {catalysts['updated']} mis à jour, "
            f"{catalysts['unchanged']} inchangé(s)"
        )
        if rebuilt:
            self.stdout.write("  Index de recherche reconstruit.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Contenu de démonstration chargé ({total} éléments, {time.monotonic() - started:.1f} s)."
            )
        )

    @staticmethod
    def _load(steps: list[tuple[str, list[dict[str, Any]]]], total: int, verbose: bool) -> Loader:
        with transaction.atomic():
            loader = Loader()
            kinds = loader.kinds
            with tqdm(total=total, desc="Contenu de démonstration", unit="élément", disable=not verbose) as bar:
                for step, items in steps:
                    for data in items:
                        if step == "cases":
                            loader.case(data)
                        elif step == "tools":
                            audiences = [kinds[slug] for slug in data.pop("audiences")]
                            loader.resource(
                                Tool, "outils et méthodes", tool_save, "tool", data, {"audiences": audiences}
                            )
                        elif step == "studies":
                            loader.resource(Study, "études et rapports", study_save, "study", data)
                        elif step == "news":
                            loader.resource(NewsItem, "actualités", news_item_save, "news_item", data)
                        else:
                            loader.resource(Event, "événements", event_save, "event", data)
                        bar.update(1)
            loader.rebuilt = SearchDocument.objects.count() != indexing.published_total()
            if loader.rebuilt:
                indexing.rebuild()
        return loader
