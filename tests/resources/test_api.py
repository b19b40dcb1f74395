from __future__ import annotations

import pytest

from reference.models import ActorKind
from tests.resources.factories import NewsItemFactory, StudyFactory, ToolFactory

pytestmark = pytest.mark.django_db


def test_tools_are_served_with_phase_maturity_and_audiences(client, vocabularies) -> None:
    ToolFactory(phase="piloter", audiences=[ActorKind.objects.get(slug="association")], is_demo=True)
    item = client.get("/api/v1/tools").json()["items"][0]
    assert (item["type"], item["phase"], item["audiences"], item["is_demo"]) == (
        "tool",
        "piloter",
        ["association"],
        True,
    )


def test_tools_can_be_filtered_by_maturity(client, vocabularies) -> None:
    ToolFactory(maturity="approfondir")
    ToolFactory(maturity="decouvrir")
    assert client.get("/api/v1/tools?maturity=approfondir").json()["count"] == 1


def test_resources_of_one_section_are_listed(client, vocabularies) -> None:
    StudyFactory()
    NewsItemFactory()
    data = client.get("/api/v1/resources?section=news").json()
    assert [item["type"] for item in data["items"]] == ["news"]


@pytest.mark.parametrize(
    ("url", "field"), [("/api/v1/resources?section=case", "section"), ("/api/v1/tools?phase=x", "phase")]
)
def test_an_unknown_value_is_a_422_naming_the_field(client, vocabularies, url, field) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == field


def test_a_draft_resource_is_invisible_in_the_api(client, vocabularies) -> None:
    StudyFactory(draft=True)
    assert client.get("/api/v1/resources?section=study").json()["count"] == 0
