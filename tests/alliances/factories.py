"""Listings made through the services, as a member would post them."""

from __future__ import annotations

from typing import Any

from alliances import services
from alliances.models import Listing
from organisations.models import Organisation, RegisterSource
from reference.models import ActorKind, PartnershipModality
from tests.organisations.member_factories import OrganisationFactory, member_of


def verified_organisation(**kwargs: Any) -> Organisation:
    """An organisation of the RNA (its listings are published at once)."""
    kwargs.setdefault("source", RegisterSource.RNA)
    kwargs.setdefault("register_id", f"W{Organisation.objects.count() + 1:09d}")
    return OrganisationFactory(**kwargs)


def listing_of(organisation: Organisation, *, user: Any = None, **kwargs: Any) -> Listing:
    if user is None:
        first = organisation.memberships.first()
        user = first.user if first else member_of(organisation)
    values: dict[str, Any] = {
        "kind": "need",
        "title": "Un local pour un atelier vélo (exemple fictif)",
        "description": "Nous cherchons un local de 50 m² pour réparer des vélos avec les habitants.",
        "modalities": [PartnershipModality.objects.get(slug="mecenat")],
        "partner_kinds": [ActorKind.objects.get(slug="entreprise")],
        "resources": ["premises"],
        "territory_level": "commune",
        "territory_code": "13055",
    }
    values.update(kwargs)
    return services.listing_create(organisation=organisation, user=user, **values)
