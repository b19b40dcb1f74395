"""Reads of shared measurement, shared by the pages, the charts, the CSV files, the API and open data.

Only approved values are public. Every period of an indicator's range is listed: a period without an
approved value is « non renseigné » (``value is None``), never zero. A roll-up adds up the approved
totals of the indicators it groups; a percentage is recomputed from the sums of numerators and
denominators, never averaged, and each period says how many indicators it rests on.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Model, Prefetch, Q, QuerySet
from django.utils import timezone

from indicators import periods
from indicators.models import Dimension, Indicator, IndicatorValue, IndicatorValuePart, percentage

MISSING = "non renseigné"


def public_indicators() -> QuerySet[Indicator]:
    return (
        Indicator.objects.public()
        .select_related("measure", "workstream", "case")
        .prefetch_related("sdg_targets")
        .order_by("name", "id")
    )


def indicator_by_slug(slug: str) -> Indicator | None:
    return public_indicators().filter(slug=slug).first()


def indicators_of(subject: Model) -> list[Indicator]:
    return list(public_indicators().of_subject(subject))


def approved_values() -> QuerySet[IndicatorValue]:
    """Approved values of public indicators, with their disaggregation: the open-data rows."""
    return (
        IndicatorValue.objects.approved()
        .filter(indicator__in=Indicator.objects.public())
        .select_related("indicator")
        .prefetch_related(Prefetch("parts", IndicatorValuePart.objects.select_related("actor_kind", "sdg_target")))
        .order_by("indicator__slug", "period_start")
    )


def shown_periods(periodicity: str, first: dt.date, last: dt.date | None) -> list[dt.date]:
    today = periods.period_containing(periodicity, timezone.localdate())
    end = min(last, today) if last else today
    return periods.periods_between(periodicity, first, end) if end >= first else []


@dataclass
class PeriodRow:
    """One period of a series: its approved figures, or None for « non renseigné »."""

    start: dt.date
    label: str
    code: str
    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    reported: int = 0  # indicators with an approved value for this period
    expected: int = 1  # indicators of the series whose range holds this period
    source: IndicatorValue | None = None

    @property
    def is_missing(self) -> bool:
        return self.value is None


@dataclass
class Breakdown:
    """A disaggregation of one approved value along one dimension, beside its explicit total."""

    label: str
    parts: list[IndicatorValuePart]
    total: IndicatorValue

    @property
    def unallocated(self) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
        """What the parts leave out of the total (« non ventilé »): value, numerator, denominator."""
        if self.total.indicator.is_percentage:
            numerator = (self.total.numerator or Decimal(0)) - sum(
                (p.numerator or Decimal(0) for p in self.parts), Decimal(0)
            )
            denominator = (self.total.denominator or Decimal(0)) - sum(
                (p.denominator or Decimal(0) for p in self.parts), Decimal(0)
            )
            return percentage(numerator, denominator), numerator, denominator
        return (
            (self.total.value or Decimal(0)) - sum((p.amount or Decimal(0) for p in self.parts), Decimal(0)),
            None,
            None,
        )


@dataclass
class Series:
    indicator: Indicator
    rows: list[PeriodRow]
    breakdowns: list[Breakdown] = field(default_factory=list)  # of the latest approved value

    @property
    def latest(self) -> PeriodRow | None:
        return next((row for row in reversed(self.rows) if not row.is_missing), None)

    @property
    def reported_count(self) -> int:
        return sum(1 for row in self.rows if not row.is_missing)


def series(indicator: Indicator) -> Series:
    approved = {
        v.period_start: v
        for v in IndicatorValue.objects.approved()
        .filter(indicator=indicator)
        .prefetch_related(Prefetch("parts", IndicatorValuePart.objects.select_related("actor_kind", "sdg_target")))
    }
    rows = []
    for start in shown_periods(indicator.periodicity, indicator.first_period, indicator.last_period):
        row = PeriodRow(
            start=start,
            label=periods.period_label(indicator.periodicity, start),
            code=periods.period_code(indicator.periodicity, start),
        )
        found = approved.get(start)
        if found is not None:
            row.value, row.numerator, row.denominator = found.value, found.numerator, found.denominator
            row.reported, row.source = 1, found
        rows.append(row)
    result = Series(indicator=indicator, rows=rows)
    latest = result.latest.source if result.latest else None
    if latest is not None:
        grouped: dict[str, list[IndicatorValuePart]] = {}
        for part in latest.parts.all():
            grouped.setdefault(part.dimension, []).append(part)
        result.breakdowns = [
            Breakdown(label=Dimension(dimension).label, parts=parts, total=latest)
            for dimension, parts in grouped.items()
        ]
    return result


@dataclass
class RollUp:
    """Indicators that add up (one shared code, or one indicator alone), period by period."""

    key: str
    label: str
    unit: str
    is_percentage: bool
    indicators: list[Indicator]
    rows: list[PeriodRow]


def _group_key(indicator: Indicator) -> str:
    return f"code:{indicator.shared_code}" if indicator.shared_code else f"indicateur:{indicator.pk}"


def roll_up(indicators: Iterable[Indicator]) -> list[RollUp]:
    """Sum the approved values of ``indicators`` by group and period (percentages from summed ratios)."""
    groups: dict[str, list[Indicator]] = defaultdict(list)
    for indicator in indicators:
        groups[_group_key(indicator)].append(indicator)
    if not groups:
        return []
    all_ids = [i.pk for members in groups.values() for i in members]
    by_indicator: dict[int, dict[dt.date, IndicatorValue]] = defaultdict(dict)
    for value in IndicatorValue.objects.approved().filter(indicator_id__in=all_ids):
        by_indicator[value.indicator_id][value.period_start] = value
    result = []
    for key, members in groups.items():
        first = members[0]
        starts = sorted({s for i in members for s in shown_periods(i.periodicity, i.first_period, i.last_period)})
        rows = [_rolled_row(first.periodicity, start, members, by_indicator, first.is_percentage) for start in starts]
        label = first.name if len(members) == 1 else f"{first.name} (indicateur partagé « {first.shared_code} »)"
        result.append(
            RollUp(
                key=key,
                label=label,
                unit=first.unit_label,
                is_percentage=first.is_percentage,
                indicators=members,
                rows=rows,
            )
        )
    return sorted(result, key=lambda group: group.label)


def _rolled_row(
    periodicity: str,
    start: dt.date,
    members: list[Indicator],
    by_indicator: dict[int, dict[dt.date, IndicatorValue]],
    is_percentage: bool,
) -> PeriodRow:
    row = PeriodRow(
        start=start,
        label=periods.period_label(periodicity, start),
        code=periods.period_code(periodicity, start),
        expected=0,
    )
    found = []
    for indicator in members:
        last = indicator.last_period
        if start < indicator.first_period or (last is not None and start > last):
            continue
        row.expected += 1
        value = by_indicator[indicator.pk].get(start)
        if value is not None:
            found.append(value)
    row.reported = len(found)
    if not found:
        return row
    if is_percentage:
        row.numerator = sum((v.numerator for v in found if v.numerator is not None), Decimal(0))
        row.denominator = sum((v.denominator for v in found if v.denominator is not None), Decimal(0))
        row.value = percentage(row.numerator, row.denominator)
    else:
        row.value = sum((v.value for v in found if v.value is not None), Decimal(0))
    return row


def sdg_target_roll_ups(target_id: int) -> list[RollUp]:
    """Opted-in indicators that name this SDG target, rolled up (demo indicators left out)."""
    return roll_up(Indicator.objects.rolled_up().filter(sdg_targets=target_id).distinct().order_by("id"))


def territory_roll_ups(level: str, code: str) -> list[RollUp]:
    """Opted-in indicators of the alliances placed in this territory (or in one of its parts)."""
    condition = {
        "region": Q(case__region_code=code),
        "departement": Q(case__departement_code=code),
        "epci": Q(case__epci_code=code),
        "commune": Q(case__territory_level="commune", case__territory_code=code),
    }.get(level)
    if condition is None:
        return []
    return roll_up(Indicator.objects.rolled_up().filter(condition).order_by("id"))


def number_label(number: Decimal | None, *, unit: str = "") -> str:
    """« 1 234,5 personnes », « 75 % »; « non renseigné » for a missing figure (never 0)."""
    if number is None:
        return MISSING
    text = f"{number.normalize():,f}".replace(",", "\u202f").replace(".", ",")
    if "," in text:
        whole, decimals = text.split(",")
        text = f"{whole},{decimals[:2].rstrip('0')}".rstrip(",")
    return f"{text} {unit}".strip() if unit else text


def value_rows(indicators: Iterable[Indicator]) -> Iterator[tuple[Indicator, PeriodRow]]:
    """Each indicator's every period, approved figures or missing: the CSV of the indicators' values."""
    for indicator in indicators:
        for row in series(indicator).rows:
            yield indicator, row
