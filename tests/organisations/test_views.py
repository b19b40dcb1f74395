from __future__ import annotations

import datetime as dt

import pytest

from alliances.models import Listing, ListingStatus, Match, MatchStatus
from hub.models import DEMO_LABEL
from organisations.models import OrganisationStatus
from reference.models import SustainableDevelopmentGoal
from tests.alliances.factories import listing_of, verified_organisation
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(territories, reference_data):
    marseille = OrganisationFactory(name="Les Jardins Partagés du Panier", commune_id="13055", purpose="potagers")
    OrganisationFactory(name="Éco-Lien Paris", commune_id="75056", purpose="économie circulaire à Paris")
    dissolved = OrganisationFactory(
        name="Amicale dissoute", commune_id="13001", status=OrganisationStatus.DISSOLVED, status_date="2023-06-30"
    )
    marseille.sdgs.add(SustainableDevelopmentGoal.objects.get(number=17))
    return {"marseille": marseille, "dissolved": dissolved}


def test_directory_page_has_title_breadcrumb_and_form(client, directory) -> None:
    html = client.get("/annuaire/").content.decode()
    assert "<title>Annuaire des organisations — " in html
    assert 'class="fr-breadcrumb"' in html and 'role="search"' in html
    assert "3 organisations" in html


def test_an_empty_directory_says_how_it_fills_and_a_search_without_results_suggests_widening(
    client, territories, reference_data
) -> None:
    html = client.get("/annuaire/").content.decode()
    assert "L'annuaire ne contient encore aucune organisation" in html
    assert "Essayez un autre mot" not in html
    OrganisationFactory(name="Éco-Lien Paris", commune_id="75056")
    html = client.get("/annuaire/", {"q": "jardin"}).content.decode()
    assert "Aucune organisation pour « jardin ». Essayez un autre mot ou retirez un filtre." in html
    assert "ne contient encore aucune" not in html


def test_directory_is_in_the_main_navigation(client, directory) -> None:
    assert 'href="/annuaire/"' in client.get("/").content.decode()


def test_search_ignores_accents_and_case_and_covers_the_purpose(client, directory) -> None:
    html = client.get("/annuaire/", {"q": "ECONOMIE circulaire"}).content.decode()
    assert "Éco-Lien Paris" in html and "Jardins" not in html


def test_exact_name_comes_before_purpose_matches(directory) -> None:
    from organisations import selectors

    OrganisationFactory(name="Potagers", purpose="")
    found = list(selectors.organisations(selectors.DirectoryFilters(q="potagers")))
    assert [o.name for o in found] == ["Potagers", "Les Jardins Partagés du Panier"]


def test_territory_filter_includes_the_communes_of_a_departement(client, directory) -> None:
    html = client.get("/annuaire/", {"niveau": "departement", "code": "13"}).content.decode()
    assert "Les Jardins Partagés du Panier" in html and "Amicale dissoute" in html and "Éco-Lien" not in html


def test_region_filter_includes_its_departements(client, directory) -> None:
    html = client.get("/annuaire/", {"niveau": "region", "code": "93"}).content.decode()
    assert "2 organisations" in html


def test_sdg_filter(client, directory) -> None:
    html = client.get("/annuaire/", {"odd": "17"}).content.decode()
    assert "1 organisation" in html and "Jardins" in html


def test_unknown_territory_is_ignored_with_a_french_warning(client, directory) -> None:
    html = client.get("/annuaire/", {"niveau": "departement", "code": "00"}).content.decode()
    assert "Filtre « Territoire » ignoré" in html and "3 organisations" in html


def test_htmx_request_gets_only_the_results_fragment(client, directory) -> None:
    html = client.get("/annuaire/", {"q": "jardins"}, headers={"HX-Request": "true"}).content.decode()
    assert html.lstrip().startswith('<section id="resultats"') and "<html" not in html


def test_page_number_beyond_the_results_shows_the_last_page(client, directory) -> None:
    response = client.get("/annuaire/", {"page": "999999999999"})
    assert response.status_code == 200


def test_organisation_page_shows_the_dissolution_badge(client, directory) -> None:
    html = client.get(directory["dissolved"].get_absolute_url()).content.decode()
    assert "Dissoute le 30 juin 2023" in html and 'class="fr-breadcrumb"' in html


def test_unknown_organisation_is_a_404(client, directory) -> None:
    assert client.get("/annuaire/999999/").status_code == 404


def test_injected_markup_is_escaped(client, territories, reference_data) -> None:
    organisation = OrganisationFactory(name="<script>alert(1)</script>")
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html


def test_territory_page_links_to_the_filtered_directory(client, directory) -> None:
    html = client.get("/territoires/departements/13/").content.decode()
    assert "2 organisations" in html
    assert 'href="/annuaire/?niveau=departement&amp;code=13"' in html


# « Faire alliance » on the organisation page (issue 13): the section alliances registers (organisations.sections).


def _formed(listing, partner, **kwargs):
    return Match.objects.create(
        listing=listing, requester=partner, recipient=listing.organisation, status=MatchStatus.FORMED, **kwargs
    )


@pytest.fixture
def alliance_activity(territories, vocabularies):
    owner = verified_organisation(
        name="Ressourcerie du Panier", commune_id="13055", contact_email="secret@example.invalid"
    )
    need = listing_of(owner, title="Un local pour un atelier vélo")
    offer = listing_of(owner, kind="offer", title="Des bénévoles pour un chantier", resources=["volunteers"])
    closed = listing_of(owner, title="Annonce clôturée")
    Listing.objects.filter(pk=closed.pk).update(status=ListingStatus.CLOSED)
    expired = listing_of(owner, title="Annonce expirée")
    Listing.objects.filter(pk=expired.pk).update(expires_on=dt.date(2020, 1, 1))
    partner = verified_organisation(name="Entreprise partenaire secrète", commune_id="13001")
    _formed(need, partner)
    _formed(offer, verified_organisation(name="Autre partenaire", commune_id="13001"))
    _formed(listing_of(partner, title="Exemple"), owner, is_demo=True)  # a demo match: left out, as in the statistics
    return {"owner": owner, "need": need, "offer": offer, "partner": partner}


def test_organisation_page_lists_its_open_needs_and_offers_with_links(client, alliance_activity) -> None:
    html = client.get(alliance_activity["owner"].get_absolute_url()).content.decode()
    assert "Besoins et offres « Faire alliance »" in html
    for listing in (alliance_activity["need"], alliance_activity["offer"]):
        assert f'href="{listing.get_absolute_url()}">{listing.title}</a></h4>' in html
    assert 'class="fr-card fr-enlarge-link"' in html
    assert "Annonce clôturée" not in html and "Annonce expirée" not in html
    assert "secret@example.invalid" not in html  # contact details are never public (show_contact is off)


def test_organisation_page_counts_its_formed_alliances_without_naming_the_partners(client, alliance_activity) -> None:
    html = client.get(alliance_activity["owner"].get_absolute_url()).content.decode()
    assert "2 alliances formées via la plateforme." in html  # the demo match is left out
    assert "Entreprise partenaire secrète" not in html and "Autre partenaire" not in html
    partner_html = client.get(alliance_activity["partner"].get_absolute_url()).content.decode()
    assert "1 alliance formée via la plateforme." in partner_html  # counted on either side


def test_organisation_page_says_when_it_has_no_listing_and_no_alliance(client, directory, vocabularies) -> None:
    html = client.get(directory["marseille"].get_absolute_url()).content.decode()
    assert "Aucune annonce « Je cherche » ouverte." in html
    assert "Aucune annonce « Je propose » ouverte." in html
    assert "Aucune alliance formée via la plateforme." in html


def test_a_demo_listing_is_labelled_fictional_on_the_organisation_page(client, territories, vocabularies) -> None:
    listing = listing_of(verified_organisation(name="Association fictive"), title="Besoin de démonstration")
    Listing.objects.filter(pk=listing.pk).update(is_demo=True)
    html = client.get(listing.organisation.get_absolute_url()).content.decode()
    assert "Besoin de démonstration" in html and f'<p class="fr-tag">{DEMO_LABEL}</p>' in html
