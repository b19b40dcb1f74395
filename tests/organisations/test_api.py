from __future__ import annotations

import pytest

from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def orgs(territories, reference_data):
    return [
        OrganisationFactory(name="Les Jardins du Panier", commune_id="13055", rna="W131000001"),
        OrganisationFactory(name="Éco-Lien Paris", commune_id="75056"),
    ]


def test_list_is_paginated_with_count_and_items(client, orgs) -> None:
    data = client.get("/api/v1/organisations", {"limit": 1}).json()
    assert data["count"] == 2 and len(data["items"]) == 1


def test_search_and_territory_filter(client, orgs) -> None:
    data = client.get("/api/v1/organisations", {"q": "jardins", "territory": "departement:13"}).json()
    assert [item["name"] for item in data["items"]] == ["Les Jardins du Panier"]
    assert data["items"][0]["departement"] == "13"


def test_unknown_territory_is_a_404_in_french(client, orgs) -> None:
    response = client.get("/api/v1/organisations", {"territory": "departement:00"})
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"territory": "13"}, "territory"),
        ({"territory": "departement:ABC"}, "territory"),
        ({"kind": "inconnu"}, "kind"),
        ({"sdg": "18"}, "sdg"),
        ({"sdg": "abc"}, "sdg"),
    ],
)
def test_malformed_filter_is_a_422_naming_the_field(client, orgs, params, field) -> None:
    response = client.get("/api/v1/organisations", params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == field


def test_detail(client, orgs) -> None:
    data = client.get(f"/api/v1/organisations/{orgs[0].pk}").json()
    assert data["rna"] == "W131000001" and data["commune"] == "13055" and data["kind"] == "association"


def test_unknown_organisation_is_a_404(client, orgs) -> None:
    response = client.get("/api/v1/organisations/999999")
    assert response.status_code == 404 and "introuvable" in response.json()["detail"]
