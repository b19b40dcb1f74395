"""The catalysts section of the territory pages (territories/includes/territory_sections.html)."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from catalysts import selectors
from territories.models import Commune, Departement, Epci, Region

register = template.Library()
_LEVELS = {Region: "region", Departement: "departement", Epci: "epci", Commune: "commune"}


@register.inclusion_tag("catalysts/includes/territory_section.html")
def catalysts_section(territory: Any) -> dict[str, Any]:
    level = _LEVELS.get(type(territory))
    if level is None:
        return {"count": None}
    if level in ("region", "departement"):
        query = urlencode({level: territory.code})
    else:
        codes = selectors.departement_codes(level, territory.code)
        query = urlencode({"departement": codes[0]}) if len(codes) == 1 else ""
    url = reverse("catalysts:list")
    tally = selectors.territory_count(level, territory.code)
    return {
        "count": tally.total,
        "demo": tally.demo,
        "territory": territory,
        "url": f"{url}?{query}" if query else url,
        "map_url": reverse("catalysts:map"),
    }
