"""Search across the platform, with the same filters and results as the page /recherche/."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from api.hub_common import (
    DEMO_COUNT_DESCRIPTION,
    FacetOut,
    ItemOut,
    Page,
    SearchFilterParams,
    facets_out,
    item_out,
    parse_filters,
)
from search import selectors
from search.filters import FILTERS

router = Router(tags=["Recherche"])


class SearchOut(Schema):
    count: int
    demo_count: int = Field(..., description=DEMO_COUNT_DESCRIPTION)
    items: list[ItemOut]
    facets: list[FacetOut]


@router.get("", response=SearchOut, summary="Recherche sur toute la plateforme, avec filtres et facettes")
def search(request: HttpRequest, page: Query[Page], filters: Query[SearchFilterParams]) -> dict[str, Any]:
    filters = parse_filters(request, allowed=list(FILTERS))
    results = selectors.search(filters, limit=page.limit, offset=page.offset)
    return {
        "count": results.count,
        "demo_count": results.demo_count,
        "items": [item_out(d) for d in results.documents],
        "facets": facets_out(results.facets),
    }
