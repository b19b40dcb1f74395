"""Reads of the catalysts, shared by the public pages, the map, the territory pages and the API."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from catalysts.models import Catalyst, SupportScheme
from organisations.selectors import count_by_departement as organisations_by_departement
from territories.models import Commune, Departement


def departement_codes(level: str, code: str) -> list[str]:
    """The départements of a territory (a commune or an EPCI lies in one or a few départements)."""
    if level == "departement":
        return [code]
    if level == "region":
        return list(Departement.objects.filter(region_id=code).values_list("code", flat=True))
    communes = Commune.objects.filter(epci_id=code) if level == "epci" else Commune.objects.filter(code=code)
    return sorted(set(communes.values_list("departement_id", flat=True)))


def catalysts(
    *, level: str = "", code: str = "", active_only: bool = True, hide_demo: bool = False
) -> QuerySet[Catalyst]:
    """Catalysts, by name; with a territory, those covering at least one of its départements."""
    queryset = Catalyst.objects.active() if active_only else Catalyst.objects.all()
    if hide_demo:
        queryset = queryset.real()
    if level:
        queryset = queryset.covering_any(departement_codes(level, code))
    return queryset.select_related("kind").order_by("name", "id")


def support_schemes(*, level: str = "", code: str = "", hide_demo: bool = False) -> QuerySet[SupportScheme]:
    """Support schemes; with a territory, the national ones (no territory given) and those covering it."""
    queryset = SupportScheme.objects.real() if hide_demo else SupportScheme.objects.all()
    if level:
        national = SupportScheme.objects.filter(departements__isnull=True, regions__isnull=True).values("pk")
        covering = SupportScheme.objects.covering_any(departement_codes(level, code)).values("pk")
        queryset = queryset.filter(Q(pk__in=national) | Q(pk__in=covering))
    return queryset.order_by("name", "id")


@dataclass(frozen=True)
class Tally:
    """A count and how many of it are demo records (« exemples fictifs »)."""

    total: int
    demo: int


def tally(queryset: QuerySet[Catalyst] | QuerySet[SupportScheme]) -> Tally:
    """Count ``queryset`` and its demo part in one query."""
    counts = queryset.order_by().aggregate(total=Count("pk"), demo=Count("pk", filter=Q(is_demo=True)))
    return Tally(total=counts["total"], demo=counts["demo"])


def territory_count(level: str, code: str) -> Tally:
    return tally(catalysts(level=level, code=code))


def catalyst_by_slug(slug: str) -> Catalyst | None:
    return (
        Catalyst.objects.active()
        .select_related("kind")
        .prefetch_related("audiences", "departements", "regions")
        .filter(slug=slug)
        .first()
    )


def active_count_by_departement(*, demo: bool | None = None) -> dict[str, int]:
    """Active catalysts per département code, a catalyst counted once even if listed twice.

    ``demo``: None counts every catalyst, False only the real ones, True only the demo ones.
    """
    active = Q(catalyst__is_active=True) if demo is None else Q(catalyst__is_active=True, catalyst__is_demo=demo)
    covering: dict[str, set[int]] = defaultdict(set)
    direct = Catalyst.departements.through.objects.filter(active)
    for catalyst_id, code in direct.values_list("catalyst_id", "departement_id"):
        covering[code].add(catalyst_id)
    regional = Catalyst.regions.through.objects.filter(active).values_list("catalyst_id", "region_id")
    by_region: dict[str, list[int]] = defaultdict(list)
    for catalyst_id, region in regional:
        by_region[region].append(catalyst_id)
    if by_region:
        for code, region in Departement.objects.filter(region_id__in=by_region).values_list("code", "region_id"):
            covering[code].update(by_region[region])
    return {code: len(ids) for code, ids in covering.items()}


@dataclass(frozen=True)
class DepartementRow:
    code: str
    name: str
    region: str
    catalysts: int
    organisations: int
    demo_catalysts: int = 0

    @property
    def real_catalysts(self) -> int:
        return self.catalysts - self.demo_catalysts


def departement_rows(*, hide_demo: bool = False) -> list[DepartementRow]:
    """Every département with its count of active catalysts (and how many are demo records) and of
    organisations (seat in the département); ``hide_demo`` leaves the demo catalysts out."""
    catalyst_counts = active_count_by_departement(demo=False if hide_demo else None)
    demo_counts = {} if hide_demo else active_count_by_departement(demo=True)
    organisation_counts = organisations_by_departement()
    return [
        DepartementRow(
            code=d.code,
            name=d.name,
            region=d.region.name,
            catalysts=catalyst_counts.get(d.code, 0),
            organisations=organisation_counts.get(d.code, 0),
            demo_catalysts=demo_counts.get(d.code, 0),
        )
        for d in Departement.objects.select_related("region").order_by("code")
    ]


def uncovered_departements(rows: list[DepartementRow] | None = None) -> list[DepartementRow]:
    """« Territoires sans accompagnement »: départements where no real catalyst is active, most
    organisations first. A demo catalyst (« exemple fictif ») covers nothing in the real world."""
    rows = departement_rows() if rows is None else rows
    return sorted((r for r in rows if r.real_catalysts == 0), key=lambda r: (-r.organisations, r.code))
