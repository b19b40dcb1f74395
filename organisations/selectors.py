"""Reads of the directory, shared by the public pages and the API."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from organisations.models import Organisation
from territories.models import Commune, Departement, Epci, Region

COUNT_CAP = 10_000  # beyond this, « plus de 10 000 »: an exact count of millions of rows is not worth its cost
TERRITORY_LEVELS = {
    "region": (Region, re.compile(r"^\d{2}$")),
    "departement": (Departement, re.compile(r"^(\d{2}|2[AB]|97\d)$")),
    "epci": (Epci, re.compile(r"^\d{9}$")),
    "commune": (Commune, re.compile(r"^(\d{5}|2[AB]\d{3})$")),
}


class MalformedTerritory(ValueError):
    pass


class UnknownTerritory(LookupError):
    pass


@dataclass(frozen=True)
class TerritoryFilter:
    level: str
    code: str
    name: str

    @property
    def value(self) -> str:
        return f"{self.level}:{self.code}"


def territory_filter(level: str, code: str) -> TerritoryFilter:
    """A territory chosen as a filter: MalformedTerritory or UnknownTerritory, with a French message."""
    level, code = level.strip().lower(), code.strip().upper()
    if level not in TERRITORY_LEVELS:
        raise MalformedTerritory("Échelle inconnue : région, département, EPCI ou commune sont attendus.")
    model, pattern = TERRITORY_LEVELS[level]
    if not pattern.match(code):
        raise MalformedTerritory(f"Code mal formé pour un territoire de niveau « {level} » : « {code[:20]} ».")
    territory = model._default_manager.filter(code=code).first()
    if territory is None:
        raise UnknownTerritory(f"Aucun territoire de niveau « {level} » ne porte le code « {code} ».")
    return TerritoryFilter(level, code, territory.name)


@dataclass(frozen=True)
class DirectoryFilters:
    q: str = ""
    kind: str = ""
    territory: TerritoryFilter | None = None
    sdg: int | None = None

    @property
    def active(self) -> bool:
        return bool(self.q or self.kind or self.territory or self.sdg)


def organisations(filters: DirectoryFilters) -> QuerySet[Organisation]:
    """The directory's organisations, best matches first when searching, else by name."""
    queryset = Organisation.objects.all()
    if filters.kind:
        queryset = queryset.of_kind(filters.kind)
    if filters.territory:
        queryset = queryset.in_territory(filters.territory.level, filters.territory.code)
    if filters.sdg:
        queryset = queryset.with_sdg(filters.sdg)
    if filters.q:
        return queryset.matching(filters.q).order_by("match_rank", "search_key", "id")
    return queryset.order_by("search_key", "id")


def capped_count(queryset: QuerySet[Organisation]) -> tuple[int, bool]:
    """(count, capped): the count stops at COUNT_CAP so that a broad filter stays fast."""
    count = queryset.order_by()[: COUNT_CAP + 1].count()
    return min(count, COUNT_CAP), count > COUNT_CAP


def territory_count(level: str, code: str) -> int:
    return Organisation.objects.in_territory(level, code).count()


def organisation_by_id(pk: int) -> Organisation | None:
    return (
        Organisation.objects.select_related("kind", "commune__departement", "commune__region")
        .prefetch_related("sdgs")
        .filter(pk=pk)
        .first()
    )


def count_by_departement() -> dict[str, int]:
    rows = Organisation.objects.exclude(departement_code="").values("departement_code").annotate(total=Count("id"))
    return {row["departement_code"]: row["total"] for row in rows.order_by()}
