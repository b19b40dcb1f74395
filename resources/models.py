"""The hub's resources: tools & methods, studies & reports, news and events (« agenda »).

Vocabulary: docs/GLOSSARY.md. Each is a Wagtail snippet with the editorial workflow of ``HubItem``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from modelcluster.fields import ParentalManyToManyField

from hub.models import HubItem, HubItemQuerySet, TerritoryScope
from reference.models import ActorKind


class Phase(models.TextChoices):
    DESIGN = "concevoir", "Concevoir"
    STEER = "piloter", "Piloter"
    EVALUATE = "evaluer", "Évaluer"


class Maturity(models.TextChoices):
    DISCOVER = "decouvrir", "Découvrir"
    START = "se-lancer", "Se lancer"
    DEEPEN = "approfondir", "Approfondir"


class ToolFormat(models.TextChoices):
    GUIDE = "guide", "Guide"
    TRAINING = "formation", "Formation"
    FRAMEWORK = "referentiel", "Référentiel"
    DIAGNOSTIC = "diagnostic", "Outil de diagnostic"
    TOOLKIT = "boite-a-outils", "Boîte à outils"
    WEBINAR = "webinaire", "Webinaire"
    PLATFORM = "plateforme", "Plateforme en ligne"


class Tool(HubItem):
    """A tool or method (« outil & méthode ») to design, steer or evaluate an alliance."""

    phase = models.CharField("phase", max_length=12, choices=Phase.choices)
    audiences = ParentalManyToManyField(ActorKind, blank=True, related_name="tools", verbose_name="publics")
    maturity = models.CharField("maturité", max_length=12, choices=Maturity.choices)
    format = models.CharField("format", max_length=20, choices=ToolFormat.choices)
    provider = models.CharField("proposé par", max_length=200)
    link = models.URLField("lien", max_length=500, blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = "outil ou méthode"
        verbose_name_plural = "outils et méthodes"

    def get_absolute_url(self) -> str:
        return reverse("resources:tool", kwargs={"slug": self.slug})


class Study(HubItem):
    """A study or report (« étude & rapport »)."""

    publisher = models.CharField("éditeur", max_length=200)
    published_on = models.DateField("date de publication")
    key_figures = models.TextField("chiffres clés", blank=True, help_text="Un chiffre clé par ligne.")
    link = models.URLField("lien", max_length=500, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="document",
    )

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = "étude ou rapport"
        verbose_name_plural = "études et rapports"

    def get_absolute_url(self) -> str:
        return reverse("resources:study", kwargs={"slug": self.slug})

    @property
    def key_figure_list(self) -> list[str]:
        return [line.strip() for line in self.key_figures.splitlines() if line.strip()]


class NewsItem(HubItem):
    """A news item (« actualité »)."""

    published_on = models.DateField("date")
    body = models.TextField("texte", blank=True)

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = "actualité"
        verbose_name_plural = "actualités"

    def get_absolute_url(self) -> str:
        return reverse("resources:news", kwargs={"slug": self.slug})


class EventQuerySet(HubItemQuerySet):
    def upcoming(self, now: object) -> EventQuerySet:
        return self.filter(ends_at__gte=now).order_by("starts_at", "id")

    def past(self, now: object) -> EventQuerySet:
        return self.filter(ends_at__lt=now).order_by("-starts_at", "-id")


class Event(TerritoryScope, HubItem):
    """An event of the agenda."""

    starts_at = models.DateTimeField("début")
    ends_at = models.DateTimeField("fin")
    place = models.CharField("lieu", max_length=300, help_text="Adresse, ou « en ligne ».")
    link = models.URLField("lien", max_length=500, blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = "événement"
        verbose_name_plural = "événements"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"
            )
        ]

    def get_absolute_url(self) -> str:
        return reverse("resources:event", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": "La fin de l'événement ne peut pas précéder son début."})
