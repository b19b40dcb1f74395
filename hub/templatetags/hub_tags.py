"""Template tags of the hub: recent published items for the home page."""

from __future__ import annotations

from typing import Any

from django import template

from cases.selectors import published_cases

register = template.Library()


@register.inclusion_tag("hub/includes/recent_cases.html")
def recent_cases(limit: int = 3) -> dict[str, Any]:
    return {"cases": list(published_cases().order_by("-last_verified_on", "-id")[:limit])}
