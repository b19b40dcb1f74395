"""The organisations section of the territory pages (territories/includes/territory_sections.html)."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from organisations import selectors
from territories.models import Commune, Departement, Epci, Region

register = template.Library()
_LEVELS = {Region: "region", Departement: "departement", Epci: "epci", Commune: "commune"}


@register.inclusion_tag("organisations/includes/territory_section.html")
def organisations_section(territory: Any) -> dict[str, Any]:
    level = _LEVELS.get(type(territory))
    if level is None:
        return {"count": None}
    query = urlencode({"niveau": level, "code": territory.code})
    return {
        "count": selectors.territory_count(level, territory.code),
        "territory": territory,
        "url": f"{reverse('organisations:directory')}?{query}",
    }
