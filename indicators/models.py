"""Shared measurement: indicators of a measure, a chantier or an alliance (case), and their values.

An indicator (name, definition, unit or percentage, direction, baseline, target, source, periodicity)
belongs to exactly one subject: one nullable key per kind of subject and a check constraint that exactly
one is set. Its values are entered per period (``periods``) and go draft → submitted → returned |
approved; each step is kept in ``IndicatorValueEvent``. Only approved values are public and rolled up;
an approved value locks its period. Vocabulary: docs/GLOSSARY.md; decisions: docs/adr/0033.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from indicators import periods
from indicators.periods import Periodicity

if TYPE_CHECKING:
    from cases.models import Case
    from roadmap.models import Measure, Workstream

DIGITS = {"max_digits": 20, "decimal_places": 4}


class Kind(models.TextChoices):
    NUMBER = "number", "nombre (avec unité)"
    PERCENTAGE = "percentage", "pourcentage (numérateur / dénominateur)"


class Direction(models.TextChoices):
    HIGHER = "higher", "plus c'est haut, mieux c'est"
    LOWER = "lower", "plus c'est bas, mieux c'est"


class IndicatorQuerySet(models.QuerySet["Indicator"]):
    def public(self) -> IndicatorQuerySet:
        """Indicators whose subject is public: a published measure, a chantier, a published case."""
        return self.filter(
            Q(measure__live=True) | Q(workstream__isnull=False) | Q(case__live=True),
        )

    def of_subject(self, subject: models.Model) -> IndicatorQuerySet:
        return self.filter(**{subject_field(subject): subject})

    def rolled_up(self) -> IndicatorQuerySet:
        """Opted in to the roll-ups of SDG targets and territories; demo indicators stay out."""
        return self.public().filter(rolls_up=True, is_demo=False)


class Indicator(models.Model):
    slug = models.SlugField("identifiant", max_length=120, unique=True)
    name = models.CharField("nom", max_length=200)
    definition = models.TextField("définition", help_text="Ce qui est compté, et comment.")
    kind = models.CharField("nature", max_length=12, choices=Kind.choices, default=Kind.NUMBER)
    unit = models.CharField(
        "unité", max_length=40, blank=True, help_text="Par exemple « personnes », « tonnes », « € ». Vide pour un %."
    )
    direction = models.CharField("sens", max_length=8, choices=Direction.choices, default=Direction.HIGHER)
    baseline_value = models.DecimalField("valeur de référence", null=True, blank=True, **DIGITS)
    baseline_period = models.DateField("période de la valeur de référence", null=True, blank=True)
    target_value = models.DecimalField("cible", null=True, blank=True, **DIGITS)
    target_period = models.DateField("échéance de la cible", null=True, blank=True)
    source = models.CharField("source des données", max_length=300)
    periodicity = models.CharField("périodicité", max_length=12, choices=Periodicity.choices)
    first_period = models.DateField("première période", help_text="Premier jour de la première période suivie.")
    last_period = models.DateField("dernière période", null=True, blank=True, help_text="Vide si le suivi continue.")
    measure = models.ForeignKey(
        "roadmap.Measure",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name="mesure",
    )
    workstream = models.ForeignKey(
        "roadmap.Workstream",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name="chantier",
    )
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name="alliance (exemple inspirant)",
    )
    sdg_targets = models.ManyToManyField(
        "reference.SdgTarget", blank=True, related_name="indicators", verbose_name="cibles d'ODD"
    )
    rolls_up = models.BooleanField(
        "agréger aux cibles d'ODD et aux territoires",
        default=False,
        help_text="Les valeurs approuvées rejoignent les résultats des pages des cibles d'ODD et des territoires.",
    )
    shared_code = models.SlugField(
        "indicateur partagé (code)",
        max_length=80,
        blank=True,
        help_text="Les indicateurs de même code (même nature, unité et périodicité) s'additionnent dans les agrégats.",
    )
    is_demo = models.BooleanField("exemple fictif", default=False)
    created_at = models.DateTimeField("créé le", default=timezone.now, editable=False)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = "indicateur"
        verbose_name_plural = "indicateurs"
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(measure__isnull=False, workstream__isnull=True, case__isnull=True)
                    | Q(measure__isnull=True, workstream__isnull=False, case__isnull=True)
                    | Q(measure__isnull=True, workstream__isnull=True, case__isnull=False)
                ),
                name="indicator_has_exactly_one_subject",
            ),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="indicator_kind_valid"),
            models.CheckConstraint(
                condition=Q(last_period__isnull=True) | Q(last_period__gte=models.F("first_period")),
                name="indicator_periods_in_order",
            ),
        ]
        indexes = [models.Index(fields=["shared_code"], name="indicator_shared_code")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("indicators:detail", kwargs={"slug": self.slug})

    @property
    def subject(self) -> Measure | Workstream | Case | None:
        return self.measure or self.workstream or self.case

    @property
    def is_percentage(self) -> bool:
        return self.kind == Kind.PERCENTAGE

    @property
    def unit_label(self) -> str:
        return "%" if self.is_percentage else self.unit

    def period_label(self, start: object) -> str:
        return periods.period_label(self.periodicity, start) if start else ""  # type: ignore[arg-type]

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if sum(x is not None for x in (self.measure_id, self.workstream_id, self.case_id)) != 1:
            errors["measure"] = "Rattachez l'indicateur à une mesure, un chantier ou une alliance (un seul des trois)."
        if self.kind == Kind.NUMBER and not self.unit.strip():
            errors["unit"] = "Indiquez l'unité de l'indicateur (par exemple « personnes »)."
        if self.kind == Kind.PERCENTAGE:
            self.unit = ""
        if self.periodicity in Periodicity.values:
            for field in ("first_period", "last_period", "baseline_period", "target_period"):
                day = getattr(self, field)
                if day is not None:
                    setattr(self, field, periods.period_containing(self.periodicity, day))
        if self.first_period and self.last_period and self.last_period < self.first_period:
            errors["last_period"] = "La dernière période ne peut pas précéder la première."
        if self.case_id is not None and self.case.is_demo:
            self.is_demo = True
        if self.shared_code:
            other = Indicator.objects.filter(shared_code=self.shared_code).exclude(pk=self.pk).first()
            if other and (other.kind, other.unit, other.periodicity) != (self.kind, self.unit, self.periodicity):
                errors["shared_code"] = (
                    f"Le code « {self.shared_code} » désigne déjà un indicateur de nature, d'unité ou de périodicité "
                    "différente : ils ne peuvent pas s'additionner."
                )
        if errors:
            raise ValidationError(errors)


def subject_field(subject: models.Model) -> str:
    """The name of the indicator's key that designates this subject: measure, workstream or case."""
    name = subject._meta.model_name
    if name not in ("measure", "workstream", "case"):
        raise ValueError(f"Un indicateur ne se rattache pas à « {subject._meta.verbose_name} ».")
    return name


class Status(models.TextChoices):
    DRAFT = "draft", "brouillon"
    SUBMITTED = "submitted", "soumise à validation"
    RETURNED = "returned", "renvoyée pour correction"
    APPROVED = "approved", "approuvée et publiée"


class IndicatorValueQuerySet(models.QuerySet["IndicatorValue"]):
    def approved(self) -> IndicatorValueQuerySet:
        return self.filter(status=Status.APPROVED)

    def awaiting_review(self) -> IndicatorValueQuerySet:
        return self.filter(status=Status.SUBMITTED)


def _evidence_path(instance: IndicatorValue, filename: str) -> str:
    return f"indicateurs/justificatifs/{instance.indicator_id}/{filename}"


class IndicatorValue(models.Model):
    """The value of one indicator for one period, as entered, then reviewed."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period_start = models.DateField("période")
    status = models.CharField("statut", max_length=10, choices=Status.choices, default=Status.DRAFT)
    value = models.DecimalField("valeur", null=True, blank=True, **DIGITS)
    numerator = models.DecimalField("numérateur", null=True, blank=True, **DIGITS)
    denominator = models.DecimalField("dénominateur", null=True, blank=True, **DIGITS)
    comment = models.TextField("commentaire", blank=True)
    evidence_url = models.URLField("lien vers le justificatif", max_length=500, blank=True)
    evidence_file = models.FileField("fichier justificatif", upload_to=_evidence_path, max_length=300, blank=True)
    outlier_note = models.CharField("avertissement pour la validation", max_length=300, blank=True)
    review_comment = models.TextField("commentaire de la validation", blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="saisie par",
    )
    created_at = models.DateTimeField("créée le", default=timezone.now, editable=False)
    updated_at = models.DateTimeField("modifiée le", default=timezone.now)
    approved_at = models.DateTimeField("approuvée le", null=True, blank=True)

    objects = IndicatorValueQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "period_start"]
        verbose_name = "valeur d'indicateur"
        verbose_name_plural = "valeurs d'indicateurs"
        permissions = [("approve_indicatorvalue", "Peut approuver ou renvoyer les valeurs d'indicateurs")]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period_start"], name="indicator_value_one_per_period"),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="indicator_value_status_valid"),
        ]
        indexes = [models.Index(fields=["status", "updated_at"], name="indicator_value_status")]

    def __str__(self) -> str:
        return f"{self.indicator} — {self.period_label}"

    @property
    def period_label(self) -> str:
        return self.indicator.period_label(self.period_start)

    @property
    def is_locked(self) -> bool:
        return self.status == Status.APPROVED

    @property
    def is_editable(self) -> bool:
        return self.status in (Status.DRAFT, Status.RETURNED)


class Dimension(models.TextChoices):
    ACTOR_KIND = "actor_kind", "type d'acteur"
    TERRITORY = "territory", "territoire"
    SDG_TARGET = "sdg_target", "cible d'ODD"


class IndicatorValuePart(models.Model):
    """One line of a value's disaggregation (by actor kind, territory or SDG target).

    The value's own total is kept as entered: parts may cover it only in part (« non ventilé »), never
    more than it."""

    value = models.ForeignKey(IndicatorValue, on_delete=models.CASCADE, related_name="parts")
    dimension = models.CharField("ventilation", max_length=12, choices=Dimension.choices)
    actor_kind = models.ForeignKey(
        "reference.ActorKind",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="type d'acteur",
    )
    sdg_target = models.ForeignKey(
        "reference.SdgTarget",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="cible d'ODD",
    )
    territory_level = models.CharField("échelle du territoire", max_length=12, blank=True)
    territory_code = models.CharField("code du territoire", max_length=12, blank=True)
    territory_name = models.CharField("territoire", max_length=200, blank=True)
    amount = models.DecimalField("valeur", null=True, blank=True, **DIGITS)
    numerator = models.DecimalField("numérateur", null=True, blank=True, **DIGITS)
    denominator = models.DecimalField("dénominateur", null=True, blank=True, **DIGITS)

    class Meta:
        ordering = ["value", "dimension", "id"]
        verbose_name = "ventilation d'une valeur"
        verbose_name_plural = "ventilations des valeurs"
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(dimension="actor_kind", actor_kind__isnull=False, sdg_target__isnull=True, territory_code="")
                    | Q(dimension="sdg_target", actor_kind__isnull=True, sdg_target__isnull=False, territory_code="")
                    | (
                        Q(dimension="territory", actor_kind__isnull=True, sdg_target__isnull=True)
                        & ~Q(territory_code="")
                    )
                ),
                name="indicator_value_part_one_key",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.value} — {self.label}"

    @property
    def label(self) -> str:
        if self.actor_kind_id:
            return self.actor_kind.name
        if self.sdg_target_id:
            return f"Cible {self.sdg_target.code}"
        return self.territory_name or self.territory_code


class Action(models.TextChoices):
    SAVED = "saved", "enregistrée en brouillon"
    SUBMITTED = "submitted", "soumise à validation"
    RETURNED = "returned", "renvoyée pour correction"
    APPROVED = "approved", "approuvée et publiée"
    REOPENED = "reopened", "période rouverte"


class IndicatorValueEvent(models.Model):
    """One step of a value's history: who did what, when, with which figures and comment."""

    value = models.ForeignKey(IndicatorValue, on_delete=models.CASCADE, related_name="events")
    action = models.CharField("action", max_length=10, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="par",
    )
    figures = models.CharField("chiffres à ce moment", max_length=200, blank=True)
    comment = models.TextField("commentaire", blank=True)
    at = models.DateTimeField("le", default=timezone.now)

    class Meta:
        ordering = ["value", "at", "id"]
        verbose_name = "étape de l'historique d'une valeur"
        verbose_name_plural = "historique des valeurs"

    def __str__(self) -> str:
        return f"{self.value} — {self.get_action_display()}"


def percentage(numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    """100 × numerator / denominator, to 4 decimal places; None without a positive denominator."""
    if numerator is None or denominator is None or denominator <= 0:
        return None
    return (Decimal(100) * numerator / denominator).quantize(Decimal("0.0001"))
