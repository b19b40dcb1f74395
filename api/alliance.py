"""Read-only API of « Faire alliance »: open needs and offers, public fields only, thin over
alliances.selectors. No contact detail of any organisation is ever part of the answer.

``territory`` is written ``<level>:<code>`` like the directory's (``departement:13``): a malformed
value is a 422 naming the field, an unknown territory a 404.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import ValidationError
from ninja.pagination import LimitOffsetPagination, paginate

from alliances import selectors
from alliances.models import Listing, ListingKind, Resource
from api.organisations import _territory
from reference.models import PartnershipModality

router = Router(tags=["Faire alliance"])


def _invalid(field: str, message: str) -> ValidationError:
    return ValidationError([{"loc": ["query", field], "msg": message, "type": "value_error"}])


class ListingOut(Schema):
    id: int
    kind: str
    title: str
    description: str
    organisation: str
    organisation_id: int
    organisation_kind: str
    modalities: list[str]
    partner_kinds: list[str]
    resources: list[str]
    sdg_targets: list[str]
    territory_level: str
    territory_code: str
    territory_name: str
    departement: str
    published_at: dt.datetime | None
    expires_on: dt.date
    is_demo: bool
    url: str

    @staticmethod
    def resolve_organisation(obj: Listing) -> str:
        return obj.organisation.name

    @staticmethod
    def resolve_organisation_kind(obj: Listing) -> str:
        return obj.organisation.kind.slug

    @staticmethod
    def resolve_modalities(obj: Listing) -> list[str]:
        return [modality.slug for modality in obj.modalities.all()]

    @staticmethod
    def resolve_partner_kinds(obj: Listing) -> list[str]:
        return [kind.slug for kind in obj.partner_kinds.all()]

    @staticmethod
    def resolve_resources(obj: Listing) -> list[str]:
        return [link.resource for link in obj.resources.all()]

    @staticmethod
    def resolve_sdg_targets(obj: Listing) -> list[str]:
        return [target.code for target in obj.sdg_targets.all()]

    @staticmethod
    def resolve_departement(obj: Listing) -> str:
        return obj.departement_code

    @staticmethod
    def resolve_url(obj: Listing) -> str:
        return obj.get_absolute_url()


def _listings(
    kind: str, territory: str | None, modality: str | None, sdg: int | None, resource: str | None
) -> QuerySet[Listing]:
    if modality is not None and not PartnershipModality.objects.filter(slug=modality).exists():
        raise _invalid("modality", "Modalité inconnue pour « modality » : mecenat, pratiques-responsables…")
    if sdg is not None and not 1 <= sdg <= 17:
        raise _invalid("sdg", "« sdg » attend un numéro d'ODD de 1 à 17.")
    if resource is not None and resource not in Resource.values:
        raise _invalid("resource", f"Ressource inconnue pour « resource » : {', '.join(Resource.values)}.")
    filters = selectors.ListingFilters(
        territory=_territory(territory), kind=kind, modality=modality or "", sdg=sdg, resource=resource or ""
    )
    return selectors.with_related(selectors.open_listings(filters))


@router.get(
    "/needs",
    response=list[ListingOut],
    summary="Besoins ouverts (« Je cherche »), filtres par territoire, modalité, ODD et ressource",
    url_name="alliance_needs",
)
@paginate(LimitOffsetPagination)
def list_needs(
    request: HttpRequest,
    territory: str | None = None,
    modality: str | None = None,
    sdg: int | None = None,
    resource: str | None = None,
) -> QuerySet[Listing]:
    return _listings(ListingKind.NEED, territory, modality, sdg, resource)


@router.get(
    "/offers",
    response=list[ListingOut],
    summary="Offres ouvertes (« Je propose »), filtres par territoire, modalité, ODD et ressource",
    url_name="alliance_offers",
)
@paginate(LimitOffsetPagination)
def list_offers(
    request: HttpRequest,
    territory: str | None = None,
    modality: str | None = None,
    sdg: int | None = None,
    resource: str | None = None,
) -> QuerySet[Listing]:
    return _listings(ListingKind.OFFER, territory, modality, sdg, resource)
