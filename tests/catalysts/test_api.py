from __future__ import annotations

import pytest

from tests.catalysts.factories import CatalystFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalysts(geography):
    return [
        CatalystFactory(name="Catalyseur fictif A", departements=["13"]),
        CatalystFactory(name="Catalyseur fictif B", regions=["11"]),
        CatalystFactory(name="Catalyseur fictif C", departements=["13"], is_active=False),
    ]


def test_list_gives_active_catalysts_with_the_demo_flag(client, catalysts) -> None:
    data = client.get("/api/v1/catalysts").json()
    assert data["count"] == 2
    assert data["items"][0]["is_demo"] is True and data["items"][0]["departements"] == ["13"]


@pytest.mark.parametrize(
    ("territory", "names"),
    [
        ("departement:13", ["Catalyseur fictif A"]),
        ("departement:75", ["Catalyseur fictif B"]),
        ("region:93", ["Catalyseur fictif A"]),
        ("region:11", ["Catalyseur fictif B"]),
        ("region:84", []),
    ],
)
def test_territory_filter(client, catalysts, territory, names) -> None:
    data = client.get("/api/v1/catalysts", {"territory": territory}).json()
    assert [item["name"] for item in data["items"]] == names


def test_unknown_territory_is_a_404_in_french(client, catalysts) -> None:
    response = client.get("/api/v1/catalysts", {"territory": "departement:00"})
    assert response.status_code == 404 and "Aucun territoire" in response.json()["detail"]


@pytest.mark.parametrize("territory", ["13", "departement:ABC", "pays:FR"])
def test_malformed_territory_is_a_422_naming_the_field(client, catalysts, territory) -> None:
    response = client.get("/api/v1/catalysts", {"territory": territory})
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "territory"


def test_detail_lists_covered_departements(client, catalysts) -> None:
    data = client.get(f"/api/v1/catalysts/{catalysts[1].pk}").json()
    assert data["regions"] == ["11"] and "75" in data["covered_departements"] and len(data["covered_departements"]) == 8


def test_inactive_or_unknown_catalyst_is_a_404(client, catalysts) -> None:
    assert client.get(f"/api/v1/catalysts/{catalysts[2].pk}").status_code == 404
    assert client.get("/api/v1/catalysts/999999").status_code == 404


def test_organisations_can_be_filtered_by_the_territory_of_a_catalyst(client, catalysts) -> None:
    from tests.organisations.factories import OrganisationFactory

    OrganisationFactory(name="Association fictive de Marseille", commune_id="13055")
    OrganisationFactory(name="Association fictive de Lyon", commune_id="69123")
    data = client.get("/api/v1/organisations", {"catalyst": catalysts[0].pk}).json()
    assert [item["name"] for item in data["items"]] == ["Association fictive de Marseille"]
    assert client.get("/api/v1/organisations", {"catalyst": catalysts[2].pk}).status_code == 404


@pytest.mark.parametrize(("value", "names"), [("false", ["Réseau réel"]), ("true", ["Catalyseur fictif A"])])
def test_list_filters_on_the_demo_flag(client, geography, value, names) -> None:
    CatalystFactory(name="Catalyseur fictif A", departements=["13"], is_demo=True)
    CatalystFactory(name="Réseau réel", departements=["13"], is_demo=False)
    data = client.get("/api/v1/catalysts", {"is_demo": value}).json()
    assert [item["name"] for item in data["items"]] == names and data["count"] == 1
