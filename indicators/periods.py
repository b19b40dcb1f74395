"""Reporting periods of an indicator: a year, a half-year, a quarter or a month, named by its first day.

A period is stored as its first day (``period_start``); its label is French (« 2024 », « 1er semestre
2024 », « 2e trimestre 2024 », « mars 2024 »). ``periods_between`` lists every period of a range, so
pages can show a period without an approved value as « non renseigné » instead of skipping it.
"""

from __future__ import annotations

import datetime as dt

from django.db import models

from core.dates import MONTHS


class Periodicity(models.TextChoices):
    YEARLY = "yearly", "annuelle"
    HALF_YEARLY = "half_yearly", "semestrielle"
    QUARTERLY = "quarterly", "trimestrielle"
    MONTHLY = "monthly", "mensuelle"


MONTHS_PER_PERIOD = {
    Periodicity.YEARLY: 12,
    Periodicity.HALF_YEARLY: 6,
    Periodicity.QUARTERLY: 3,
    Periodicity.MONTHLY: 1,
}
MAX_PERIODS_SHOWN = 240  # 20 years of months: no page or chart lists more


def _ordinal(number: int) -> str:
    return "1er" if number == 1 else f"{number}e"


def is_period_start(periodicity: str, day: dt.date) -> bool:
    """True when ``day`` is the first day of a period of this periodicity (1 January for a year…)."""
    step = MONTHS_PER_PERIOD[Periodicity(periodicity)]
    return day.day == 1 and (day.month - 1) % step == 0


def period_containing(periodicity: str, day: dt.date) -> dt.date:
    step = MONTHS_PER_PERIOD[Periodicity(periodicity)]
    return dt.date(day.year, (day.month - 1) // step * step + 1, 1)


def next_period(periodicity: str, start: dt.date) -> dt.date:
    step = MONTHS_PER_PERIOD[Periodicity(periodicity)]
    month = start.month - 1 + step
    return dt.date(start.year + month // 12, month % 12 + 1, 1)


def previous_period(periodicity: str, start: dt.date) -> dt.date:
    step = MONTHS_PER_PERIOD[Periodicity(periodicity)]
    month = start.month - 1 - step
    return dt.date(start.year + month // 12, month % 12 + 1, 1)


def period_label(periodicity: str, start: dt.date) -> str:
    periodicity = Periodicity(periodicity)
    if periodicity == Periodicity.YEARLY:
        return str(start.year)
    if periodicity == Periodicity.HALF_YEARLY:
        return f"{_ordinal((start.month - 1) // 6 + 1)} semestre {start.year}"
    if periodicity == Periodicity.QUARTERLY:
        return f"{_ordinal((start.month - 1) // 3 + 1)} trimestre {start.year}"
    return f"{MONTHS[start.month - 1]} {start.year}"


def period_code(periodicity: str, start: dt.date) -> str:
    """A short, stable code for files and addresses: 2024, 2024-S1, 2024-T2, 2024-03."""
    periodicity = Periodicity(periodicity)
    if periodicity == Periodicity.YEARLY:
        return str(start.year)
    if periodicity == Periodicity.HALF_YEARLY:
        return f"{start.year}-S{(start.month - 1) // 6 + 1}"
    if periodicity == Periodicity.QUARTERLY:
        return f"{start.year}-T{(start.month - 1) // 3 + 1}"
    return f"{start.year}-{start.month:02d}"


def periods_between(periodicity: str, first: dt.date, last: dt.date) -> list[dt.date]:
    """Every period from the one holding ``first`` to the one holding ``last``, oldest first (capped)."""
    current, end = period_containing(periodicity, first), period_containing(periodicity, last)
    found: list[dt.date] = []
    while current <= end and len(found) < MAX_PERIODS_SHOWN:
        found.append(current)
        current = next_period(periodicity, current)
    return found
