"""Load the demonstration content of data/demo/ (idempotent: a second run changes nothing).

The files are read and checked first (``hub.demo_data``): one malformed record and nothing is written.
Every item is flagged « exemple fictif » (``is_demo``). Items are matched by their slug: a
missing item is created and published, a changed one gets a new published revision, an unchanged
one is left alone. The search index is brought in line at the end. Without the geography (COG)
loaded, the content is attached to France entière and the catalysts are left out.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from tqdm import tqdm

from cases.models import Case
from cases.services import PartnerInput, case_save
from catalysts.models import Catalyst, SupportScheme
from hub.demo_data import DEMO_DIR, DemoContent, DemoDataError, Vocabularies, read_demo_content
from hub.territory import TerritoryLevel
from reference.models import ActorKind, PartnershipModality, SdgTarget
from resources.models import Event, NewsItem, Study, Tool
from resources.services import event_save, news_item_save, study_save, tool_save
from search import indexing
from search.models import SearchDocument
from territories.models import Region


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
        self.vocabularies = Vocabularies(
            actor_kinds=set(self.kinds),
            modalities=set(self.modalities),
            sdg_targets=set(self.targets),
            geography_loaded=Region.objects.exists(),
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
            == [(p["name"], self.kinds[p["kind"]].pk, p["role"]) for p in data["partners"]]
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

    def catalyst(self, data: dict[str, Any]) -> None:
        label = "catalyseurs territoriaux"
        simple: dict[str, object] = {
            "name": data["name"],
            "kind_id": self.kinds[data["kind"]].pk,
            "description": data["description"],
            "support_offered": data["support_offered"],
            "contact_email": data["contact_email"],
            "contact_url": "",
            "website": data["website"],
            "is_active": True,
            "is_demo": True,
        }
        catalyst = Catalyst.objects.filter(slug=data["slug"]).first()
        if (
            catalyst is not None
            and _same(catalyst, simple)
            and sorted(catalyst.audiences.values_list("slug", flat=True)) == sorted(data["audiences"])
            and sorted(catalyst.departements.values_list("code", flat=True)) == sorted(data["departements"])
            and sorted(catalyst.regions.values_list("code", flat=True)) == sorted(data["regions"])
        ):
            self._count(label, "unchanged")
            return
        self._count(label, "created" if catalyst is None else "updated")
        catalyst = catalyst or Catalyst(slug=data["slug"])
        for name, value in simple.items():
            setattr(catalyst, name, value)
        catalyst.full_clean()
        catalyst.save()
        catalyst.audiences.set([self.kinds[slug] for slug in data["audiences"]])
        catalyst.departements.set(data["departements"])
        catalyst.regions.set(data["regions"])

    def support_scheme(self, data: dict[str, Any]) -> None:
        scheme, created = SupportScheme.objects.get_or_create(name=data["name"], defaults={**data, "is_demo": True})
        if created:
            self._count("dispositifs d'accompagnement", "created")
        elif _same(scheme, {**data, "is_demo": True}):
            self._count("dispositifs d'accompagnement", "unchanged")
        else:
            SupportScheme.objects.filter(pk=scheme.pk).update(**data, is_demo=True)
            self._count("dispositifs d'accompagnement", "updated")

    def lines(self) -> list[str]:
        return [
            f"{label} : {c['created']} créé(s), {c['updated']} mis à jour, {c['unchanged']} inchangé(s)"
            for label, c in self.counts.items()
        ]


class Command(BaseCommand):
    help = (
        "Charge le contenu de démonstration (« exemples fictifs ») de data/demo/ : exemples, outils, études, "
        "actualités, agenda, catalyseurs."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--path",
            type=Path,
            default=DEMO_DIR,
            help="Dossier des fichiers YAML du contenu de démonstration (par défaut data/demo/).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        verbose = options["verbosity"] >= 1
        wagtail_log = logging.getLogger("wagtail")
        previous_level = wagtail_log.level
        wagtail_log.setLevel(logging.WARNING)  # one line per revision would drown the progress bar
        try:
            loader, content = self._load(options["path"], verbose)
        finally:
            wagtail_log.setLevel(previous_level)
        if not verbose:
            return
        if not loader.vocabularies.geography_loaded:
            self.stdout.write(
                "  Territoires non chargés : tout le contenu de démonstration est rattaché à la France entière, "
                "sans catalyseur territorial."
            )
        for line in loader.lines():
            self.stdout.write(f"  {line}")
        if loader.rebuilt:
            self.stdout.write("  Index de recherche reconstruit.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Contenu de démonstration chargé ({len(content)} éléments, {time.monotonic() - started:.1f} s)."
            )
        )

    @staticmethod
    def _load(directory: Path, verbose: bool) -> tuple[Loader, DemoContent]:
        with transaction.atomic():
            loader = Loader()
            try:
                content = read_demo_content(loader.vocabularies, directory)
            except DemoDataError as error:
                raise CommandError(
                    f"Contenu de démonstration non chargé ({len(error.problems)} problème(s)), rien n'a été écrit :\n"
                    + "\n".join(f"  - {problem}" for problem in error.problems)
                ) from error
            if not loader.vocabularies.geography_loaded:
                for data in content.items["cases"] + content.items["events"]:
                    data.update(territory_level=TerritoryLevel.FRANCE, territory_code="")
                content.items["catalysts"] = []  # a catalyst without territory would mislead
            kinds = loader.kinds
            with tqdm(total=len(content), desc="Contenu de démonstration", unit="élément", disable=not verbose) as bar:
                for step, items in content.items.items():
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
                        elif step == "events":
                            loader.resource(Event, "événements", event_save, "event", data)
                        elif step == "catalysts":
                            loader.catalyst(data)
                        else:
                            loader.support_scheme(data)
                        bar.update(1)
            loader.rebuilt = SearchDocument.objects.count() != indexing.published_total()
            if loader.rebuilt:
                indexing.rebuild()
        return loader, content
