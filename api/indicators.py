"""Read-only API of the indicators and their approved values, thin over indicators.selectors.

Only approved values are public; a period without one is listed with ``value: null`` and
``reported: false`` (« non renseigné »), never 0."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from indicators import selectors
from indicators.exports import subject_label
from indicators.models import Indicator, IndicatorValue, IndicatorValuePart
from indicators.periods import period_code

router = Router(tags=["Indicateurs"])


class SubjectOut(Schema):
    type: str = Field(description="« mesure », « chantier » ou « alliance ».")
    reference: str = Field(description="Numéro de la mesure ou du chantier, identifiant de l'alliance.")
    url: str


class IndicatorOut(Schema):
    slug: str
    name: str
    definition: str
    kind: str = Field(description="« number » (avec unité) ou « percentage » (numérateur / dénominateur).")
    unit: str
    direction: str = Field(description="« higher » : plus c'est haut, mieux c'est ; « lower » : l'inverse.")
    baseline_value: Decimal | None
    baseline_period: str | None
    target_value: Decimal | None
    target_period: str | None
    source: str
    periodicity: str
    first_period: str
    last_period: str | None
    subject: SubjectOut
    sdg_targets: list[str]
    rolls_up: bool
    shared_code: str
    is_demo: bool
    url: str

    @staticmethod
    def resolve_unit(obj: Indicator) -> str:
        return obj.unit_label

    @staticmethod
    def resolve_baseline_period(obj: Indicator) -> str | None:
        return period_code(obj.periodicity, obj.baseline_period) if obj.baseline_period else None

    @staticmethod
    def resolve_target_period(obj: Indicator) -> str | None:
        return period_code(obj.periodicity, obj.target_period) if obj.target_period else None

    @staticmethod
    def resolve_first_period(obj: Indicator) -> str:
        return period_code(obj.periodicity, obj.first_period)

    @staticmethod
    def resolve_last_period(obj: Indicator) -> str | None:
        return period_code(obj.periodicity, obj.last_period) if obj.last_period else None

    @staticmethod
    def resolve_subject(obj: Indicator) -> dict[str, str]:
        kind, reference = subject_label(obj)
        subject = obj.subject
        return {"type": kind, "reference": reference, "url": subject.get_absolute_url() if subject else ""}

    @staticmethod
    def resolve_sdg_targets(obj: Indicator) -> list[str]:
        return [t.code for t in obj.sdg_targets.all()]

    @staticmethod
    def resolve_url(obj: Indicator) -> str:
        return obj.get_absolute_url()


class PartOut(Schema):
    dimension: str = Field(description="« actor_kind », « territory » ou « sdg_target ».")
    key: str
    label: str
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None

    @staticmethod
    def resolve_key(obj: IndicatorValuePart) -> str:
        if obj.actor_kind is not None:
            return obj.actor_kind.slug
        if obj.sdg_target is not None:
            return obj.sdg_target.code
        return f"{obj.territory_level}:{obj.territory_code}"

    @staticmethod
    def resolve_value(obj: IndicatorValuePart) -> Decimal | None:
        return obj.amount


class ValueOut(Schema):
    indicator: str
    period: str
    period_label: str
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    parts: list[PartOut] = Field(description="Ventilation ; le total (value) reste celui saisi et approuvé.")

    @staticmethod
    def resolve_indicator(obj: IndicatorValue) -> str:
        return obj.indicator.slug

    @staticmethod
    def resolve_period(obj: IndicatorValue) -> str:
        return period_code(obj.indicator.periodicity, obj.period_start)

    @staticmethod
    def resolve_parts(obj: IndicatorValue) -> list[IndicatorValuePart]:
        return list(obj.parts.all())


class PeriodOut(Schema):
    period: str
    period_label: str
    reported: bool = Field(description="Faux pour une période sans valeur approuvée (« non renseigné »).")
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None


class PeriodsOut(Schema):
    count: int
    items: list[PeriodOut]


@router.get("", response=list[IndicatorOut], summary="Indicateurs publiés (mesures, chantiers, alliances)")
@paginate(LimitOffsetPagination)
def list_indicators(request: HttpRequest) -> QuerySet[Indicator]:
    return selectors.public_indicators()


@router.get("/values", response=list[ValueOut], summary="Valeurs approuvées de tous les indicateurs, ventilées")
@paginate(LimitOffsetPagination)
def list_values(request: HttpRequest) -> QuerySet[IndicatorValue]:
    return selectors.approved_values()


def _indicator(slug: str) -> Indicator:
    indicator = selectors.indicator_by_slug(slug)
    if indicator is None:
        raise Http404("Indicateur introuvable.")
    return indicator


@router.get("/{slug}", response=IndicatorOut, summary="Un indicateur")
def get_indicator(request: HttpRequest, slug: str) -> Indicator:
    return _indicator(slug)


@router.get(
    "/{slug}/values",
    response=PeriodsOut,
    summary="Chaque période d'un indicateur : valeur approuvée, ou non renseignée",
)
def indicator_values(request: HttpRequest, slug: str) -> dict[str, object]:
    rows = selectors.series(_indicator(slug)).rows
    items = [
        {
            "period": row.code,
            "period_label": row.label,
            "reported": not row.is_missing,
            "value": row.value,
            "numerator": row.numerator,
            "denominator": row.denominator,
        }
        for row in rows
    ]
    return {"count": len(items), "items": items}
