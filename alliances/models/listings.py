"""« Faire alliance »: needs and offers (« Je cherche » / « Je propose ») posted by organisations.

A listing is written by a member of an organisation for it, with what it is for, the partnership
modalities, the kinds of partner sought, the resources sought or offered, SDG targets, a territory
(commune → France) and an expiry date. It is public once published and until it expires; the
contact details of the organisation never appear on it. Another verified organisation's member
can express interest (« Manifester son intérêt »): that opens a match (alliances.models.matches).
Vocabulary: docs/GLOSSARY.md; choices: docs/adr/0027-faire-alliance-needs-and-offers.md.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from hub.models import DEMO_LABEL, TerritoryScope
from organisations.models import Organisation
from reference.models import ActorKind, PartnershipModality, SdgTarget

VALIDITY_DAYS = 90


class ListingKind(models.TextChoices):
    NEED = "need", "Je cherche"
    OFFER = "offer", "Je propose"


class ListingStatus(models.TextChoices):
    PENDING = "pending", "en attente de modération"
    PUBLISHED = "published", "publiée"
    REJECTED = "rejected", "refusée"
    CLOSED = "closed", "clôturée"


class Resource(models.TextChoices):
    """What an alliance can bring: a fixed list, so that needs and offers can be compared."""

    SKILLS = "skills", "compétences"
    FUNDING = "funding", "financement"
    PREMISES = "premises", "locaux"
    VOLUNTEERS = "volunteers", "bénévoles"
    EQUIPMENT = "equipment", "matériel"
    DATA = "data", "données"
    NETWORK = "network", "réseau"
    VISIBILITY = "visibility", "visibilité"


def default_expiry() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=VALIDITY_DAYS)


class ListingQuerySet(models.QuerySet["Listing"]):
    def open(self) -> ListingQuerySet:
        """Published and not expired: what the public sees."""
        return self.filter(status=ListingStatus.PUBLISHED, expires_on__gte=timezone.localdate())

    def pending(self) -> ListingQuerySet:
        return self.filter(status=ListingStatus.PENDING)

    def of_kind(self, kind: str) -> ListingQuerySet:
        return self.filter(kind=kind)

    def for_organisations_of(self, user: object) -> ListingQuerySet:
        return self.filter(organisation__memberships__user=user)

    def in_territory(self, level: str, code: str) -> ListingQuerySet:
        """Listings placed in the territory or in any territory inside it (a région holds its
        départements, EPCI and communes)."""
        return self.filter(
            {
                "region": Q(region_code=code),
                "departement": Q(departement_code=code),
                "epci": Q(epci_code=code),
                "commune": Q(territory_level="commune", territory_code=code),
            }[level]
        )

    def with_modality(self, slug: str) -> ListingQuerySet:
        return self.filter(modalities__slug=slug)

    def with_sdg(self, number: int) -> ListingQuerySet:
        return self.filter(sdg_targets__goal__number=number)

    def with_resource(self, resource: str) -> ListingQuerySet:
        return self.filter(resources__resource=resource)


class Listing(TerritoryScope):
    """A need (« Je cherche ») or an offer (« Je propose ») of an organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="listings", verbose_name="organisation"
    )
    kind = models.CharField("nature", max_length=5, choices=ListingKind.choices)
    title = models.CharField("titre", max_length=150)
    description = models.TextField("pour quoi faire")
    modalities = models.ManyToManyField(
        PartnershipModality, related_name="listings", verbose_name="modalités de partenariat"
    )
    partner_kinds = models.ManyToManyField(ActorKind, related_name="listings", verbose_name="partenaires recherchés")
    sdg_targets = models.ManyToManyField(SdgTarget, blank=True, related_name="listings", verbose_name="cibles d'ODD")
    expires_on = models.DateField("date d'expiration", default=default_expiry)
    status = models.CharField(
        "statut", max_length=9, choices=ListingStatus.choices, default=ListingStatus.PENDING, db_index=True
    )
    reason = models.TextField("motif du refus", blank=True)
    is_demo = models.BooleanField("exemple fictif", default=False)
    is_generated = models.BooleanField("générée pour les essais de charge", default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="auteur"
    )
    created_at = models.DateTimeField("créée le", default=timezone.now, editable=False)
    updated_at = models.DateTimeField("modifiée le", default=timezone.now, editable=False)
    published_at = models.DateTimeField("publiée le", null=True, blank=True)

    objects = ListingQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = "annonce « Faire alliance »"
        verbose_name_plural = "annonces « Faire alliance »"
        indexes = [
            models.Index(fields=["status", "expires_on"], name="listing_open_idx"),
            # Matchmaking's nearby listings, newest first (alliances.suggestions): the département's, the région's
            # own, then France's, each read in order up to its slice (a sort of the département's rows otherwise).
            models.Index(
                fields=["kind", "region_code", "departement_code", "published_at", "id"], name="listing_nearby_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=["need", "offer"]), name="listing_kind_valid"),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "published", "rejected", "closed"]), name="listing_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("alliances:detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == ListingStatus.PUBLISHED and self.expires_on >= timezone.localdate()

    @property
    def demo_label(self) -> str:
        return DEMO_LABEL if self.is_demo else ""

    @property
    def resource_labels(self) -> list[str]:
        return [Resource(link.resource).label for link in self.resources.all()]


class ListingResource(models.Model):
    """One resource sought (a need) or offered (an offer) by a listing."""

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="resources")
    resource = models.CharField("ressource", max_length=10, choices=Resource.choices)

    class Meta:
        ordering = ["id"]
        verbose_name = "ressource"
        verbose_name_plural = "ressources"
        constraints = [
            models.UniqueConstraint(fields=["listing", "resource"], name="listing_resource_unique"),
        ]
        indexes = [models.Index(fields=["resource", "listing"], name="listing_resource_idx")]

    def __str__(self) -> str:
        return self.get_resource_display()
