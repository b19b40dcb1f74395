from __future__ import annotations

import pytest

from catalysts.tilemap import POSITIONS
from tests.catalysts.factories import CatalystFactory

pytestmark = pytest.mark.django_db


def test_list_filters_by_departement(client, geography) -> None:
    CatalystFactory(name="Catalyseur fictif des Bouches-du-Rhône", departements=["13"])
    CatalystFactory(name="Catalyseur fictif de Paris", departements=["75"])
    html = client.get("/accompagnement/catalyseurs/", {"departement": "13"}).content.decode()
    assert "Catalyseur fictif des Bouches-du-Rhône" in html and "Catalyseur fictif de Paris" not in html
    assert "Exemple fictif" in html


def test_list_filters_by_region_through_its_departements(client, geography) -> None:
    CatalystFactory(name="Catalyseur fictif du Var", departements=["83"])
    CatalystFactory(name="Catalyseur fictif de Paris", departements=["75"])
    html = client.get("/accompagnement/catalyseurs/", {"region": "93"}).content.decode()
    assert "Catalyseur fictif du Var" in html and "Catalyseur fictif de Paris" not in html


def test_list_ignores_an_unknown_departement_with_a_warning(client, geography) -> None:
    CatalystFactory(name="Catalyseur fictif de Paris", departements=["75"])
    response = client.get("/accompagnement/catalyseurs/", {"departement": "00"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "valeur inconnue" in html and "Catalyseur fictif de Paris" in html


def test_inactive_catalyst_has_no_page(client, geography) -> None:
    catalyst = CatalystFactory(departements=["13"], is_active=False)
    assert client.get(catalyst.get_absolute_url()).status_code == 404


def test_detail_shows_covered_departements_and_contact(client, geography) -> None:
    catalyst = CatalystFactory(regions=["94"], contact_url="https://contact.example.org/")
    html = client.get(catalyst.get_absolute_url()).content.decode()
    assert "Corse-du-Sud (2A)" in html and "Haute-Corse (2B)" in html
    assert "https://contact.example.org/" in html and "Exemple fictif" in html


def test_map_page_has_the_map_image_and_a_table_of_101_departements(client, geography) -> None:
    CatalystFactory(departements=["13"], is_demo=False)
    html = client.get("/accompagnement/carte/").content.decode()
    assert 'src="/accompagnement/carte.svg"' in html
    assert "<caption>Catalyseurs et organisations par département</caption>" in html
    assert html.count('<tr><th scope="row"><a href="/accompagnement/catalyseurs/?departement=') == 101
    assert "Territoires sans accompagnement" in html and "100 départements sans catalyseur actif réel" in html


def test_map_svg_has_one_tile_per_departement(client, geography) -> None:
    CatalystFactory(departements=["13"])
    response = client.get("/accompagnement/carte.svg")
    svg = response.content.decode()
    assert response["Content-Type"].startswith("image/svg+xml")
    assert svg.count('<g class="tile"') == 101
    assert 'data-code="13" data-catalysts="1" data-demo="1"' in svg and 'data-code="75" data-catalysts="0"' in svg


def test_tile_grid_places_every_departement_on_its_own_square() -> None:
    assert len(POSITIONS) == 101
    assert len(set(POSITIONS.values())) == 101


def test_uncovered_csv_lists_departements_without_catalyst(client, geography) -> None:
    CatalystFactory(departements=["13"], is_demo=False)
    response = client.get("/accompagnement/territoires-sans-accompagnement.csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert response["Content-Disposition"] == 'attachment; filename="territoires-sans-accompagnement.csv"'
    assert lines[0] == "code_departement;departement;region;catalyseurs_actifs;exemples_fictifs;organisations"
    assert len(lines) == 101 and not any(line.startswith("13;") for line in lines)


def test_uncovered_csv_keeps_departements_covered_only_by_demo_with_their_demo_count(client, geography) -> None:
    CatalystFactory(departements=["13"], is_demo=True)
    lines = client.get("/accompagnement/territoires-sans-accompagnement.csv").content.decode("utf-8-sig").splitlines()
    assert "13;Bouches-du-Rhône;Provence-Alpes-Côte d'Azur;0;1;0" in lines


def test_list_says_how_many_catalysts_are_demo_and_can_hide_them(client, geography) -> None:
    CatalystFactory(name="Réseau réel", departements=["13"], is_demo=False)
    CatalystFactory(name="Réseau d'essai", departements=["13"], is_demo=True)
    html = client.get("/accompagnement/catalyseurs/").content.decode()
    assert "2 catalyseurs actifs, dont 1 exemple fictif." in html
    hidden = client.get("/accompagnement/catalyseurs/", {"exemples": "masquer"}).content.decode()
    assert "1 catalyseur actif (exemples fictifs masqués)." in hidden
    assert "Réseau réel" in hidden and "Réseau d&#x27;essai" not in hidden
    assert 'name="exemples" value="masquer" checked' in hidden


def test_list_with_an_empty_demo_filter_hides_nothing(client, geography) -> None:
    CatalystFactory(departements=["13"], is_demo=True)
    html = client.get("/accompagnement/catalyseurs/", {"exemples": ""}).content.decode()
    assert "1 catalyseur actif, dont 1 exemple fictif." in html


def test_map_says_demo_catalysts_beside_its_figures_and_can_hide_them(client, geography) -> None:
    CatalystFactory(departements=["13"], is_demo=True)
    CatalystFactory(departements=["13"], is_demo=False)
    html = client.get("/accompagnement/carte/").content.decode()
    assert "La carte compte 2 catalyseurs actifs, dont 1 exemple fictif." in html
    assert '<th scope="col">dont exemples fictifs</th>' in html
    assert "Bouches-du-Rhône (13)</a></th><td>2</td><td>1</td>" in html
    hidden = client.get("/accompagnement/carte/", {"exemples": "masquer"}).content.decode()
    assert "Bouches-du-Rhône (13)</a></th><td>1</td><td>" in hidden
    assert 'src="/accompagnement/carte.svg?exemples=masquer"' in hidden
    svg = client.get("/accompagnement/carte.svg", {"exemples": "masquer"}).content.decode()
    assert 'data-code="13" data-catalysts="1" data-demo="0"' in svg


def test_map_svg_title_of_a_tile_says_its_demo_catalysts(client, geography) -> None:
    CatalystFactory(departements=["13"], is_demo=True)
    svg = client.get("/accompagnement/carte.svg").content.decode()
    assert "Bouches-du-Rhône (13) : 1 catalyseur, dont 1 exemple fictif" in svg
    assert "exemples fictifs compris dans 1 département" in svg


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/territoires/departements/13/", "1 catalyseur territorial actif accompagne"),
        ("/territoires/regions/93/", "1 catalyseur territorial actif accompagne"),
        ("/territoires/communes/13055/", "1 catalyseur territorial actif accompagne"),
        ("/territoires/departements/75/", "Aucun catalyseur territorial actif ne couvre ce territoire"),
    ],
)
def test_territory_pages_show_the_catalyst_count_beside_organisations(client, geography, path, expected) -> None:
    CatalystFactory(departements=["13"])
    html = client.get(path).content.decode()
    assert expected in html
    assert 'id="organisations-du-territoire"' in html


def test_territory_page_says_the_catalyst_count_includes_demo_records(client, geography) -> None:
    CatalystFactory(departements=["13"], is_demo=True)
    html = client.get("/territoires/departements/13/").content.decode()
    assert "1 catalyseur territorial actif accompagne les alliances ici, dont 1 exemple fictif." in html


def test_support_page_links_to_the_map(client, geography) -> None:
    assert 'href="/accompagnement/carte/"' in client.get("/accompagnement-en-territoire/").content.decode()


def test_list_shows_national_schemes_and_those_covering_the_territory(client, geography) -> None:
    from catalysts.models import SupportScheme

    SupportScheme.objects.create(
        name="Dispositif fictif national", provider="Financeur fictif", description="x", link="https://a.example.org/"
    )
    marseille = SupportScheme.objects.create(
        name="Dispositif fictif marseillais", provider="Ville fictive", description="x", link="https://b.example.org/"
    )
    marseille.departements.set(["13"])
    lyon = SupportScheme.objects.create(
        name="Dispositif fictif lyonnais", provider="Ville fictive", description="x", link="https://c.example.org/"
    )
    lyon.departements.set(["69"])
    html = client.get("/accompagnement/catalyseurs/", {"departement": "13"}).content.decode()
    assert "Dispositif fictif national" in html and "Dispositif fictif marseillais" in html
    assert "Dispositif fictif lyonnais" not in html
