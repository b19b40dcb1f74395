"""Read-only API of the hub's resources: tools & methods, and every section by ``section``."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError

from api.hub_common import (
    DEMO_COUNT_DESCRIPTION,
    FacetOut,
    ItemOut,
    Page,
    ToolFilters,
    facets_out,
    item_out,
    parse_filters,
)
from resources.models import Tool
from resources.selectors import published_tools
from search import selectors
from search.models import Section

router = Router(tags=["Ressources"])
TOOL_FILTERS = ["phase", "actor_kind", "maturity"]
RESOURCE_SECTIONS = [Section.TOOL, Section.STUDY, Section.NEWS, Section.EVENT]


class ToolOut(ItemOut):
    phase: str
    maturity: str
    format: str
    format_label: str
    audiences: list[str]
    provider: str
    link: str


class ToolListOut(Schema):
    count: int
    demo_count: int = Field(..., description=DEMO_COUNT_DESCRIPTION)
    items: list[ToolOut]
    facets: list[FacetOut]


class ResourceListOut(Schema):
    count: int
    demo_count: int = Field(..., description=DEMO_COUNT_DESCRIPTION)
    items: list[ItemOut]


def _tool_out(tool: Tool) -> dict[str, Any]:
    return {
        "type": "tool",
        "id": tool.pk,
        "title": tool.title,
        "summary": tool.summary,
        "url": tool.get_absolute_url(),
        "is_demo": tool.is_demo,
        "date": None,
        "phase": tool.phase,
        "maturity": tool.maturity,
        "format": tool.format,
        "format_label": tool.get_format_display(),
        "audiences": [kind.slug for kind in tool.audiences.all()],
        "provider": tool.provider,
        "link": tool.link,
    }


@router.get("/tools", response=ToolListOut, summary="Outils & méthodes, par phase, public et maturité")
def list_tools(request: HttpRequest, page: Query[Page], filters: Query[ToolFilters]) -> dict[str, Any]:
    filters = parse_filters(request, allowed=TOOL_FILTERS, forced={"section": [Section.TOOL]})
    results = selectors.search(filters, limit=page.limit, offset=page.offset, facets=TOOL_FILTERS)
    by_id = published_tools().in_bulk([d.object_id for d in results.documents])
    tools = [by_id[d.object_id] for d in results.documents if d.object_id in by_id]
    return {
        "count": results.count,
        "demo_count": results.demo_count,
        "items": [_tool_out(t) for t in tools],
        "facets": facets_out(results.facets),
    }


@router.get("/resources", response=ResourceListOut, summary="Ressources d'une rubrique : tool, study, news, event")
def list_resources(
    request: HttpRequest,
    page: Query[Page],
    section: str,
    q: str = "",
    exemples: str = "",  # « masquer » : sans les exemples fictifs (read by parse_filters)
) -> dict[str, Any]:
    if section not in RESOURCE_SECTIONS:
        raise ValidationError(
            [
                {
                    "loc": ["query", "section"],
                    "msg": f"Rubrique inconnue. Valeurs possibles : {', '.join(RESOURCE_SECTIONS)}.",
                    "type": "value_error",
                }
            ]
        )
    filters = parse_filters(request, allowed=[], forced={"section": [section]})
    results = selectors.search(filters, limit=page.limit, offset=page.offset, facets=[])
    return {
        "count": results.count,
        "demo_count": results.demo_count,
        "items": [item_out(d) for d in results.documents],
    }
