from __future__ import annotations

import pytest

from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_search_page_lists_matching_items_with_their_section(client, vocabularies) -> None:
    CaseFactory(title="Une économie circulaire locale")
    html = client.get("/recherche/?q=economie+circulaire").content.decode()
    assert "1 résultat pour « economie circulaire »" in html
    assert "Une économie circulaire locale" in html
    assert "Exemple inspirant" in html


def test_a_demo_item_is_labelled_exemple_fictif_in_results(client, vocabularies) -> None:
    CaseFactory(title="Alliance fictive", demo=True)
    assert "Exemple fictif" in client.get("/recherche/?q=alliance").content.decode()


def test_the_filter_state_of_the_url_is_shown_checked(client, vocabularies) -> None:
    CaseFactory()
    html = client.get("/recherche/?actor_kind=association").content.decode()
    assert 'id="filtre-actor_kind-association" name="actor_kind" value="association" checked' in html


def test_an_htmx_request_gets_only_the_results_fragment(client, vocabularies) -> None:
    CaseFactory(title="Recyclerie")
    response = client.get("/recherche/?q=recyclerie", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "Recyclerie" in html
    assert "<html" not in html


def test_an_htmx_history_restore_gets_the_full_page(client, vocabularies) -> None:
    response = client.get("/recherche/", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["", "a" * 2000, "'; DROP TABLE search_searchdocument; --", '"unbalanced', "NEAR(a b) OR *", "%_\\"],
)
def test_odd_queries_give_a_normal_results_page(client, vocabularies, query) -> None:
    CaseFactory()
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    assert 'id="nombre-resultats"' in response.content.decode()


def test_html_in_the_query_is_escaped(client, vocabularies) -> None:
    html = client.get("/recherche/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_an_unknown_filter_value_is_ignored_with_a_french_warning(client, vocabularies) -> None:
    CaseFactory()
    response = client.get("/recherche/?region=zz")
    assert response.status_code == 200
    html = response.content.decode()
    assert "valeur inconnue" in html
    assert "1 résultat" in html


def test_a_page_number_beyond_the_last_shows_the_last_page(client, vocabularies) -> None:
    CaseFactory()
    assert client.get("/recherche/?page=999").status_code == 200
