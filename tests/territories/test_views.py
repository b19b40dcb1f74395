from __future__ import annotations

import pytest
from django.utils.html import escape

pytestmark = pytest.mark.django_db


def test_index_lists_the_18_regions_with_a_search_form(client, territories) -> None:
    html = client.get("/territoires/").content.decode()
    assert "<title>Territoires — " in html
    assert 'name="q"' in html and 'role="search"' in html
    assert html.count('href="/territoires/regions/') == 18
    assert "/static/territories/autocomplete.js" in html


def test_territories_are_in_the_main_navigation(client, territories) -> None:
    html = client.get("/").content.decode()
    assert 'href="/territoires/"' in html


def test_search_page_finds_marseille_by_postcode_without_javascript(client, territories) -> None:
    html = client.get("/territoires/", {"q": "13001"}).content.decode()
    assert 'href="/territoires/communes/13001/"' in html  # Aix-en-Provence, first in alphabetical order
    assert "Résultats pour « 13001 »" in html


def test_search_page_says_when_nothing_is_found(client, territories) -> None:
    html = client.get("/territoires/", {"q": "zzzzzz"}).content.decode()
    assert "Aucun territoire ne correspond" in html


def test_region_page_lists_its_departements(client, territories) -> None:
    response = client.get("/territoires/regions/84/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Auvergne-Rhône-Alpes</h1>" in html
    assert 'href="/territoires/departements/42/"' in html
    assert 'class="fr-breadcrumb"' in html


def test_departement_page_shows_its_region_epcis_and_paginated_communes(client, territories) -> None:
    html = client.get("/territoires/departements/42/", {"page": 2}).content.decode()
    assert 'href="/territoires/regions/84/"' in html
    assert 'href="/territoires/epci/' in html
    assert "page 2 sur" in html
    assert 'class="fr-pagination"' in html


def test_epci_page_shows_its_departement_and_member_communes(client, territories) -> None:
    html = client.get("/territoires/epci/200054807/").content.decode()  # Métropole d'Aix-Marseille-Provence
    assert 'href="/territoires/departements/13/"' in html
    assert 'href="/territoires/communes/13001/"' in html  # Aix-en-Provence, first in alphabetical order


def test_commune_page_shows_its_parents_and_postcodes(client, territories) -> None:
    html = client.get("/territoires/communes/42218/").content.decode()
    assert "Saint-Étienne (42)" in html
    assert 'href="/territoires/regions/84/"' in html
    assert 'href="/territoires/departements/42/"' in html
    assert 'href="/territoires/epci/' in html
    assert "42000" in html
    assert escape("Commune de Saint-Étienne (42)") in html


@pytest.mark.parametrize(
    "url",
    [
        "/territoires/regions/99/",
        "/territoires/departements/00/",
        "/territoires/epci/123456789/",
        "/territoires/communes/00000/",
    ],
)
def test_an_unknown_territory_is_a_404(client, territories, url: str) -> None:
    assert client.get(url).status_code == 404
