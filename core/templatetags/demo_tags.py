"""Demo content on screen: « dont N exemples fictifs » beside a figure, and the filter that hides it."""

from __future__ import annotations

from typing import Any

from django import template

from core import demo

register = template.Library()


@register.simple_tag
def demo_share(count: int) -> str:
    """``{{ total }} catalyseurs{% demo_share demo %}`` → « 12 catalyseurs, dont 3 exemples fictifs »."""
    return demo.demo_share(count)


@register.inclusion_tag("core/includes/demo_filter.html")
def demo_filter(hidden: bool, field_id: str = "masquer-exemples") -> dict[str, Any]:
    """The checkbox « Masquer les exemples fictifs », to put inside a GET form."""
    return {
        "hidden": hidden,
        "field_id": field_id,
        "name": demo.DEMO_PARAMETER,
        "value": demo.HIDE_VALUE,
        "label": demo.HIDE_LABEL,
    }
