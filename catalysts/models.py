"""Territorial support: the « catalyseurs territoriaux » and the « dispositifs d'accompagnement ».

A catalyst covers départements, listed one by one or through a région (a région covers all its
départements). Contacts are institutional only (a public e-mail address or a contact form): no
personal data. Vocabulary: docs/GLOSSARY.md; the map: docs/adr/0011-catalysts-map.md.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from reference.models import ActorKind
from territories.models import Departement, Region


class CoverageQuerySet(models.QuerySet):
    def covering_any(self, departement_codes: Iterable[str]) -> CoverageQuerySet:
        """Items covering at least one of the départements, directly or through their région."""
        codes = list(departement_codes)
        return self.filter(Q(departements__code__in=codes) | Q(regions__departements__code__in=codes)).distinct()

    def real(self) -> CoverageQuerySet:
        """Without the demo records (« exemples fictifs »)."""
        return self.filter(is_demo=False)

    def demo(self) -> CoverageQuerySet:
        """Only the demo records (« exemples fictifs »)."""
        return self.filter(is_demo=True)


class CatalystQuerySet(CoverageQuerySet):
    def active(self) -> CatalystQuerySet:
        return self.filter(is_active=True)


class Catalyst(models.Model):
    """A « catalyseur territorial »: a structure that helps local actors start and run alliances."""

    name = models.CharField("nom", max_length=200)
    slug = models.SlugField("identifiant dans l'adresse", max_length=200, unique=True)
    description = models.TextField("présentation")
    kind = models.ForeignKey(
        ActorKind, on_delete=models.PROTECT, related_name="catalysts", verbose_name="type de structure"
    )
    support_offered = models.TextField("accompagnement proposé")
    audiences = models.ManyToManyField(
        ActorKind, blank=True, related_name="catalysts_for", verbose_name="pour qui (types d'acteurs accompagnés)"
    )
    departements = models.ManyToManyField(
        Departement, blank=True, related_name="catalysts", verbose_name="départements couverts"
    )
    regions = models.ManyToManyField(
        Region,
        blank=True,
        related_name="catalysts",
        verbose_name="régions couvertes",
        help_text="Une région couvre tous ses départements.",
    )
    contact_email = models.EmailField(
        "adresse électronique de contact", blank=True, help_text="Adresse générique de la structure, jamais nominative."
    )
    contact_url = models.URLField("formulaire de contact", max_length=300, blank=True)
    website = models.URLField("site internet", max_length=300, blank=True)
    is_active = models.BooleanField("actif", default=True)
    is_demo = models.BooleanField("exemple fictif", default=False)
    updated_at = models.DateTimeField("mis à jour le", auto_now=True)

    objects = CatalystQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = "catalyseur territorial"
        verbose_name_plural = "catalyseurs territoriaux"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("catalysts:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if not self.contact_email and not self.contact_url:
            raise ValidationError(
                "Indiquez une adresse électronique de contact ou l'adresse d'un formulaire de contact."
            )

    def covered_departement_codes(self) -> set[str]:
        """Départements covered directly or through a région."""
        direct = set(self.departements.values_list("code", flat=True))
        through_regions = Departement.objects.filter(region__in=self.regions.all()).values_list("code", flat=True)
        return direct | set(through_regions)


class SupportScheme(models.Model):
    """A « dispositif d'accompagnement »: a programme, a fund or a service offered to local alliances."""

    name = models.CharField("nom", max_length=200)
    provider = models.CharField("porteur du dispositif", max_length=200)
    description = models.TextField("description")
    audiences = models.ManyToManyField(
        ActorKind, blank=True, related_name="support_schemes", verbose_name="publics éligibles"
    )
    departements = models.ManyToManyField(
        Departement, blank=True, related_name="support_schemes", verbose_name="départements couverts"
    )
    regions = models.ManyToManyField(
        Region,
        blank=True,
        related_name="support_schemes",
        verbose_name="régions couvertes",
        help_text="Sans département ni région, le dispositif couvre la France entière.",
    )
    link = models.URLField("lien vers le dispositif", max_length=300)
    is_demo = models.BooleanField("exemple fictif", default=False)

    objects = CoverageQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = "dispositif d'accompagnement"
        verbose_name_plural = "dispositifs d'accompagnement"

    def __str__(self) -> str:
        return self.name
