"""Suggestions: hard filters first, then a score whose reasons are shown."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from alliances import match_services, suggestions
from alliances.models import Listing
from organisations.models import OrganisationStatus
from reference.models import ActorKind, PartnershipModality
from tests.alliances.factories import listing_of, verified_organisation
from tests.organisations.member_factories import member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def need(territories, vocabularies) -> Listing:
    association = verified_organisation(name="Association du vélo (exemple fictif)", commune_id="13055")
    return listing_of(association, title="Un local pour réparer des vélos (exemple fictif)")


def _entreprise(name: str, commune: str, **kwargs):
    return verified_organisation(name=name, commune_id=commune, kind=ActorKind.objects.get(slug="entreprise"), **kwargs)


def _offer(organisation, **kwargs) -> Listing:
    return listing_of(organisation, kind="offer", title=f"Offre de {organisation.name}", **kwargs)


def test_a_nearby_offer_of_the_kind_sought_comes_first_with_its_reasons(need) -> None:
    near = _offer(_entreprise("Entreprise proche (exemple fictif)", "13055"))
    far = _offer(
        _entreprise("Entreprise lointaine (exemple fictif)", "75056"), territory_code="75056", resources=["funding"]
    )
    found = suggestions.offers_for_need(need)
    assert [s.listing for s in found] == [near]  # nothing in common with the Parisian offer: not suggested
    reasons = found[0].reasons
    assert "Même commune : Marseille" in reasons
    assert "Type de partenaire recherché : Entreprise" in reasons
    assert "Ressource proposée : locaux" in reasons
    assert any(reason.startswith("Même modalité") for reason in reasons)
    assert far not in [s.listing for s in found]


def test_hard_filters_leave_out_own_closed_expired_and_dissolved_offers(need) -> None:
    own = _offer(need.organisation)
    expired = _offer(_entreprise("Entreprise expirée (exemple fictif)", "13055"))
    Listing.objects.filter(pk=expired.pk).update(expires_on=timezone.localdate() - dt.timedelta(days=1))
    dissolved_org = _entreprise("Entreprise dissoute (exemple fictif)", "13055")
    _offer(dissolved_org)
    dissolved_org.status = OrganisationStatus.DISSOLVED
    dissolved_org.save()
    assert suggestions.offers_for_need(need) == []
    assert own.organisation == need.organisation


def test_directory_organisations_of_the_kind_sought_are_suggested_member_first(need) -> None:
    quiet = _entreprise("Entreprise sans membre (exemple fictif)", "13055")
    active = _entreprise("Entreprise représentée (exemple fictif)", "13055")
    member_of(active)
    verified_organisation(name="Autre association (exemple fictif)", commune_id="13055")  # not a kind sought
    found = suggestions.organisations_for_need(need)
    assert [s.organisation for s in found] == [active, quiet]
    assert "Représentée sur la plateforme : peut vous répondre" in found[0].reasons


def test_an_organisation_sees_the_needs_seeking_its_kind_until_it_expressed_interest(need) -> None:
    entreprise = _entreprise("Entreprise d'Aix (exemple fictif)", "13001")
    found = suggestions.needs_for_organisation(entreprise)
    assert [s.listing for s in found] == [need]
    assert "Même intercommunalité (communes voisines) : Métropole d'Aix-Marseille-Provence" in found[0].reasons
    match_services.match_from_interest(listing=need, user=member_of(entreprise), organisation=entreprise)
    assert suggestions.needs_for_organisation(entreprise) == []


def test_the_public_page_shows_suggestions_and_reasons(client, need) -> None:
    _offer(_entreprise("Entreprise proche (exemple fictif)", "13055"), modalities=[PartnershipModality.objects.first()])
    html = client.get(f"/faire-alliance/{need.pk}/suggestions/").content.decode()
    assert "Entreprise proche" in html and "Même commune : Marseille" in html and "Score" in html
    assert client.get("/faire-alliance/999999/suggestions/").status_code == 404
