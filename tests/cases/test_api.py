from __future__ import annotations

import pytest

from tests.cases.factories import CaseFactory, partners, targets

pytestmark = pytest.mark.django_db


def test_cases_list_serves_published_cases_with_type_url_and_demo_flag(client, vocabularies) -> None:
    case = CaseFactory(demo=True)
    data = client.get("/api/v1/cases").json()
    assert data["count"] == 1
    item = data["items"][0]
    assert (item["type"], item["id"], item["url"], item["is_demo"]) == ("case", case.pk, case.get_absolute_url(), True)
    assert {"count", "items", "facets"} <= set(data)


def test_cases_can_be_filtered_by_region_including_its_communes(client, vocabularies, territories) -> None:
    in_lyon = CaseFactory(territory_level="commune", territory_code="69123")
    CaseFactory(territory_level="commune", territory_code="75056")
    data = client.get("/api/v1/cases?region=84").json()
    assert [item["id"] for item in data["items"]] == [in_lyon.pk]


def test_cases_can_be_filtered_by_actor_kind_and_sdg(client, vocabularies) -> None:
    wanted = CaseFactory(partners=partners("fondation", "collectivite"), sdg_targets=targets("12.5"))
    CaseFactory(partners=partners("fondation", "entreprise"), sdg_targets=targets("3.4"))
    data = client.get("/api/v1/cases?actor_kind=collectivite&sdg=12").json()
    assert [item["id"] for item in data["items"]] == [wanted.pk]


@pytest.mark.parametrize("field", ["actor_kind", "modality", "sdg", "region", "departement"])
def test_an_unknown_filter_value_is_a_422_naming_the_field(client, vocabularies, field) -> None:
    response = client.get(f"/api/v1/cases?{field}=inconnu")
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == field


def test_case_detail_has_partners_territory_and_sources(client, vocabularies) -> None:
    case = CaseFactory(sources=[("https://example.org/source", "Source d'essai")])
    data = client.get(f"/api/v1/cases/{case.pk}").json()
    assert data["partners"][0]["kind"] == "association"
    assert data["territory"]["level"] == "france"
    assert data["sources"] == [{"url": "https://example.org/source", "label": "Source d'essai"}]


def test_a_draft_case_is_invisible_in_the_api(client, vocabularies) -> None:
    case = CaseFactory(draft=True)
    assert client.get(f"/api/v1/cases/{case.pk}").status_code == 404
    assert client.get("/api/v1/cases").json()["count"] == 0


def test_cases_list_is_paginated_with_limit_and_offset(client, vocabularies) -> None:
    for _ in range(3):
        CaseFactory()
    data = client.get("/api/v1/cases?limit=2&offset=2").json()
    assert data["count"] == 3
    assert len(data["items"]) == 1
