from __future__ import annotations

import pytest

from tests.cases.factories import CaseFactory
from tests.resources.factories import StudyFactory, ToolFactory

pytestmark = pytest.mark.django_db


def test_search_returns_count_items_and_facets(client, vocabularies) -> None:
    CaseFactory(title="Économie circulaire", demo=True)
    data = client.get("/api/v1/search?q=economie+circulaire").json()
    assert data["count"] == 1
    item = data["items"][0]
    assert {k: item[k] for k in ("type", "title", "is_demo")} == {
        "type": "case",
        "title": "Économie circulaire",
        "is_demo": True,
    }
    assert item["url"].startswith("/exemples-inspirants/")
    assert {group["name"] for group in data["facets"]} >= {"section", "actor_kind", "region", "phase"}


def test_search_filters_by_section(client, vocabularies) -> None:
    CaseFactory()
    ToolFactory()
    StudyFactory()
    data = client.get("/api/v1/search?section=tool&section=study").json()
    assert sorted(item["type"] for item in data["items"]) == ["study", "tool"]


def test_search_never_returns_a_draft(client, vocabularies) -> None:
    CaseFactory(title="Recyclerie", draft=True)
    assert client.get("/api/v1/search?q=recyclerie").json()["count"] == 0


def test_an_unknown_section_is_a_422_naming_the_field(client, vocabularies) -> None:
    response = client.get("/api/v1/search?section=inconnue")
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "section"


@pytest.mark.parametrize("query", ["", "a" * 2000, "'; DROP TABLE x; --", "<b>gras</b>"])
def test_odd_queries_are_answered_normally(client, vocabularies, query) -> None:
    response = client.get("/api/v1/search", {"q": query})
    assert response.status_code == 200
