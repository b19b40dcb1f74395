"""``{{ value|date_fr }}`` → « 1er décembre 2021 »; ``{{ value|date_fr:"heure" }}`` adds « à 9 h 05 »."""

from __future__ import annotations

import datetime as dt

from django import template

from core.dates import french_date, french_time

register = template.Library()


@register.filter
def date_fr(value: dt.date | dt.datetime | None, arg: str = "") -> str:
    """Options, comma-separated: ``heure`` (with the time), ``sans_annee`` (without the year)."""
    if not isinstance(value, dt.date):
        return ""
    options = {option.strip() for option in arg.split(",") if option.strip()}
    return french_date(value, with_time="heure" in options, with_year="sans_annee" not in options)


@register.filter
def heure_fr(value: dt.datetime | dt.time | None) -> str:
    """``{{ event.starts_at|heure_fr }}`` → « 14 h 30 »."""
    if not isinstance(value, dt.datetime | dt.time):
        return ""
    return french_time(value)
