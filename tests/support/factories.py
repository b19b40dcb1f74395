"""Catalysts with a team on the platform, and support requests made through the service."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from alliances.models import CatalystOrganisation
from catalysts.models import Catalyst
from support import services
from support.models import CatalystArea, SupportRequest
from territories.models import Commune, Epci
from tests.accounts.factories import AccountFactory
from tests.catalysts.factories import CatalystFactory
from tests.organisations.member_factories import OrganisationFactory, member_of


def catalyst_with_team(
    *,
    name: str,
    departements: list[str] | None = None,
    regions: list[str] | None = None,
    communes: Sequence[str] = (),
    epcis: Sequence[str] = (),
    is_national: bool = False,
    **kwargs: Any,
) -> Catalyst:
    """A real, active catalyst whose team is an organisation (members: ``team_member``)."""
    kwargs.setdefault("is_demo", False)
    catalyst = CatalystFactory.create(name=name, departements=departements, regions=regions, **kwargs)
    organisation = OrganisationFactory.create(name=f"Structure qui anime {name}")
    CatalystOrganisation.objects.create(catalyst=catalyst, organisation=organisation)
    if communes or epcis or is_national:
        area = CatalystArea.objects.create(catalyst=catalyst, is_national=is_national)
        area.communes.set(Commune.objects.filter(code__in=communes))
        area.epcis.set(Epci.objects.filter(code__in=epcis))
    return catalyst


def team_member(catalyst: Catalyst, username: str | None = None) -> Any:
    """A person who represents the organisation of the catalyst's team (created on first call)."""
    first = catalyst.alliance_organisation.organisation.memberships.first()
    if first is not None and username is None:
        return first.user
    return member_of(catalyst.alliance_organisation.organisation, username=username or f"equipe-{catalyst.slug}")


def requester(username: str = "demandeur") -> Any:
    return AccountFactory(username=username, email=f"{username}@example.invalid")


def support_request(*, commune: str = "69123", user: Any = None, **kwargs: Any) -> SupportRequest:
    kwargs.setdefault("purpose", "Monter une alliance entre notre association et des entreprises du quartier.")
    return services.support_request_create(
        requester=user or requester(f"demandeur{SupportRequest.objects.count() + 1}"),
        commune=Commune.objects.get(code=commune),
        **kwargs,
    )
