"""The territory page as a local hub: what concerns a territory, at its own level and above.

An item (case, event) is placed at one level (France, région, département, EPCI or commune) and
carries the codes of its région, département and EPCI (``hub.models.TerritoryScope``). So what
concerns a commune is: the items of the commune, of its EPCI, of its département, of its région
and of France, each level read through a composite index (``territories.scopes``): one small
count query per level and kind of item, then the few items shown, the most local first. A région's
or a département's own figure includes the items placed below it (its communes', its EPCI's).
"""

from __future__ import annotations

import functools
import operator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, IntegerField, Q, QuerySet, Value
from django.urls import reverse
from django.utils import timezone

from cases.models import Case
from catalysts import selectors as catalyst_selectors
from catalysts.models import SupportScheme
from resources.models import Event, Tool
from territories.scopes import Scope, scopes, territory_level

# From the widest to the narrowest: an item placed above the page's level is « parent ».
LEVEL_RANK = {"france": 0, "region": 1, "departement": 2, "epci": 3, "commune": 4}
ITEMS_SHOWN = 5


@dataclass(frozen=True)
class ScopeCount:
    scope: Scope
    total: int
    demo: int


@dataclass
class Block:
    """One kind of item on the hub: counts per level, a few items, the filtered listing."""

    key: str
    title: str
    rows: list[ScopeCount] = field(default_factory=list)
    items: list[Any] = field(default_factory=list)
    url: str = ""
    url_label: str = ""

    @property
    def total(self) -> int:
        return sum(row.total for row in self.rows)

    @property
    def demo(self) -> int:
        return sum(row.demo for row in self.rows)


@dataclass
class LocalHub:
    level: str
    territory: Any
    cases: Block
    events: Block
    support: Block
    tools: Block
    hide_demo: bool = False

    @property
    def blocks(self) -> list[Block]:
        return [self.cases, self.events, self.support, self.tools]


def _counted(queryset: QuerySet[Any], territory_scopes: list[Scope]) -> list[ScopeCount]:
    """A count and a demo count per level, in one query: a ``UNION ALL`` of one small count per level.

    Each part is answered from a composite index that holds the publication columns (the table is
    never read); one query with a ``COUNT … FILTER`` per level over the OR of the levels read every
    matching row instead. Measured in docs/adr/0031-learning-paths-mobile-and-commune-speed.md.
    """
    parts = [
        queryset.filter(scope.condition)
        .order_by()
        .values("is_demo")
        .annotate(n=Count("*"), scope_index=Value(index, output_field=IntegerField()))
        for index, scope in enumerate(territory_scopes)
    ]
    totals = [0] * len(territory_scopes)
    demos = [0] * len(territory_scopes)
    for row in parts[0].union(*parts[1:], all=True) if parts else []:
        totals[row["scope_index"]] += row["n"]
        if row["is_demo"]:
            demos[row["scope_index"]] += row["n"]
    return [
        ScopeCount(scope=scope, total=totals[index], demo=demos[index]) for index, scope in enumerate(territory_scopes)
    ]


def _narrowest_first(queryset: QuerySet[Any], rows: list[ScopeCount], order: tuple[str, ...]) -> list[Any]:
    """Up to ``ITEMS_SHOWN`` items, the most local first: one small indexed query per level that has any."""
    items: list[Any] = []
    for row in rows:
        if len(items) >= ITEMS_SHOWN:
            break
        if row.total:
            items += list(queryset.filter(row.scope.condition).order_by(*order)[: ITEMS_SHOWN - len(items)])
    return items


def _listing_url(name: str, territory: Any, level: str) -> str:
    """The section's listing filtered on the territory's département (or région): the search's facets."""
    if level == "region":
        query = [("region", territory.code)]
    elif level == "departement":
        query = [("departement", territory.code)]
    elif level == "commune":
        query = [("departement", territory.departement_id)]
    else:
        query = []
    url = reverse(name)
    return f"{url}?{urlencode(query)}" if query else url


def _cases_block(territory: Any, level: str, territory_scopes: list[Scope], hide_demo: bool) -> Block:
    cases = Case.objects.published()
    if hide_demo:
        cases = cases.real()
    rows = _counted(cases, territory_scopes)
    return Block(
        key="exemples",
        title="Exemples inspirants",
        rows=rows,
        items=_narrowest_first(cases.select_related("modality"), rows, ("-last_verified_on", "-id")),
        url=_listing_url("cases:index", territory, level),
        url_label=_listing_label("Voir les exemples inspirants", territory, level),
    )


def _listing_label(text: str, territory: Any, level: str) -> str:
    if level == "region":
        return f"{text} de la région {territory.name}"
    if level == "departement":
        return f"{text} du département {territory}"
    if level == "commune":
        return f"{text} du département {territory.departement}"
    return text


def _events_block(territory: Any, level: str, territory_scopes: list[Scope], hide_demo: bool) -> Block:
    events = Event.objects.published().filter(ends_at__gte=timezone.now())
    if hide_demo:
        events = events.real()
    matching = events.filter(functools.reduce(operator.or_, (s.condition for s in territory_scopes)))
    return Block(
        key="evenements",
        title="Événements à venir",
        rows=_counted(matching, territory_scopes),
        items=list(matching.order_by("starts_at", "id")[:ITEMS_SHOWN]),  # a few hundred events at most
        url=_agenda_url(territory, level, hide_demo),
        url_label="Voir l'agenda de ce territoire",
    )


def _agenda_url(territory: Any, level: str, hide_demo: bool) -> str:
    query = [("territoire", f"{level}:{territory.code}")]
    if hide_demo:
        query.append(("exemples", "masquer"))
    return f"{reverse('resources:agenda')}?{urlencode(query)}"


def _support_block(territory: Any, level: str, hide_demo: bool) -> Block:
    """Support schemes cover départements (directly or through their région), or France when they name none.

    The catalysts have their own section on the territory pages (catalysts/templatetags).
    """
    codes = catalyst_selectors.departement_codes(level, territory.code)
    schemes = SupportScheme.objects.real() if hide_demo else SupportScheme.objects.all()
    national = schemes.filter(departements__isnull=True, regions__isnull=True)
    covering = schemes.covering_any(codes)
    covered = "le département" if len(codes) == 1 else "les départements"
    covering_tally = catalyst_selectors.tally(covering)
    national_tally = catalyst_selectors.tally(national)
    rows = [
        ScopeCount(
            Scope("schemes", f"qui couvrent {covered} ou la région", Q(), True),
            covering_tally.total,
            covering_tally.demo,
        ),
        ScopeCount(Scope("national", "nationaux", Q(), True), national_tally.total, national_tally.demo),
    ]
    query = [("region", territory.code)] if level == "region" else []
    if len(codes) == 1:
        query = [("departement", codes[0])]
    if hide_demo:
        query.append(("exemples", "masquer"))
    url = reverse("catalysts:list")
    return Block(
        key="dispositifs",
        title="Dispositifs d'accompagnement",
        rows=rows,
        url=f"{url}?{urlencode(query)}" if query else url,
        url_label="Voir les dispositifs et les catalyseurs de ce territoire",
    )


def _tools_block(hide_demo: bool) -> Block:
    tools = Tool.objects.published()
    if hide_demo:
        tools = tools.real()
    counts = tools.order_by().aggregate(total=Count("pk"), demo=Count("pk", filter=Q(is_demo=True)))
    national = Scope("france", "outils et méthodes nationaux, utiles partout", Q(), True)
    return Block(
        key="outils",
        title="Outils & méthodes",
        rows=[ScopeCount(national, counts["total"], counts["demo"])],
        url=reverse("resources:tools"),
        url_label="Voir les outils et méthodes",
    )


def local_hub(territory: Any, *, hide_demo: bool = False) -> LocalHub:
    """Everything that concerns ``territory`` (a Region, Departement, Epci or Commune), with counts."""
    level = territory_level(territory)
    territory_scopes = scopes(territory)
    return LocalHub(
        level=level,
        territory=territory,
        cases=_cases_block(territory, level, territory_scopes, hide_demo),
        events=_events_block(territory, level, territory_scopes, hide_demo),
        support=_support_block(territory, level, hide_demo),
        tools=_tools_block(hide_demo),
        hide_demo=hide_demo,
    )
