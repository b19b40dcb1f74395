"""What every item of the knowledge hub shares: the editorial workflow, the demo flag, a territory.

An item (case, tool, study, news item, event) is a Wagtail snippet edited as draft → review →
published, with revisions, locking and scheduled publishing (``go_live_at`` / ``expire_at``).
The public (pages, search, API) only ever sees ``published()`` items.
"""

from __future__ import annotations

from typing import Self, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

from hub.territory import TerritoryLevel, UnknownTerritory, resolve_territory

DEMO_LABEL = "Exemple fictif"

_Item = TypeVar("_Item", bound="HubItem")


class HubItemQuerySet(models.QuerySet[_Item]):
    def published(self) -> Self:
        """Live and not past its expiry date (even before ``publish_scheduled`` has run)."""
        return self.filter(live=True).filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))

    def real(self) -> Self:
        """Without the demo content (« exemples fictifs »)."""
        return self.filter(is_demo=False)

    def demo(self) -> Self:
        """Only the demo content (« exemples fictifs »)."""
        return self.filter(is_demo=True)

    def in_region(self, code: str) -> Self:
        return self.filter(region_code=code)

    def in_departement(self, code: str) -> Self:
        return self.filter(departement_code=code)


class HubItem(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    """Abstract base of the hub's editorial items."""

    title = models.CharField("titre", max_length=300)
    slug = models.SlugField("identifiant dans l'adresse", max_length=120, unique=True)
    summary = models.TextField("résumé")
    is_demo = models.BooleanField(
        "exemple fictif", default=False, help_text="Contenu de démonstration, signalé « exemple fictif » partout."
    )
    is_generated = models.BooleanField("généré (banc d'essai)", default=False, editable=False)
    created_at = models.DateTimeField("créé le", default=timezone.now, editable=False)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    objects = HubItemQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title

    @property
    def demo_label(self) -> str:
        return DEMO_LABEL if self.is_demo else ""


class TerritoryScope(models.Model):
    """Where an item takes place: France, or one région, département, EPCI or commune.

    The chosen level and code are stored with the région and département they belong to
    (denormalised, indexed), so that filtering on a région finds its départements', EPCI's and
    communes' items with one indexed equality. Codes, not foreign keys: a yearly COG update that
    merges communes must not be blocked by, nor delete, editorial content (docs/adr/0010-search.md).
    """

    territory_level = models.CharField(
        "échelle", max_length=12, choices=TerritoryLevel.choices, default=TerritoryLevel.FRANCE
    )
    territory_code = models.CharField(
        "code du territoire",
        max_length=9,
        blank=True,
        help_text="Code INSEE de la région, du département ou de la commune, ou SIREN de l'EPCI ; vide pour la France.",
    )
    territory_name = models.CharField("territoire", max_length=200, blank=True, editable=False)
    region_code = models.CharField("code de la région", max_length=3, blank=True, db_index=True, editable=False)
    departement_code = models.CharField("code du département", max_length=3, blank=True, db_index=True, editable=False)
    epci_code = models.CharField("SIREN de l'EPCI", max_length=9, blank=True, db_index=True, editable=False)

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        self.apply_territory()

    def apply_territory(self) -> None:
        """Resolve the chosen level + code and copy its name and parents (ValidationError if unknown)."""
        try:
            resolved = resolve_territory(self.territory_level, self.territory_code)
        except UnknownTerritory as error:
            raise ValidationError({"territory_code": str(error)}) from error
        self.territory_code = resolved.code
        self.territory_name = resolved.name
        self.region_code = resolved.region_code
        self.departement_code = resolved.departement_code
        self.epci_code = resolved.epci_code
