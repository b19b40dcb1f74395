"""Inputs once found to break a page or the API: a French answer, never a 500."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_limits(settings) -> None:
    settings.SEARCH_RATE = "100000/min"
    settings.API_THROTTLE_ANON_RATE = "100000/min"


@pytest.mark.parametrize("path", ["/annuaire/", "/api/v1/organisations"])
@pytest.mark.parametrize("q", ["-", "*", '"', ")(", "😀"])
def test_a_directory_query_without_a_searchable_word_finds_nothing(client, vocabularies, no_limits, path, q) -> None:
    response = client.get(path, {"q": q})
    assert response.status_code == 200


PAGED = ["/annuaire/", "/recherche/", "/exemples-inspirants/", "/actualites/", "/territoires/"]


@pytest.mark.parametrize("path", PAGED)
@pytest.mark.parametrize("page", ["²", "١", "１", "9" * 40])
def test_a_page_number_outside_ascii_digits_shows_the_first_page(client, vocabularies, no_limits, path, page) -> None:
    response = client.get(path, {"page": page})
    assert response.status_code == 200


@pytest.mark.parametrize("odd", ["²", "0", "18"])
def test_an_unusable_sdg_filter_is_ignored_with_a_french_warning(client, vocabularies, no_limits, odd) -> None:
    response = client.get("/annuaire/", {"odd": odd})
    assert "attend un numéro de 1 à 17" in response.content.decode()


def test_an_empty_api_filter_is_the_same_as_no_filter(client, programme, no_limits) -> None:
    plain = client.get("/api/v1/roadmap/measures")
    empty = client.get("/api/v1/roadmap/measures", {"status": "", "dimension": "", "workstream": "", "limit": ""})
    assert empty.status_code == 200
    assert empty.json() == plain.json()


def test_every_empty_query_parameter_of_every_list_operation_is_no_filter(client, programme, no_limits) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path, item in paths.items():
        if "{" in path or "get" not in item:
            continue
        plain = client.get(path)
        for parameter in item["get"].get("parameters", []):
            if parameter["in"] == "query":
                empty = client.get(path, QUERY_STRING=f"{parameter['name']}=")
                assert (empty.status_code, empty.content) == (plain.status_code, plain.content), (path, parameter)


def test_an_empty_page_filter_is_the_same_as_no_filter(client, vocabularies, no_limits) -> None:
    response = client.get("/annuaire/", {"type": "", "odd": "", "code": ""})
    assert "ignoré" not in response.content.decode()
