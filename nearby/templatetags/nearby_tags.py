"""The « Où êtes-vous ? » field (home page and both doors) and the local hub of the territory pages."""

from __future__ import annotations

from typing import Any

from django import template

from core.demo import hide_demo
from nearby import selectors
from nearby.session import remembered_commune

register = template.Library()


@register.inclusion_tag("nearby/includes/where_form.html", takes_context=True)
def where_form(
    context: template.Context, field_id: str = "ma-commune", title: str = "Près de chez moi"
) -> dict[str, Any]:
    request = context["request"]
    return {
        "request": request,
        "field_id": field_id,
        "title": title,
        "remembered": remembered_commune(request),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("nearby/includes/local_hub.html", takes_context=True)
def local_hub(context: template.Context, territory: Any) -> dict[str, Any]:
    request = context["request"]
    hidden = hide_demo(request)
    return {"hub": selectors.local_hub(territory, hide_demo=hidden), "demo_hidden": hidden, "request": request}


@register.filter
def is_above(item_level: str, page_level: str) -> bool:
    """Whether an item is placed at a wider level than the page (« niveau supérieur »)."""
    return selectors.LEVEL_RANK.get(item_level, 0) < selectors.LEVEL_RANK.get(page_level, 0)
