"""Read-only API of the inspiring examples (published cases only), thin over the selectors."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from api.hub_common import DEMO_COUNT_DESCRIPTION, CaseFilters, FacetOut, Page, facets_out, parse_filters
from api.schemas import ErrorOut
from cases import selectors as case_selectors
from cases.models import Case
from search import selectors
from search.models import Section

router = Router(tags=["Exemples inspirants"])
FILTERS = ["actor_kind", "modality", "sdg", "region", "departement"]


class PartnerOut(Schema):
    name: str
    kind: str
    kind_label: str
    role: str


class TerritoryOut(Schema):
    level: str
    code: str
    name: str
    region: str
    departement: str


class SourceOut(Schema):
    url: str
    label: str


class CaseOut(Schema):
    type: str
    id: int
    slug: str
    title: str
    summary: str
    url: str
    is_demo: bool
    modality: str
    modality_label: str
    partners: list[PartnerOut]
    territory: TerritoryOut
    sdg_targets: list[str]
    start_year: int
    end_year: int | None
    last_verified_on: dt.date | None


class CaseDetailOut(CaseOut):
    objectives: str
    results: str
    sources: list[SourceOut]


class CaseListOut(Schema):
    count: int
    demo_count: int = Field(..., description=DEMO_COUNT_DESCRIPTION)
    items: list[CaseOut]
    facets: list[FacetOut]


def case_out(case: Case) -> dict[str, Any]:
    return {
        "type": "case",
        "id": case.pk,
        "slug": case.slug,
        "title": case.title,
        "summary": case.summary,
        "url": case.get_absolute_url(),
        "is_demo": case.is_demo,
        "modality": case.modality.slug,
        "modality_label": case.modality.name,
        "partners": [
            {"name": p.name, "kind": p.kind.slug, "kind_label": p.kind.name, "role": p.role}
            for p in case.partners.all()
        ],
        "territory": {
            "level": case.territory_level,
            "code": case.territory_code,
            "name": case.territory_name or "France entière",
            "region": case.region_code,
            "departement": case.departement_code,
        },
        "sdg_targets": [t.code for t in case.sdg_targets.all()],
        "start_year": case.start_year,
        "end_year": case.end_year,
        "last_verified_on": case.last_verified_on,
    }


@router.get("", response=CaseListOut, summary="Exemples inspirants, filtrables comme la recherche")
def list_cases(request: HttpRequest, page: Query[Page], filters: Query[CaseFilters]) -> dict[str, Any]:
    filters = parse_filters(request, allowed=FILTERS, forced={"section": [Section.CASE]})
    results = selectors.search(filters, limit=page.limit, offset=page.offset, facets=FILTERS)
    cases = case_selectors.cases_in_order([d.object_id for d in results.documents])
    return {
        "count": results.count,
        "demo_count": results.demo_count,
        "items": [case_out(c) for c in cases],
        "facets": facets_out(results.facets),
    }


@router.get("/{case_id}", response={200: CaseDetailOut, 404: ErrorOut}, summary="Un exemple inspirant")
def get_case(request: HttpRequest, case_id: int) -> Status:
    case = case_selectors.case_by_id(case_id)
    if case is None:
        return Status(404, {"detail": f"Exemple inspirant {case_id} introuvable."})
    data = case_out(case)
    data.update(
        objectives=case.objectives,
        results=case.results,
        sources=[{"url": s.url, "label": s.label} for s in case.sources.all()],
    )
    return Status(200, data)
