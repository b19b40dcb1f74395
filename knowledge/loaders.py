"""Load the source document's knowledge (data/seed/) as published, sourced, real records.

Studies and events become hub items (``resources.Study`` / ``resources.Event``), published through
the resources' services so that the search indexes them like any other item; the actors and the
history become ``knowledge`` records. Nothing is demo content. Rules that keep a second run
harmless and never undo an editor's work:
- items are matched by their slug; an unchanged one is left alone;
- a study or event last saved by a person in the back office is never overwritten.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from django.utils import timezone

from core.loading import LoadReport, read_yaml, upsert
from hub.models import HubItem
from knowledge.dates import parse_partial_date
from knowledge.models import Milestone, ReferenceActor
from knowledge.sourcing import SOURCE_DOCUMENT
from resources.models import Event, Study
from resources.services import event_save, study_save

H = TypeVar("H", bound=HubItem)


def source_values(item: dict[str, Any]) -> dict[str, str]:
    """The source fields of a data/seed/ record: the document, its section and the exact passage."""
    return {
        "source": SOURCE_DOCUMENT,
        "source_section": item["source_section"],
        "source_passage": item["source_passage"],
    }


def _edited_by_person(item: HubItem) -> bool:
    revision = item.latest_revision
    return revision is not None and revision.user_id is not None


def _save_item(
    model: type[H],
    save: Callable[..., H],
    argument: str,
    slug: str,
    values: dict[str, Any],
    report: LoadReport,
    *,
    compare: dict[str, Any],
) -> H:
    label = str(model._meta.verbose_name_plural)
    existing = model._default_manager.filter(slug=slug).first()
    if existing is not None and (
        _edited_by_person(existing)
        or (existing.live and not existing.is_demo and all(getattr(existing, k) == v for k, v in compare.items()))
    ):
        report.add(label, "unchanged")
        return existing
    item = save(**{argument: existing}, slug=slug, **values, is_demo=False, publish=True)
    report.add(label, "created" if existing is None else "updated")
    return item


def load_studies(report: LoadReport) -> None:
    for item in read_yaml("seed/studies.yml"):
        published_on, precision = parse_partial_date(item["date"]) if item["date"] else (None, "day")
        values = {
            "title": item["title"],
            "summary": item["summary"],
            "publisher": item["publisher"],
            "published_on": published_on,
            "date_precision": precision,
            "link": item.get("link") or "",
            **source_values(item),
        }
        key_figures = list(item["key_figures"])
        _save_item(
            Study,
            study_save,
            "study",
            item["slug"],
            {**values, "key_figures": key_figures},
            report,
            compare={**values, "key_figures": "\n".join(key_figures)},
        )


def _local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def load_events(report: LoadReport) -> None:
    for item in read_yaml("seed/events.yml"):
        day, precision = parse_partial_date(item["date"])
        starts_at = _local_midnight(day)
        values = {
            "title": item["title"],
            "summary": item["summary"],
            "starts_at": starts_at,
            "ends_at": starts_at,
            "date_precision": precision,
            "place": item["place"],
            **source_values(item),
        }
        _save_item(Event, event_save, "event", item["slug"], values, report, compare=values)


def load_actors(report: LoadReport) -> None:
    for item in read_yaml("seed/actors.yml"):
        upsert(
            ReferenceActor,
            {"slug": item["slug"]},
            {
                "name": item["name"],
                "kind": item["kind"],
                "description": item["description"],
                "link": item.get("link") or "",
                **source_values(item),
            },
            report,
        )


def load_history(report: LoadReport) -> None:
    for item in read_yaml("seed/history.yml"):
        day, precision = parse_partial_date(item["date"])
        upsert(
            Milestone,
            {"slug": item["slug"]},
            {
                "title": item["title"],
                "date": day,
                "date_precision": precision,
                "event": Event.objects.get(slug=item["event"]) if item.get("event") else None,
                "study": Study.objects.get(slug=item["study"]) if item.get("study") else None,
                **source_values({**item, "source_passage": item["passage"]}),
            },
            report,
        )
