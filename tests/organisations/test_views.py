from __future__ import annotations

import pytest

from organisations.models import OrganisationStatus
from reference.models import SustainableDevelopmentGoal
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
