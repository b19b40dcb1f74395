"""CSV files of the indicators and of their values (semicolon-separated, UTF-8 with BOM, like the others)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

from indicators.models import Indicator, IndicatorValue
from indicators.periods import period_code
from indicators.selectors import MISSING, PeriodRow

Row = Sequence[object]


def _number(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


def subject_label(indicator: Indicator) -> tuple[str, str]:
    if indicator.measure is not None:
        return "mesure", str(indicator.measure.number)
    if indicator.workstream is not None:
        return "chantier", str(indicator.workstream.number)
    return "alliance", indicator.case.slug if indicator.case is not None else ""


def indicator_rows(indicators: Iterable[Indicator]) -> Iterator[Row]:
    yield [
        "identifiant", "nom", "definition", "nature", "unite", "sens", "valeur_reference", "periode_reference",
        "cible", "echeance_cible", "source", "periodicite", "premiere_periode", "derniere_periode",
        "objet", "objet_reference", "cibles_odd", "indicateur_partage", "exemple_fictif", "adresse",
    ]  # fmt: skip
    for i in indicators:
        kind, reference = subject_label(i)
        yield [
            i.slug, i.name, i.definition, i.kind, i.unit_label, i.direction, _number(i.baseline_value),
            period_code(i.periodicity, i.baseline_period) if i.baseline_period else "", _number(i.target_value),
            period_code(i.periodicity, i.target_period) if i.target_period else "", i.source, i.periodicity,
            period_code(i.periodicity, i.first_period),
            period_code(i.periodicity, i.last_period) if i.last_period else "",
            kind, reference, ",".join(t.code for t in i.sdg_targets.all()), i.shared_code,
            "oui" if i.is_demo else "non", i.get_absolute_url(),
        ]  # fmt: skip


VALUE_HEADER = ["indicateur", "periode", "libelle_periode", "statut", "valeur", "numerateur", "denominateur", "unite"]


def series_rows(pairs: Iterable[tuple[Indicator, PeriodRow]]) -> Iterator[Row]:
    """Every period of each indicator: approved figures, or « non renseigné » (never 0)."""
    yield VALUE_HEADER
    for indicator, row in pairs:
        yield [
            indicator.slug, row.code, row.label, MISSING if row.is_missing else "approuvée",
            _number(row.value), _number(row.numerator), _number(row.denominator), indicator.unit_label,
        ]  # fmt: skip


PART_HEADER = ["indicateur", "periode", "ventilation", "cle", "libelle", "valeur", "numerateur", "denominateur"]


def approved_value_rows(values: Iterable[IndicatorValue]) -> Iterator[Row]:
    """Approved values with their disaggregation: one « total » line per value, then its parts."""
    yield PART_HEADER
    for value in values:
        code = period_code(value.indicator.periodicity, value.period_start)
        yield [value.indicator.slug, code, "total", "", "Total", _number(value.value), _number(value.numerator),
               _number(value.denominator)]  # fmt: skip
        for part in value.parts.all():
            key = (
                part.actor_kind.slug
                if part.actor_kind is not None
                else part.sdg_target.code
                if part.sdg_target is not None
                else (f"{part.territory_level}:{part.territory_code}")
            )
            yield [value.indicator.slug, code, part.dimension, key, part.label, _number(part.amount),
                   _number(part.numerator), _number(part.denominator)]  # fmt: skip
