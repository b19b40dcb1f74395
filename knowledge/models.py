"""What the source document knows, as records: the actors it names and the history it tells.

Vocabulary: docs/GLOSSARY.md. Records are loaded from data/seed/ by ``manage.py
load_reference_data`` and carry their source (document, section, exact passage); they are real
reference content, never demo content. The mission team can correct them in the back office.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from knowledge.dates import DatePrecision, format_partial_date
from knowledge.sourcing import Sourced


class ActorRole(models.TextChoices):
    STATE_SERVICE = "service-etat", "Service de l'État"
    INSTITUTION = "institution", "Institution"
    NETWORK = "reseau", "Réseau"
    ORGANISATION = "organisation", "Organisation"
    FUND = "fonds", "Fonds"
    PROGRAMME = "programme", "Programme"
    SCHEME = "dispositif", "Dispositif"


class ReferenceActor(Sourced):
    """An organisation, network, fund, programme or scheme named by the source document."""

    slug = models.SlugField("identifiant dans l'adresse", max_length=120, unique=True)
    name = models.CharField("nom", max_length=300)
    kind = models.CharField("nature", max_length=20, choices=ActorRole.choices)
    description = models.TextField("ce qu'en dit la source", help_text="Citation exacte du document source.")
    link = models.URLField("lien", max_length=500, blank=True, help_text="Seulement une adresse donnée par la source.")

    class Meta:
        ordering = ["name"]
        verbose_name = "acteur de référence"
        verbose_name_plural = "acteurs de référence"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("knowledge:actor", kwargs={"slug": self.slug})


class Milestone(Sourced):
    """A dated step of the approach's history (2008 → 2021), as the source document tells it."""

    slug = models.SlugField("identifiant", max_length=120, unique=True)
    title = models.CharField("titre", max_length=300)
    date = models.DateField("date", help_text="Premier jour de la période quand la précision est le mois ou l'année.")
    date_precision = models.CharField(
        "précision de la date", max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    event = models.ForeignKey(
        "resources.Event", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="événement"
    )
    study = models.ForeignKey(
        "resources.Study", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="étude"
    )

    class Meta:
        ordering = ["date", "id"]
        verbose_name = "étape de l'historique"
        verbose_name_plural = "étapes de l'historique"

    def __str__(self) -> str:
        return f"{self.date_label} — {self.title}"

    @property
    def date_label(self) -> str:
        return format_partial_date(self.date, self.date_precision)

    def get_absolute_url(self) -> str:
        return f"{reverse('knowledge:history')}#etape-{self.slug}"
