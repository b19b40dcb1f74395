"""The Observatoire's headline figures, for pages outside the app (the home page)."""

from __future__ import annotations

from typing import Any

from django import template

from knowledge.sourcing import SOURCE_DOCUMENT
from observatory import selectors

register = template.Library()


@register.inclusion_tag("observatory/includes/headline_figures.html")
def headline_figures() -> dict[str, Any]:
    group = selectors.headline_group()
    sections = (
        dict.fromkeys(figure.source_section for figure in group.figures if figure.source_section) if group else {}
    )
    return {
        "group": group,
        "source": " — ".join([SOURCE_DOCUMENT, " ; ".join(sections)]) if sections else SOURCE_DOCUMENT,
    }
