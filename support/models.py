"""« Je cherche un accompagnement »: support requests routed to the territorial catalysts.

A person signed in asks for support in a commune; the request goes to the catalysts whose territory
covers that commune, the closest level first (commune or EPCI, then département, région, France), or
to the platform's team when none does (and the département counts in the « territoires sans
accompagnement » demand). A member of a catalyst's team takes it in charge, answers through messages
relayed by the platform, and closes it with an outcome. Choices: docs/adr/0028-support-requests.md.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from catalysts.models import Catalyst
from hub.models import TerritoryScope
from organisations.models import Organisation
from reference.models import PartnershipModality
from territories.models import Commune, Epci

MAX_PURPOSE = 3000
MAX_MESSAGE = 3000


class CatalystArea(models.Model):
    """Where a catalyst serves first, beside the départements and régions it covers (``catalysts``):
    a few communes or intercommunalités (a local catalyst), or the whole of France (a national network).

    Who answers for a catalyst is the organisation of ``alliances.CatalystOrganisation``: its members."""

    catalyst = models.OneToOneField(Catalyst, on_delete=models.CASCADE, related_name="area", verbose_name="catalyseur")
    communes = models.ManyToManyField(
        Commune, blank=True, related_name="catalyst_areas", verbose_name="communes servies en premier"
    )
    epcis = models.ManyToManyField(
        Epci, blank=True, related_name="catalyst_areas", verbose_name="intercommunalités servies en premier"
    )
    is_national = models.BooleanField(
        "réseau national",
        default=False,
        help_text="Reçoit les demandes des communes qu'aucun catalyseur local, départemental ou régional ne couvre.",
    )

    class Meta:
        ordering = ["catalyst__name", "id"]
        verbose_name = "territoire servi en premier par un catalyseur"
        verbose_name_plural = "territoires servis en premier par les catalyseurs"

    def __str__(self) -> str:
        return str(self.catalyst)


class RoutingLevel(models.TextChoices):
    COMMUNE = "commune", "commune"
    EPCI = "epci", "intercommunalité"
    DEPARTEMENT = "departement", "département"
    REGION = "region", "région"
    FRANCE = "france", "France entière"
    PLATFORM = "platform", "équipe de la plateforme"


class RequestStatus(models.TextChoices):
    NEW = "new", "nouvelle"
    IN_PROGRESS = "in_progress", "prise en charge"
    CLOSED = "closed", "close"


class Outcome(models.TextChoices):
    SUPPORTED = "supported", "accompagnement engagé"
    REDIRECTED = "redirected", "orientée vers un autre acteur"
    NO_FOLLOW_UP = "no_follow_up", "sans suite"
    WITHDRAWN = "withdrawn", "retirée par le demandeur"


class SupportRequestQuerySet(models.QuerySet["SupportRequest"]):
    def of_requester(self, user: object) -> SupportRequestQuerySet:
        return self.filter(requester=user)

    def routed_to(self, catalyst: Catalyst) -> SupportRequestQuerySet:
        return self.filter(routed_to=catalyst)

    def for_platform(self) -> SupportRequestQuerySet:
        return self.filter(routing_level=RoutingLevel.PLATFORM)

    def unserved(self) -> SupportRequestQuerySet:
        """Requests no catalyst covered: the demand of the « territoires sans accompagnement »."""
        return self.filter(routing_level=RoutingLevel.PLATFORM)

    def with_status(self, status: str) -> SupportRequestQuerySet:
        return self.filter(status=status)

    def due_for_anonymisation(self, before: object) -> SupportRequestQuerySet:
        return self.filter(status=RequestStatus.CLOSED, closed_at__lt=before, anonymised_at__isnull=True)


class SupportRequest(TerritoryScope):
    """« Je cherche un accompagnement »: what for, the modality, the commune, and who it went to."""

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="support_requests",
        verbose_name="demandeur",
    )
    purpose = models.TextField("pour quoi faire", max_length=MAX_PURPOSE)
    modality = models.ForeignKey(
        PartnershipModality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="support_requests",
        verbose_name="modalité de partenariat envisagée",
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="support_requests",
        verbose_name="organisation représentée",
    )
    organisation_name = models.CharField("structure (texte libre)", max_length=200, blank=True)
    routing_level = models.CharField("transmise à l'échelle", max_length=11, choices=RoutingLevel.choices)
    routing_reason = models.TextField("pourquoi ces destinataires", blank=True)
    routed_to = models.ManyToManyField(
        Catalyst, blank=True, related_name="support_requests", verbose_name="catalyseurs destinataires"
    )
    status = models.CharField(
        "statut", max_length=11, choices=RequestStatus.choices, default=RequestStatus.NEW, db_index=True
    )
    handled_by = models.ForeignKey(
        Catalyst,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="handled_support_requests",
        verbose_name="prise en charge par",
    )
    handled_by_platform = models.BooleanField("prise en charge par l'équipe de la plateforme", default=False)
    outcome = models.CharField("issue", max_length=12, choices=Outcome.choices, blank=True)
    created_at = models.DateTimeField("reçue le", default=timezone.now, editable=False, db_index=True)
    taken_at = models.DateTimeField("prise en charge le", null=True, blank=True)
    closed_at = models.DateTimeField("close le", null=True, blank=True)
    anonymised_at = models.DateTimeField("anonymisée le", null=True, blank=True)

    objects = SupportRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "demande d'accompagnement"
        verbose_name_plural = "demandes d'accompagnement"
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["new", "in_progress", "closed"]), name="support_request_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status="closed", closed_at__isnull=False) | ~Q(status="closed"),
                name="support_request_closed_has_date",
            ),
        ]
        indexes = [models.Index(fields=["routing_level", "departement_code"], name="support_request_demand_idx")]

    def __str__(self) -> str:
        return f"Demande n° {self.pk} — {self.territory_name}"

    def get_absolute_url(self) -> str:
        return reverse("support:mine_detail", kwargs={"pk": self.pk})

    @property
    def desk_url(self) -> str:
        return reverse("support:desk_request", kwargs={"pk": self.pk})

    @property
    def age_days(self) -> int:
        return (timezone.now() - self.created_at).days

    @property
    def is_closed(self) -> bool:
        return self.status == RequestStatus.CLOSED


class Sender(models.TextChoices):
    REQUESTER = "requester", "demandeur"
    CATALYST = "catalyst", "catalyseur"
    PLATFORM = "platform", "équipe de la plateforme"


class SupportMessage(models.Model):
    """A message relayed by the platform between the requester and whoever handles the request.

    Stored and shown as plain text; no address is exchanged."""

    request = models.ForeignKey(
        SupportRequest, on_delete=models.CASCADE, related_name="messages", verbose_name="demande"
    )
    sender = models.CharField("de la part de", max_length=9, choices=Sender.choices)
    catalyst = models.ForeignKey(
        Catalyst, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="catalyseur"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="auteur"
    )
    body = models.TextField("message", max_length=MAX_MESSAGE)
    created_at = models.DateTimeField("envoyé le", default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "message d'une demande d'accompagnement"
        verbose_name_plural = "messages des demandes d'accompagnement"

    def __str__(self) -> str:
        return f"{self.get_sender_display()} — {self.created_at:%d/%m/%Y %H:%M}"

    @property
    def sender_label(self) -> str:
        if self.sender == Sender.CATALYST and self.catalyst_id:
            return str(self.catalyst)
        if self.sender == Sender.PLATFORM:
            return "L'équipe Alliances & Territoires"
        return "Le demandeur"
