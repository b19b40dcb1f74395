"""Writes of shared measurement. Each service checks the actor's rights itself, runs in one transaction,
raises a French ``ValidationError`` (or ``PermissionDenied``) and then writes nothing.

Other apps call these: the roadmap's bilans attach a value with ``value_save(..., submit=True)``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from core.uploads import document_problem
from indicators import periods
from indicators.inputs import NotANumber, parse_number
from indicators.models import (
    Action,
    Dimension,
    Indicator,
    IndicatorValue,
    IndicatorValueEvent,
    IndicatorValuePart,
    Status,
    percentage,
)
from indicators.permissions import can_approve, can_enter, refusal_to_enter
from indicators.territory import UnknownTerritory, territory_name
from reference.models import ActorKind, SdgTarget

EVIDENCE_EXTENSIONS = ("pdf", "csv", "odt", "ods", "docx", "xlsx", "txt")
OUTLIER_FACTOR = Decimal(10)


@dataclass(frozen=True)
class PartInput:
    """One line of disaggregation: a key (actor kind, territory or SDG target) and its figures."""

    dimension: str
    actor_kind: ActorKind | None = None
    sdg_target: SdgTarget | None = None
    territory_level: str = ""
    territory_code: str = ""
    amount: object = None
    numerator: object = None
    denominator: object = None


@dataclass
class _Errors:
    by_field: dict[str, list[str]] = field(default_factory=dict)

    def add(self, name: str, message: str) -> None:
        self.by_field.setdefault(name, []).append(message)

    def raise_if_any(self) -> None:
        if self.by_field:
            raise ValidationError(self.by_field)


def _number(errors: _Errors, name: str, label: str, raw: object) -> Decimal | None:
    try:
        return parse_number(raw)
    except NotANumber as error:
        errors.add(name, f"{label} {error}.")
        return None


def _check_ratio(
    errors: _Errors, name: str, label: str, numerator: Decimal | None, denominator: Decimal | None
) -> None:
    if denominator is None:
        errors.add(name, f"{label} : indiquez le dénominateur (un pourcentage se calcule sur une base).")
    elif denominator <= 0:
        errors.add(name, f"{label} : le dénominateur doit être supérieur à zéro.")
    if numerator is None:
        errors.add(name, f"{label} : indiquez le numérateur.")
    elif numerator < 0:
        errors.add(name, f"{label} : le numérateur ne peut pas être négatif.")
    if numerator is not None and denominator is not None and numerator > denominator:
        errors.add(name, f"{label} : le numérateur ne peut pas dépasser le dénominateur.")


def _period(errors: _Errors, indicator: Indicator, period_start: dt.date | None) -> dt.date | None:
    if period_start is None:
        errors.add("period", "Choisissez la période de la valeur.")
        return None
    period = periods.period_containing(indicator.periodicity, period_start)
    label = indicator.period_label(period)
    first, last = indicator.first_period, indicator.last_period
    if period < first or (last is not None and period > last):
        until = f"à {indicator.period_label(last)}" if last else "à aujourd'hui"
        errors.add(
            "period",
            f"La période « {label} » est hors de la période de suivi de l'indicateur "
            f"(de {indicator.period_label(first)} {until}).",
        )
    elif period > timezone.localdate():
        errors.add("period", f"La période « {label} » n'a pas encore commencé : aucune valeur ne peut y être saisie.")
    return period


def _evidence(errors: _Errors, evidence_file: UploadedFile | None) -> None:
    if evidence_file is None:
        return
    extension = PurePath(evidence_file.name or "").suffix.lower().lstrip(".")
    if extension not in EVIDENCE_EXTENSIONS:
        errors.add(
            "evidence_file",
            f"Le justificatif doit être un fichier {', '.join(e.upper() for e in EVIDENCE_EXTENSIONS)}.",
        )
        return
    problem = document_problem(evidence_file)
    if problem:
        errors.add("evidence_file", problem)


def _build_parts(
    errors: _Errors, indicator: Indicator, parts: Sequence[PartInput], total: tuple[Decimal | None, ...]
) -> list[IndicatorValuePart]:
    built: list[IndicatorValuePart] = []
    seen: set[tuple[str, str]] = set()
    sums: dict[str, list[Decimal]] = {}
    for number, part in enumerate(parts, start=1):
        label = f"Ventilation, ligne {number}"
        row = IndicatorValuePart(dimension=part.dimension)
        if part.dimension == Dimension.ACTOR_KIND and part.actor_kind is not None:
            row.actor_kind, key = part.actor_kind, part.actor_kind.slug
        elif part.dimension == Dimension.SDG_TARGET and part.sdg_target is not None:
            row.sdg_target, key = part.sdg_target, part.sdg_target.code
        elif part.dimension == Dimension.TERRITORY and part.territory_code.strip():
            row.territory_level, row.territory_code = part.territory_level, part.territory_code.strip().upper()
            key = f"{row.territory_level}:{row.territory_code}"
            try:
                row.territory_name = territory_name(row.territory_level, row.territory_code)
            except UnknownTerritory as error:
                errors.add("parts", f"{label} : {error}")
        else:
            errors.add("parts", f"{label} : choisissez ce que la ligne ventile (type d'acteur, territoire ou cible).")
            continue
        if (part.dimension, key) in seen:
            errors.add("parts", f"{label} : « {row.label} » figure deux fois dans la ventilation.")
        seen.add((part.dimension, key))
        if indicator.is_percentage:
            row.numerator = _number(errors, "parts", f"{label}, le numérateur", part.numerator)
            row.denominator = _number(errors, "parts", f"{label}, le dénominateur", part.denominator)
            _check_ratio(errors, "parts", label, row.numerator, row.denominator)
            row.amount = percentage(row.numerator, row.denominator)
            figures = [row.numerator or Decimal(0), row.denominator or Decimal(0)]
        else:
            row.amount = _number(errors, "parts", f"{label}, la valeur", part.amount)
            if row.amount is None:
                errors.add("parts", f"{label} : indiquez la valeur.")
            figures = [row.amount or Decimal(0)]
        current = sums.setdefault(part.dimension, [Decimal(0)] * len(figures))
        sums[part.dimension] = [a + b for a, b in zip(current, figures, strict=True)]
        built.append(row)
    for dimension, summed in sums.items():
        if all(t is not None and t >= 0 for t in total) and any(
            s > t for s, t in zip(summed, total, strict=True) if t is not None
        ):
            errors.add(
                "parts",
                f"La ventilation par {Dimension(dimension).label} dépasse le total de la valeur : "
                "le total reste celui saisi, les lignes ne peuvent en couvrir qu'une partie.",
            )
    return built


def _figures_text(value: IndicatorValue) -> str:
    if value.indicator.is_percentage:
        return f"{value.numerator} / {value.denominator} ({value.value} %)"
    return f"{value.value} {value.indicator.unit}".strip()


def _outlier_note(indicator: Indicator, period: dt.date, number: Decimal | None) -> str:
    """A warning for the validator when the value is ten times (or a tenth of) the previous period's."""
    previous = (
        IndicatorValue.objects.filter(indicator=indicator, period_start__lt=period, value__isnull=False)
        .order_by("-period_start")
        .first()
    )
    if previous is None or number is None or previous.value == 0:
        return ""
    ratio = abs(number) / abs(previous.value)
    if ratio >= OUTLIER_FACTOR or (number != 0 and ratio <= 1 / OUTLIER_FACTOR):
        return (
            f"Valeur atypique : {number.normalize():f} contre {previous.value.normalize():f} pour "
            f"{previous.period_label} (rapport de 1 à 10 ou plus). Vérifiez-la avant d'approuver."
        )
    return ""


def _log(value: IndicatorValue, action: str, actor: Any, comment: str = "") -> None:
    IndicatorValueEvent.objects.create(
        value=value, action=action, actor=actor, figures=_figures_text(value)[:200], comment=comment
    )


@transaction.atomic
def value_save(
    *,
    indicator: Indicator,
    period_start: dt.date | None,
    user: Any,
    value: object = None,
    numerator: object = None,
    denominator: object = None,
    comment: str = "",
    evidence_url: str = "",
    evidence_file: UploadedFile | None = None,
    parts: Sequence[PartInput] = (),
    submit: bool = False,
) -> IndicatorValue:
    """Enter (or correct) the value of ``indicator`` for the period holding ``period_start``.

    Kept as a draft, or sent to validation with ``submit``. A returned value is corrected here too. Refused
    with nothing written: someone who may not enter it (``PermissionDenied``); a non-numeric value; a
    percentage without denominator, or whose numerator exceeds it; a period outside the indicator's range
    or not yet begun; a period whose value is approved (locked) or under review; a disaggregation that
    exceeds the total. A value ten times the previous period's is kept, with a warning for the validator.
    """
    if not can_enter(user, indicator):
        raise PermissionDenied(refusal_to_enter(indicator))
    errors = _Errors()
    period = _period(errors, indicator, period_start)
    existing = None
    if period is not None:
        existing = IndicatorValue.objects.select_for_update().filter(indicator=indicator, period_start=period).first()
        label = indicator.period_label(period)
        if existing is not None and existing.status == Status.APPROVED:
            errors.add("period", f"La période « {label} » est publiée et verrouillée : sa valeur ne peut plus changer.")
        elif existing is not None and existing.status == Status.SUBMITTED:
            errors.add("period", f"La valeur de « {label} » attend sa validation : elle ne peut pas changer d'ici là.")
    row = existing or IndicatorValue(indicator=indicator, period_start=period or indicator.first_period, author=user)
    if indicator.is_percentage:
        row.numerator = _number(errors, "numerator", "Le numérateur", numerator)
        row.denominator = _number(errors, "denominator", "Le dénominateur", denominator)
        if "numerator" not in errors.by_field and "denominator" not in errors.by_field:
            _check_ratio(errors, "denominator", "Pourcentage", row.numerator, row.denominator)
        row.value = percentage(row.numerator, row.denominator)
        total: tuple[Decimal | None, ...] = (row.numerator, row.denominator)
    else:
        row.value = _number(errors, "value", "La valeur", value)
        if row.value is None and "value" not in errors.by_field:
            errors.add("value", "Indiquez la valeur.")
        row.numerator = row.denominator = None
        total = (row.value,)
    _evidence(errors, evidence_file)
    built_parts = _build_parts(errors, indicator, parts, total)
    row.comment = comment.strip()
    row.evidence_url = evidence_url.strip()
    if evidence_file is not None:
        row.evidence_file = evidence_file
    try:
        row.full_clean(exclude=["indicator", "period_start", "evidence_file"], validate_unique=False)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            for message in messages:
                errors.add(name, message)
    errors.raise_if_any()
    assert period is not None
    row.status = Status.SUBMITTED if submit else Status.DRAFT
    row.outlier_note = _outlier_note(indicator, period, row.value)
    row.updated_at = timezone.now()
    row.save()
    row.parts.all().delete()
    for part in built_parts:
        part.value = row
    IndicatorValuePart.objects.bulk_create(built_parts)
    _log(row, Action.SUBMITTED if submit else Action.SAVED, user)
    return row


@transaction.atomic
def value_submit(*, value: IndicatorValue, user: Any) -> IndicatorValue:
    """Send a draft (or a corrected returned value) to validation."""
    if not can_enter(user, value.indicator):
        raise PermissionDenied(refusal_to_enter(value.indicator))
    value = IndicatorValue.objects.select_for_update().get(pk=value.pk)
    if not value.is_editable:
        raise ValidationError(f"Cette valeur est déjà {value.get_status_display()} : elle ne peut pas être soumise.")
    value.status = Status.SUBMITTED
    value.updated_at = timezone.now()
    value.save(update_fields=["status", "updated_at"])
    _log(value, Action.SUBMITTED, user)
    return value


def _reviewed(value: IndicatorValue, reviewer: Any) -> IndicatorValue:
    if not can_approve(reviewer):
        raise PermissionDenied("Seules l'équipe de la mission et la modération valident les valeurs d'indicateurs.")
    value = IndicatorValue.objects.select_for_update().select_related("indicator").get(pk=value.pk)
    if value.status != Status.SUBMITTED:
        raise ValidationError(f"Cette valeur est {value.get_status_display()} : elle n'attend pas de validation.")
    return value


@transaction.atomic
def value_approve(*, value: IndicatorValue, reviewer: Any) -> IndicatorValue:
    """Approve a submitted value: it is published, counted in the roll-ups, and its period is locked."""
    value = _reviewed(value, reviewer)
    value.status = Status.APPROVED
    value.review_comment = ""
    value.approved_at = value.updated_at = timezone.now()
    value.save(update_fields=["status", "review_comment", "approved_at", "updated_at"])
    _log(value, Action.APPROVED, reviewer)
    return value


@transaction.atomic
def value_return(*, value: IndicatorValue, reviewer: Any, comment: str) -> IndicatorValue:
    """Return a submitted value to whoever entered it, with what to correct (required)."""
    if not comment.strip():
        raise ValidationError({"reason": "Dites ce qui est à corriger : le commentaire est obligatoire."})
    value = _reviewed(value, reviewer)
    value.status = Status.RETURNED
    value.review_comment = comment.strip()
    value.updated_at = timezone.now()
    value.save(update_fields=["status", "review_comment", "updated_at"])
    _log(value, Action.RETURNED, reviewer, comment.strip())
    return value


@transaction.atomic
def value_reopen(*, value: IndicatorValue, reviewer: Any, comment: str) -> IndicatorValue:
    """Unlock an approved period (an error found after publication): the value leaves the public pages and
    goes back to its authors as returned, with the reason, which the history keeps."""
    if not can_approve(reviewer):
        raise PermissionDenied("Seules l'équipe de la mission et la modération rouvrent une période publiée.")
    if not comment.strip():
        raise ValidationError({"reason": "Dites pourquoi la période est rouverte : le commentaire est obligatoire."})
    value = IndicatorValue.objects.select_for_update().get(pk=value.pk)
    if value.status != Status.APPROVED:
        raise ValidationError("Seule une période publiée peut être rouverte.")
    value.status = Status.RETURNED
    value.review_comment = comment.strip()
    value.approved_at = None
    value.updated_at = timezone.now()
    value.save(update_fields=["status", "review_comment", "approved_at", "updated_at"])
    _log(value, Action.REOPENED, reviewer, comment.strip())
    return value


submit_value = value_save  # the name other apps were told to expect; pass submit=True to send it on


@transaction.atomic
def indicator_create(*, sdg_targets: Sequence[SdgTarget] = (), **fields: Any) -> Indicator:
    """Create an indicator attached to one measure, chantier or alliance (fields of ``Indicator``)."""
    indicator = Indicator(**fields)
    indicator.full_clean()
    indicator.save()
    indicator.sdg_targets.set(sdg_targets)
    return indicator
