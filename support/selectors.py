"""Reads of the support requests: a requester's own, a desk's with filters, the public unserved demand,
and what a catalyst brokered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from catalysts.models import Catalyst
from support.models import RequestStatus, SupportRequest
from support.permissions import Desk
from territories.models import Departement

OPEN = "ouvertes"
ALL = "toutes"
STATUS_FILTERS = {
    OPEN: "Ouvertes (nouvelles et prises en charge)",
    "nouvelle": "Nouvelles",
    "prise-en-charge": "Prises en charge",
    "close": "Closes",
    ALL: "Toutes",
}
_STATUS_OF_FILTER = {
    "nouvelle": [RequestStatus.NEW],
    "prise-en-charge": [RequestStatus.IN_PROGRESS],
    "close": [RequestStatus.CLOSED],
    OPEN: [RequestStatus.NEW, RequestStatus.IN_PROGRESS],
}
AGE_FILTERS = {"7": "plus de 7 jours", "30": "plus de 30 jours"}


def _related(queryset: QuerySet[SupportRequest]) -> QuerySet[SupportRequest]:
    return queryset.select_related("modality", "handled_by", "organisation").prefetch_related("routed_to")


def requester_requests(*, user: Any) -> list[SupportRequest]:
    return list(_related(SupportRequest.objects.of_requester(user)))


def requester_request(*, user: Any, pk: int) -> SupportRequest | None:
    return _related(SupportRequest.objects.of_requester(user)).filter(pk=pk).first()


@dataclass(frozen=True)
class DeskFilters:
    status: str = OPEN
    modality: str = ""
    departement: str = ""
    older_than: str = ""


def desk_requests(desk: Desk, filters: DeskFilters) -> QuerySet[SupportRequest]:
    """The desk's requests, the oldest waiting first (then the most recent closed)."""
    queryset = desk.requests()
    if filters.status in _STATUS_OF_FILTER:
        queryset = queryset.filter(status__in=_STATUS_OF_FILTER[filters.status])
    if filters.modality:
        queryset = queryset.filter(modality__slug=filters.modality)
    if filters.departement:
        queryset = queryset.filter(departement_code=filters.departement)
    if filters.older_than:
        queryset = queryset.filter(created_at__lt=timezone.now() - dt.timedelta(days=int(filters.older_than)))
    order = ["-created_at", "-id"] if filters.status == "close" else ["created_at", "id"]
    return _related(queryset).order_by(*order)


def desk_counts(desk: Desk) -> dict[str, int]:
    counts = (
        desk.requests()
        .order_by()
        .aggregate(
            new=Count("pk", filter=Q(status=RequestStatus.NEW)),
            in_progress=Count("pk", filter=Q(status=RequestStatus.IN_PROGRESS)),
            closed=Count("pk", filter=Q(status=RequestStatus.CLOSED)),
        )
    )
    return counts


def desk_departements(desk: Desk) -> list[Departement]:
    """The départements the desk's requests came from (the choices of its filter)."""
    codes = desk.requests().order_by().values("departement_code").distinct()
    return list(Departement.objects.filter(code__in=codes).order_by("code"))


@dataclass(frozen=True)
class DemandRow:
    code: str
    name: str
    region: str
    requests: int
    last_year: int


def unserved_demand(*, now: dt.datetime | None = None) -> list[DemandRow]:
    """« Territoires sans accompagnement », the demand side: per département, the support requests that
    no catalyst covered (sent to the platform's team), in all and over the last 365 days. Counts only:
    no text, no person. Most requested first."""
    since = (now or timezone.now()) - dt.timedelta(days=365)
    counts = (
        SupportRequest.objects.unserved()
        .order_by()
        .values("departement_code")
        .annotate(total=Count("pk"), recent=Count("pk", filter=Q(created_at__gte=since)))
    )
    by_code = {row["departement_code"]: row for row in counts}
    departements = Departement.objects.filter(code__in=by_code).select_related("region")
    rows = [
        DemandRow(
            code=d.code,
            name=d.name,
            region=d.region.name,
            requests=by_code[d.code]["total"],
            last_year=by_code[d.code]["recent"],
        )
        for d in departements
    ]
    return sorted(rows, key=lambda row: (-row.requests, row.code))


def brokered_matches(catalyst: Catalyst) -> list[Any]:
    """The matches (« mises en relation ») the catalyst proposed, most recent first, once the
    matchmaking of « Faire alliance » has its model (``alliances.Match`` with a ``catalyst`` field);
    an empty list until then."""
    try:
        match_model = apps.get_model("alliances", "Match")
    except LookupError:
        return []
    if "catalyst" not in {f.name for f in match_model._meta.get_fields()}:
        return []
    return list(
        match_model._default_manager.filter(catalyst=catalyst)
        .select_related("requester", "recipient")
        .order_by("-created_at", "-id")[:50]
    )


def brokered_requests(catalyst: Catalyst) -> QuerySet[SupportRequest]:
    """The support requests the catalyst took in charge and closed with support engaged or a redirection."""
    return SupportRequest.objects.filter(handled_by=catalyst, status=RequestStatus.CLOSED).exclude(outcome="withdrawn")
