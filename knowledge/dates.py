"""Dates known to the day, the month or the year only: stored as a date plus its precision.

A source that says « juillet 2020 » is stored as 2020-07-01 with the precision ``month`` and is
always shown « juillet 2020 »: the first day is a storage convention, never displayed.
"""

from __future__ import annotations

import datetime as dt
import re

from django.db import models

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
_PARTIAL = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


class DatePrecision(models.TextChoices):
    TIME = "time", "Date et heure"
    DAY = "day", "Jour"
    MONTH = "month", "Mois"
    YEAR = "year", "Année"


def parse_partial_date(text: str) -> tuple[dt.date, str]:
    """« 2020 », « 2020-07 » or « 2020-07-12 » → (first day of the period, its precision)."""
    match = _PARTIAL.match(text.strip())
    if match is None:
        raise ValueError(f"Date invalide : « {text} » (attendu AAAA, AAAA-MM ou AAAA-MM-JJ).")
    year = int(match["year"])
    if match["day"]:
        return dt.date(year, int(match["month"]), int(match["day"])), DatePrecision.DAY
    if match["month"]:
        return dt.date(year, int(match["month"]), 1), DatePrecision.MONTH
    return dt.date(year, 1, 1), DatePrecision.YEAR


def format_partial_date(value: dt.date | dt.datetime | None, precision: str) -> str:
    """The date in French at its precision: « 2008 », « juillet 2020 », « 1er juillet 2020 »."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    month = MONTHS[value.month - 1]
    if precision == DatePrecision.MONTH:
        return f"{month} {value.year}"
    day = "1er" if value.day == 1 else str(value.day)
    text = f"{day} {month} {value.year}"
    if precision == DatePrecision.TIME and isinstance(value, dt.datetime):
        text += f" à {value.hour} h {value.minute:02d}"
    return text
