"""Dates in French typography, whatever the active locale: « 1er décembre 2021 », « 7 mai 2021 à 14 h 05 ».

Django's ``date`` filter writes « 1 décembre 2021 » (no ordinal) and falls back to English month
names wherever translation is off (management commands, PDF built outside a request); public
pages use this one helper, through the ``date_fr`` template filter (``{% load french_dates %}``).
Feeds, sitemaps, APIs and machine-readable attributes keep their standard formats (ISO 8601,
RFC 822).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

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


def day_label(day: int) -> str:
    """« 1er » for the first of the month, the plain number otherwise."""
    return "1er" if day == 1 else str(day)


def french_date(value: dt.date | dt.datetime | None, *, with_time: bool = False, with_year: bool = True) -> str:
    """« 1er décembre 2021 »; with ``with_time``, « 1er décembre 2021 à 9 h 05 » (local time)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    text = f"{day_label(value.day)} {MONTHS[value.month - 1]}"
    if with_year:
        text += f" {value.year}"
    if with_time and isinstance(value, dt.datetime):
        text += f" à {french_time(value)}"
    return text


def french_time(value: dt.datetime | dt.time) -> str:
    """« 9 h 05 », « 14 h » (French typography: h surrounded by spaces, no minutes when on the hour)."""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{value.hour} h" if value.minute == 0 else f"{value.hour} h {value.minute:02d}"
