"""Reads of « Faire alliance », shared by the public pages, the CSV download and the API."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from alliances.models import Listing
from organisations.selectors import TerritoryFilter
from territories.models import Departement


@dataclass(frozen=True)
class ListingFilters:
    territory: TerritoryFilter | None = None
    kind: str = ""
    modality: str = ""
    sdg: int | None = None
    resource: str = ""

    @property
    def active(self) -> bool:
        return bool(self.territory or self.kind or self.modality or self.sdg or self.resource)


def open_listings(filters: ListingFilters = ListingFilters()) -> QuerySet[Listing]:
    """Published, not expired listings matching every filter, newest first."""
    queryset = Listing.objects.open()
    if filters.territory:
        queryset = queryset.in_territory(filters.territory.level, filters.territory.code)
    if filters.kind:
        queryset = queryset.of_kind(filters.kind)
    if filters.modality:
        queryset = queryset.with_modality(filters.modality)
    if filters.sdg:
        queryset = queryset.with_sdg(filters.sdg)
    if filters.resource:
        queryset = queryset.with_resource(filters.resource)
    if filters.modality or filters.sdg:  # many-to-many filters may repeat a listing
        queryset = queryset.distinct()
    return queryset


def with_related(queryset: QuerySet[Listing]) -> QuerySet[Listing]:
    return queryset.select_related("organisation__kind").prefetch_related(
        "modalities", "partner_kinds", "resources", "sdg_targets__goal"
    )


def counts_by_departement(queryset: QuerySet[Listing]) -> list[dict[str, object]]:
    """Open needs and offers per département (listings placed at région or France level have none)."""
    rows = (
        Listing.objects.filter(pk__in=queryset.values("pk"))
        .exclude(departement_code="")
        .values("departement_code")
        .annotate(needs=Count("pk", filter=_kind("need")), offers=Count("pk", filter=_kind("offer")))
        .order_by("departement_code")
    )
    names = dict(Departement.objects.filter(code__in=[r["departement_code"] for r in rows]).values_list("code", "name"))
    return [
        {
            "code": row["departement_code"],
            "name": names.get(row["departement_code"], ""),
            "needs": row["needs"],
            "offers": row["offers"],
            "total": row["needs"] + row["offers"],
        }
        for row in rows
    ]


def _kind(kind: str) -> Q:
    return Q(kind=kind)


def public_listing(pk: int) -> Listing | None:
    """An open listing, or None (pending, rejected, closed and expired ones are not public)."""
    return with_related(Listing.objects.open()).filter(pk=pk).first()


def listings_of_member(user: object) -> QuerySet[Listing]:
    """Every listing of the organisations ``user`` represents, whatever its status."""
    return (
        Listing.objects.for_organisations_of(user)
        .select_related("organisation")
        .annotate(interest_count=Count("matches", distinct=True))
        .order_by("-created_at", "-id")
    )


ORGANISATION_PAGE_LIMIT = 20


def open_listings_of(organisation_id: int, kind: str) -> tuple[list[Listing], int]:
    """The open listings of one kind of an organisation, newest first, for its public page: at most
    ``ORGANISATION_PAGE_LIMIT`` of them, and how many are open in all."""
    queryset = Listing.objects.open().filter(organisation_id=organisation_id).of_kind(kind)
    return list(with_related(queryset)[:ORGANISATION_PAGE_LIMIT]), queryset.count()
