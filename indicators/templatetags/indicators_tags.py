"""Indicators on the pages of other apps: « Résultats mesurés » of a case, a measure or a chantier, and
the roll-ups of an SDG target's and a territory's alliances. Templates load this library; the apps that
own those pages import nothing from ``indicators``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.db.models import Model

from indicators import selectors

register = template.Library()


@register.filter
def figure(value: Decimal | None, unit: str = "") -> str:
    """« 1 234,5 personnes », « 75 % », or « non renseigné » (never 0) for a missing figure."""
    return selectors.number_label(value, unit=unit)


@register.inclusion_tag("indicators/includes/results.html")
def indicator_results(subject: Model, heading: str = "Résultats mesurés") -> dict[str, Any]:
    return {"heading": heading, "all_series": [selectors.series(i) for i in selectors.indicators_of(subject)]}


@register.inclusion_tag("indicators/includes/roll_ups.html")
def sdg_target_results(target: Any) -> dict[str, Any]:
    return {
        "roll_ups": selectors.sdg_target_roll_ups(target.pk),
        "scope": f"de la cible {target.code}",
        "anchor": "resultats-mesures",
    }


@register.inclusion_tag("indicators/includes/roll_ups.html")
def territory_results(territory: Any) -> dict[str, Any]:
    from territories.scopes import territory_level

    return {
        "roll_ups": selectors.territory_roll_ups(territory_level(territory), territory.code),
        "scope": "des alliances de ce territoire",
        "anchor": "resultats-mesures",
    }
