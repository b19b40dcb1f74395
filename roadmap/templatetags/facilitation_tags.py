"""``{% facilitated_measure_count user as count %}``: how many measures a person facilitates (« Mon espace »)."""

from __future__ import annotations

from typing import Any

from django import template

from roadmap.permissions import facilitated_measures

register = template.Library()


@register.simple_tag
def facilitated_measure_count(user: Any) -> int:
    return facilitated_measures(user).count()
