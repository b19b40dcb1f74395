from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_regions_are_listed_with_code_and_name(client, territories) -> None:
    data = client.get("/api/v1/territories/regions?limit=100").json()
    assert data["count"] == 18
    assert {"code": "84", "name": "Auvergne-Rhône-Alpes", "url": "/territoires/regions/84/"} in data["items"]


def test_departements_can_be_filtered_by_region(client, territories) -> None:
    data = client.get("/api/v1/territories/departements?region=94").json()
    assert [(d["code"], d["region"]) for d in data["items"]] == [("2A", "94"), ("2B", "94")]


def test_epcis_can_be_filtered_by_departement(client, territories) -> None:
    data = client.get("/api/v1/territories/epci?departement=13&limit=100").json()
    assert "200054807" in {e["code"] for e in data["items"]}
    assert {"code", "name", "kind", "kind_label", "population", "url"} <= data["items"][0].keys()


def test_communes_search_returns_marseille_with_its_attachments(client, territories) -> None:
    data = client.get("/api/v1/territories/communes?q=marseille&limit=1").json()
    assert data["count"] > 1
    marseille = data["items"][0]
    assert (marseille["code"], marseille["name"], marseille["departement"], marseille["region"]) == (
        "13055",
        "Marseille",
        "13",
        "93",
    )
    assert marseille["epci"] == "200054807"
    assert "13001" in marseille["postcodes"]
    assert marseille["population"] > 800_000


def test_communes_search_by_postcode(client, territories) -> None:
    data = client.get("/api/v1/territories/communes?q=13001").json()
    assert data["items"][0]["code"] == "13055"


def test_communes_can_be_filtered_by_epci(client, territories) -> None:
    data = client.get("/api/v1/territories/communes?epci=200054807&limit=200").json()
    assert data["count"] > 90
    assert {c["epci"] for c in data["items"]} == {"200054807"}


def test_commune_detail(client, territories) -> None:
    data = client.get("/api/v1/territories/communes/42218").json()
    assert (data["code"], data["name"]) == ("42218", "Saint-Étienne")


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/territories/regions/99",
        "/api/v1/territories/departements/00",
        "/api/v1/territories/epci/123456789",
        "/api/v1/territories/communes/00000",
    ],
)
def test_an_unknown_territory_code_is_a_json_404_in_french(client, territories, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "introuvable" in response.json()["detail"]


def test_an_unknown_territory_used_as_a_filter_is_a_404(client, territories) -> None:
    response = client.get("/api/v1/territories/communes?departement=99")
    assert response.status_code == 404
    assert "99" in response.json()["detail"]


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/territories/departements?region=abc", "region"),
        ("/api/v1/territories/epci?departement=1234", "departement"),
        ("/api/v1/territories/communes?epci=12", "epci"),
        ("/api/v1/territories/communes?limit=abc", "limit"),
    ],
)
def test_a_malformed_filter_is_a_422_naming_the_field(client, territories, url: str, field: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == field
