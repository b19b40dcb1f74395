"""Inspiring examples (« exemples inspirants »): the partnership case base.

A case is a multi-party record: at least two partners, each with its kind of actor and its role
in the alliance; a modality, objectives, a territory at any level, SDG targets, a period, results,
sources and the date it was last verified. Vocabulary: docs/GLOSSARY.md.
"""

from __future__ import annotations

from typing import Self

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from hub.models import HubItem, HubItemQuerySet, TerritoryScope
from reference.models import ActorKind, PartnershipModality, SdgTarget

MIN_PARTNERS = 2
YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]


PLACED = ["territory_level", "territory_code"]
RECENT_AND_PUBLISHED = ["last_verified_on", "id", "live", "expire_at", "is_demo"]


class CaseQuerySet(HubItemQuerySet["Case"]):
    def with_related(self) -> Self:
        return self.select_related("modality").prefetch_related("partners__kind", "sdg_targets__goal", "sources")


class Case(TerritoryScope, HubItem):
    """An inspiring example of an alliance (« exemple inspirant »)."""

    modality = models.ForeignKey(
        PartnershipModality, on_delete=models.PROTECT, related_name="cases", verbose_name="modalité de partenariat"
    )
    objectives = models.TextField("objectifs")
    sdg_targets = ParentalManyToManyField(SdgTarget, blank=True, related_name="cases", verbose_name="cibles d'ODD")
    start_year = models.PositiveSmallIntegerField("année de début", validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(
        "année de fin", null=True, blank=True, validators=YEAR_VALIDATORS, help_text="Vide si l'alliance continue."
    )
    results = models.TextField("résultats et impacts", blank=True)
    last_verified_on = models.DateField("dernière vérification", null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-last_verified_on", "-id"]
        verbose_name = "exemple inspirant"
        verbose_name_plural = "exemples inspirants"
        indexes = [
            models.Index(fields=["live", "region_code"]),
            models.Index(fields=["live", "departement_code"]),
            # The default order (newest verified first): the home page's latest cases read it, not sort.
            models.Index(fields=["-last_verified_on", "-id"], name="case_recent"),
            # The territory pages (territories/scopes.py): the cases placed at one territory, and those
            # inside a région, département or EPCI. Each index answers a level's count from the index
            # alone (publication columns included) and its 5 latest cases by reading it backwards.
            models.Index(fields=[*PLACED, *RECENT_AND_PUBLISHED], name="case_placed"),
            models.Index(fields=["region_code", *RECENT_AND_PUBLISHED], name="case_in_region"),
            models.Index(fields=["departement_code", *RECENT_AND_PUBLISHED], name="case_in_departement"),
            models.Index(fields=["epci_code", *RECENT_AND_PUBLISHED], name="case_in_epci"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__isnull=True) | models.Q(end_year__gte=models.F("start_year")),
                name="case_period_in_order",
            ),
        ]

    def get_absolute_url(self) -> str:
        return reverse("cases:detail", kwargs={"slug": self.slug})

    @property
    def period_label(self) -> str:
        if self.end_year is None:
            return f"depuis {self.start_year}"
        if self.end_year == self.start_year:
            return str(self.start_year)
        return f"{self.start_year}-{self.end_year}"

    def clean(self) -> None:
        super().clean()
        if self.end_year is not None and self.start_year is not None and self.end_year < self.start_year:
            raise ValidationError({"end_year": "L'année de fin ne peut pas précéder l'année de début."})


class CasePartner(Orderable):
    """A partner of the alliance, with its kind of actor and its role."""

    case = ParentalKey(Case, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField("nom", max_length=200)
    kind = models.ForeignKey(ActorKind, on_delete=models.PROTECT, related_name="+", verbose_name="type d'acteur")
    role = models.CharField("rôle dans l'alliance", max_length=300)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_partnerships",
        verbose_name="organisation de l'annuaire",
    )

    # The back office edits name, kind and role; a select of the whole directory (millions of rows)
    # is no way to choose an organisation: proposals link it by its identifier (alerts.proposals).
    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = "partenaire"
        verbose_name_plural = "partenaires"

    def __str__(self) -> str:
        return f"{self.name} ({self.kind})"


class CaseSource(Orderable):
    """A public source the case was written from."""

    case = ParentalKey(Case, on_delete=models.CASCADE, related_name="sources")
    url = models.URLField("adresse", max_length=500)
    label = models.CharField("intitulé", max_length=300, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = "source"
        verbose_name_plural = "sources"

    def __str__(self) -> str:
        return self.label or self.url


class ProposalStatus(models.TextChoices):
    PENDING = "pending", "en attente"
    PUBLISHED = "published", "publié"
    REJECTED = "rejected", "refusé"


class CaseProposalQuerySet(models.QuerySet["CaseProposal"]):
    def of_user(self, user: object) -> CaseProposalQuerySet:
        return self.filter(proposer=user)


class CaseProposal(models.Model):
    """A case proposed by a signed-in person (« Proposer un exemple inspirant »), and what the
    moderators decided: the proposer follows it in « Mon espace » and is told by e-mail."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="proposal", verbose_name="exemple")
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,  # the link to a person goes with their account; the case stays
        related_name="case_proposals",
        verbose_name="auteur de la proposition",
    )
    status = models.CharField("statut", max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PENDING)
    reason = models.TextField("motif du refus", blank=True)
    created_at = models.DateTimeField("proposé le", default=timezone.now, editable=False)
    decided_at = models.DateTimeField("décidé le", null=True, blank=True)

    objects = CaseProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "proposition d'exemple"
        verbose_name_plural = "propositions d'exemples"
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "published", "rejected"]), name="case_proposal_status_valid"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case} ({self.get_status_display()})"
