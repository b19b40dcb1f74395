"""« ?exemples=masquer » hides the demo content (« exemples fictifs ») in search, listings and the API."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from search.filters import SearchFilters
from search.selectors import search
from syndication.queries import filters_from_query, matching_documents
from tests.cases.factories import CaseFactory
from tests.resources.factories import StudyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(vocabularies, territories) -> None:
    CaseFactory(title="Alliance réelle", territory_level="region", territory_code="84")
    CaseFactory(title="Alliance fictive", demo=True, territory_level="region", territory_code="84")
    StudyFactory(title="Étude fictive sur les alliances", is_demo=True)


def test_the_search_leaves_the_demo_items_out_when_asked(mixed) -> None:
    results = search(SearchFilters(q="alliance", hide_demo=True))
    assert [d.title for d in results.documents] == ["Alliance réelle"]


def test_facet_counts_leave_the_demo_items_out_too(mixed, territories) -> None:
    results = search(SearchFilters(hide_demo=True), facets=["region"])
    assert [(o.value, o.count) for o in results.facets[0].options] == [("84", 1)]


def test_without_the_filter_the_demo_items_stay(mixed) -> None:
    assert search(SearchFilters(q="alliance")).count == 3


def test_the_search_page_has_the_checkbox_and_honours_it(client, mixed) -> None:
    html = client.get("/recherche/?q=alliance&exemples=masquer").content.decode()
    assert 'name="exemples" value="masquer" checked' in html
    assert "Alliance réelle" in html
    assert "Alliance fictive" not in html


@pytest.mark.parametrize("url", ["/exemples-inspirants/", "/etudes-et-rapports/"])
def test_section_listings_hide_the_demo_items_with_the_same_parameter(client, mixed, url) -> None:
    html = client.get(f"{url}?exemples=masquer").content.decode()
    assert 'name="exemples" value="masquer" checked' in html
    assert "fictive" not in html


def test_another_value_hides_nothing(client, mixed) -> None:
    assert "Alliance fictive" in client.get("/recherche/?q=alliance&exemples=oui").content.decode()


@pytest.mark.parametrize("url", ["/api/v1/search", "/api/v1/cases"])
def test_the_api_takes_the_same_parameter(client, mixed, url) -> None:
    data = client.get(f"{url}?q=alliance&exemples=masquer").json()
    assert [item["is_demo"] for item in data["items"]] == [False]


def test_feeds_and_alerts_follow_the_filter(mixed) -> None:
    documents = matching_documents(filters_from_query(QueryDict("q=alliance&exemples=masquer")))
    assert [d.title for d in documents] == ["Alliance réelle"]


def test_the_filters_say_their_counts_include_the_demo_items_until_they_are_hidden(client, mixed) -> None:
    shown = client.get("/recherche/?q=alliance").content.decode()
    assert "comprennent les exemples fictifs (2 parmi ces résultats)" in shown
    hidden = client.get("/recherche/?q=alliance&exemples=masquer").content.decode()
    assert "comprennent les exemples fictifs" not in hidden
