"""Reads of the hub's resources shared by the pages and the API."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from reference.models import ActorKind
from resources.models import Event, NewsItem, Phase, Study, Tool, ToolQuerySet


def published_tools() -> ToolQuerySet:
    return Tool.objects.published().prefetch_related("audiences")


def published_studies() -> QuerySet[Study]:
    return Study.objects.published().select_related("document")


def published_news() -> QuerySet[NewsItem]:
    return NewsItem.objects.published()


def published_events() -> QuerySet[Event]:
    return Event.objects.published()


def upcoming_events(*, limit: int | None = None, hide_demo: bool = False) -> QuerySet[Event]:
    events = published_events().upcoming(timezone.now())
    if hide_demo:
        events = events.real()
    return events[:limit] if limit else events


def past_events(*, limit: int = 20, hide_demo: bool = False) -> QuerySet[Event]:
    events = published_events().past(timezone.now())
    return (events.real() if hide_demo else events)[:limit]


@dataclass
class ToolMapCell:
    phase: str
    kind: ActorKind
    tools: list[Tool]

    @property
    def demo(self) -> int:
        """How many of the cell's tools are demo content (« exemples fictifs »)."""
        return sum(1 for tool in self.tools if tool.is_demo)


@dataclass
class ToolMap:
    """The « cartographie des outils »: published tools by phase (rows) and audience (columns)."""

    phases: list[tuple[str, str]]
    kinds: list[ActorKind]
    rows: list[tuple[str, list[ToolMapCell]]]
    total: int = 0
    demo: int = 0


def tool_map(*, hide_demo: bool = False) -> ToolMap:
    """The map; ``total`` and ``demo`` count the published tools on it (and its demo ones)."""
    kinds = list(ActorKind.objects.all())
    grid: dict[tuple[str, int], list[Tool]] = defaultdict(list)
    tools = published_tools().real() if hide_demo else published_tools()
    total = demo = 0
    for tool in tools.order_by("title"):
        total += 1
        demo += tool.is_demo
        for kind in tool.audiences.all():
            grid[(tool.phase, kind.pk)].append(tool)
    rows = [
        (label, [ToolMapCell(phase=value, kind=kind, tools=grid[(value, kind.pk)]) for kind in kinds])
        for value, label in Phase.choices
    ]
    return ToolMap(phases=list(Phase.choices), kinds=kinds, rows=rows, total=total, demo=demo)
