"""The Observatoire des partenariats: surveys and the figures they give, as data.

A figure is one value of one indicator for one population (broken down by actor kind and, where
known, territory), with its base, margin of error and multi-response flag when the source gives
them: unknown is stored as null and shown as « non précisé », never as zero.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from knowledge.sourcing import Sourced
from reference.models import ActorKind


class Survey(Sourced):
    """A survey (« enquête », « étude ») whose figures the platform shows."""

    slug = models.SlugField("identifiant", max_length=120, unique=True)
    title = models.CharField("titre", max_length=300)
    programme = models.CharField(
        "programme", max_length=200, blank=True, help_text="Ex. Observatoire des partenariats."
    )
    institute = models.CharField("institut", max_length=200, blank=True)
    population = models.CharField("population interrogée", max_length=300, blank=True)
    method = models.CharField("méthode", max_length=300, blank=True)
    sample_size = models.PositiveIntegerField("taille de l'échantillon", null=True, blank=True)
    year = models.PositiveSmallIntegerField("année", null=True, blank=True)
    study = models.ForeignKey(
        "resources.Study",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="surveys",
        verbose_name="étude publiée",
    )
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = "enquête"
        verbose_name_plural = "enquêtes"

    def __str__(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title

    def get_absolute_url(self) -> str:
        return f"{reverse('observatory:index')}#enquete-{self.slug}"


class SurveyFigureQuerySet(models.QuerySet["SurveyFigure"]):
    def for_display(self) -> SurveyFigureQuerySet:
        return self.select_related("survey", "actor_kind").order_by("indicator_slug", "position", "id")


class SurveyFigure(Sourced):
    """One figure of a survey: « 81 % des Français … » for one indicator and one breakdown."""

    slug = models.SlugField("identifiant", max_length=120, unique=True)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="figures", verbose_name="enquête")
    indicator = models.CharField("indicateur", max_length=300)
    indicator_slug = models.SlugField(
        "code de l'indicateur", max_length=120, help_text="Les chiffres d'un même indicateur sont comparés ensemble."
    )
    population = models.CharField("population", max_length=200, help_text="Telle que la source la nomme.")
    actor_kind = models.ForeignKey(
        ActorKind, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="type d'acteur"
    )
    territory_code = models.CharField("code du territoire", max_length=9, blank=True)
    territory_name = models.CharField("territoire", max_length=200, blank=True, help_text="Vide : France entière.")
    year = models.PositiveSmallIntegerField(
        "année décrite", null=True, blank=True, help_text="Vide : l'année de l'enquête."
    )
    value = models.DecimalField("valeur", max_digits=12, decimal_places=2)
    value_qualifier = models.CharField("qualificatif", max_length=40, blank=True, help_text="Ex. « moins de ».")
    unit = models.CharField("unité", max_length=20, default="%")
    base = models.CharField("base", max_length=200, blank=True, help_text="Sur quoi porte le pourcentage.")
    margin_of_error = models.DecimalField("marge d'erreur", max_digits=5, decimal_places=2, null=True, blank=True)
    multiple_responses = models.BooleanField("réponses multiples", default=False)
    collected_on = models.DateField(
        "fin de la collecte",
        null=True,
        blank=True,
        help_text="Dernier jour du terrain de l'enquête, quand il est connu.",
    )
    note = models.TextField("remarque", blank=True)
    position = models.PositiveSmallIntegerField("ordre", default=0)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    objects = SurveyFigureQuerySet.as_manager()

    class Meta:
        ordering = ["indicator_slug", "position", "id"]
        verbose_name = "chiffre d'enquête"
        verbose_name_plural = "chiffres d'enquête"

    def __str__(self) -> str:
        return f"{self.value_label} — {self.population} — {self.indicator}"

    def clean(self) -> None:
        super().clean()
        if self.unit == "%" and self.value is not None and not 0 <= self.value <= 100:
            raise ValidationError({"value": "Un pourcentage est compris entre 0 et 100."})
        if self.collected_on and self.collected_on > timezone.localdate():
            raise ValidationError({"collected_on": "La fin de la collecte ne peut pas être dans le futur."})

    @property
    def is_percentage(self) -> bool:
        return self.unit == "%"

    @property
    def value_label(self) -> str:
        number = f"{self.value.normalize():f}".replace(".", ",")
        unit = " %" if self.is_percentage else (f" {self.unit}" if self.unit else "")
        return f"{self.value_qualifier} {number}{unit}".strip()

    @property
    def described_year(self) -> int | None:
        return self.year or self.survey.year
