"""Reads of the directory, shared by the public pages and the API."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Count, IntegerField, QuerySet, Value

from organisations.models import Organisation, RegisterSource
from organisations.text import fast_search_key
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
    """The directory's organisations, best matches first when searching, else by name; a search that is an
    RNA number, a SIREN or a SIRET finds the organisation registered under it."""
    queryset = Organisation.objects.all()
    if filters.kind:
        queryset = queryset.of_kind(filters.kind)
    if filters.territory:
        queryset = queryset.in_territory(filters.territory.level, filters.territory.code)
    if filters.sdg:
        queryset = queryset.with_sdg(filters.sdg)
    identifier = _register_key(filters.q)
    if identifier is not None:
        source, register_id = identifier
        queryset = queryset.filter(source=source, register_id=register_id)
        return queryset.annotate(match_rank=Value(0, output_field=IntegerField())).order_by("search_key", "id")
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


def _register_key(text: str) -> tuple[str, str] | None:
    """(source, register id) when ``text`` is an RNA number, a SIREN or a SIRET (spaces ignored)."""
    value = "".join(text.split()).upper()
    if re.fullmatch(r"W[0-9A-Z]{9}", value):
        return RegisterSource.RNA, value
    if re.fullmatch(r"\d{9}|\d{14}", value):
        return RegisterSource.SIRENE, value[:9]
    return None


def organisation_by_name(text: str) -> list[Organisation]:
    """The organisations whose name is ``text`` (accents, case and punctuation ignored), at most two:
    one is the answer, two tell that the name alone does not say which (led by ``organisation_name_idx``)."""
    key = fast_search_key(text)
    if not key:
        return []
    return list(Organisation.objects.filter(search_key=key).order_by("search_key", "id")[:2])


def organisation_by_identifier(text: str) -> Organisation | None:
    """The organisation a person names by its RNA number, SIREN, SIRET or directory address
    (``/annuaire/123/``); read through the register's unique key or the primary key, never a scan."""
    value = "".join(text.split()).upper()
    if not value:
        return None
    path = re.fullmatch(r"(?:HTTPS?://[^/]+)?/ANNUAIRE/(\d{1,12})/?", value)
    if path:
        return Organisation.objects.filter(pk=int(path.group(1))).first()
    identifier = _register_key(value)
    if identifier is None:
        return None
    source, register_id = identifier
    return Organisation.objects.filter(source=source, register_id=register_id).first()
