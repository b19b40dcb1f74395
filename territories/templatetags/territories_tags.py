"""Links to territory pages from content that names a territory by its level and code."""

from __future__ import annotations

from django import template

from territories.selectors import territory_url as _territory_url

register = template.Library()


@register.simple_tag
def territory_url(level: str, code: str) -> str:
    """``{% territory_url case.territory_level case.territory_code %}``: empty for France."""
    return _territory_url(level, code)
