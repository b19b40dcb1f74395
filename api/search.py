"""Search across the platform, with the same filters and results as the page /recherche/."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema

from api.hub_common import FacetOut, ItemOut, Page, SearchFilterParams, facets_out, item_out, parse_filters
from search import selectors
from search.filters import FILTERS

router = Router(tags=["Recherche"])


class SearchOut(Schema):
    count: int
    items: list[ItemOut]
    facets: list[FacetOut]


@router.get("", response=SearchOut, summary="Recherche sur toute la plateforme, avec filtres et facettes")
def search(request: HttpRequest, page: Query[Page], filters: Query[SearchFilterParams]) -> dict[str, Any]:
    filters = parse_filters(request, allowed=list(FILTERS))
    results = selectors.search(filters, limit=page.limit, offset=page.offset)
    return {
        "count": results.count,
        "items": [item_out(d) for d in results.documents],
        "facets": facets_out(results.facets),
    }
