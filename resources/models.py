"""The hub's resources: tools & methods, studies & reports, news and events (« agenda »).

Vocabulary: docs/GLOSSARY.md. Each is a Wagtail snippet with the editorial workflow of ``HubItem``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField

from hub.models import HubItem, HubItemQuerySet, TerritoryScope
from knowledge.dates import DatePrecision, format_partial_date
from knowledge.sourcing import Sourced
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


ToolQuerySet = HubItemQuerySet["Tool"]  # the hub's queries (``published()``, ``real()``…) over tools


class Study(Sourced, HubItem):
    """A study or report (« étude & rapport »); a cited one carries its source and may lack a date."""

    publisher = models.CharField("éditeur", max_length=200, blank=True)
    published_on = models.DateField("date de publication", null=True, blank=True)
    date_precision = models.CharField(
        "précision de la date",
        max_length=5,
        choices=DatePrecision.choices[1:],
        default=DatePrecision.DAY,
        help_text="Mois ou année quand la source ne donne pas le jour (la date est alors le premier jour).",
    )
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
    def published_label(self) -> str:
        return format_partial_date(self.published_on, self.date_precision)

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


class EventQuerySet(HubItemQuerySet["Event"]):
    def upcoming(self, now: object) -> EventQuerySet:
        return self.filter(ends_at__gte=now).order_by("starts_at", "id")

    def past(self, now: object) -> EventQuerySet:
        return self.filter(ends_at__lt=now).order_by("-starts_at", "-id")


class Event(Sourced, TerritoryScope, HubItem):
    """An event of the agenda; a past one cited by a document may be known only to the month or year."""

    starts_at = models.DateTimeField("début")
    ends_at = models.DateTimeField("fin")
    date_precision = models.CharField(
        "précision de la date",
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.TIME,
        help_text="Jour, mois ou année quand la source ne donne pas l'heure ou le jour.",
    )
    place = models.CharField("lieu", max_length=300, blank=True, help_text="Adresse, ou « en ligne ».")
    link = models.URLField("lien", max_length=500, blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = "événement"
        verbose_name_plural = "événements"
        # The territory pages' counts of upcoming events (territories/scopes.py), from the index alone.
        indexes = [
            models.Index(
                fields=["territory_level", "territory_code", "live", "ends_at", "expire_at", "is_demo"],
                name="event_placed",
            ),
            models.Index(fields=["region_code", "live", "ends_at", "expire_at", "is_demo"], name="event_in_region"),
            models.Index(
                fields=["departement_code", "live", "ends_at", "expire_at", "is_demo"], name="event_in_departement"
            ),
            models.Index(fields=["epci_code", "live", "ends_at", "expire_at", "is_demo"], name="event_in_epci"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"
            )
        ]

    def get_absolute_url(self) -> str:
        return reverse("resources:event", kwargs={"slug": self.slug})

    @property
    def has_time(self) -> bool:
        return self.date_precision == DatePrecision.TIME

    @property
    def date_label(self) -> str:
        """The start in French at its precision (events with a time keep their own format)."""
        return format_partial_date(timezone.localtime(self.starts_at), self.date_precision)

    def clean(self) -> None:
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": "La fin de l'événement ne peut pas précéder son début."})
