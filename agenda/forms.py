"""The choices of the agenda's filter form (GET, works without JavaScript)."""

from __future__ import annotations

from typing import Any

from agenda.models import AUDIENCE_FILTER
from agenda.selectors import AgendaFilters
from territories.models import Departement, Region


def agenda_form_choices(filters: AgendaFilters) -> dict[str, Any]:
    """Régions and départements to pick from (plus the commune or EPCI already chosen), and the audiences."""
    current = []
    if filters.level in ("commune", "epci"):
        label = "commune" if filters.level == "commune" else "intercommunalité"
        current = [(filters.territory_value, f"{filters.territory} ({label})")]
    return {
        "current": current,
        "regions": [
            (f"region:{code}", name) for code, name in Region.objects.order_by("name").values_list("code", "name")
        ],
        "departements": [
            (f"departement:{code}", f"{name} ({code})")
            for code, name in Departement.objects.order_by("code").values_list("code", "name")
        ],
        "audiences": [(audience.value, audience.label) for audience in AUDIENCE_FILTER],
    }
