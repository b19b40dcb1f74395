# ruff: noqa: S314  (the tests parse the platform's own XML responses)
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from tests.cases.factories import CaseFactory
from tests.resources.factories import EventFactory, NewsItemFactory, StudyFactory, ToolFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def _rss_titles(response) -> list[str]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return [item.findtext("title") for item in channel.findall("item")]


@pytest.mark.parametrize(
    ("path", "factory", "title"),
    [
        ("/actualites/flux.xml", NewsItemFactory, "Alliances & Territoires — Actualités"),
        ("/etudes-et-rapports/flux.xml", StudyFactory, "Alliances & Territoires — Études & rapports"),
        ("/outils-et-methodes/flux.xml", ToolFactory, "Alliances & Territoires — Outils & méthodes"),
        ("/agenda/flux.xml", EventFactory, "Alliances & Territoires — Agenda"),
    ],
)
def test_each_section_feed_lists_its_published_items_with_a_french_title(
    client, vocabularies, path, factory, title
) -> None:
    factory(title="Élément publié")
    factory(title="Élément en brouillon", draft=True)
    response = client.get(path)
    assert ET.fromstring(response.content).find("channel").findtext("title") == title
    assert ET.fromstring(response.content).find("channel").findtext("language") == "fr"
    assert _rss_titles(response) == ["Élément publié"]


def test_the_cases_feed_holds_only_cases(client, vocabularies) -> None:
    CaseFactory(title="Alliance publiée")
    NewsItemFactory(title="Une actualité")
    assert _rss_titles(client.get("/exemples-inspirants/flux.xml")) == ["Alliance publiée"]


def test_a_feed_item_links_to_the_item_page_on_the_requesting_host(client, vocabularies) -> None:
    case = CaseFactory()
    channel = ET.fromstring(client.get("/exemples-inspirants/flux.xml").content).find("channel")
    assert channel.find("item").findtext("link") == f"http://testserver{case.get_absolute_url()}"


def test_an_unpublished_or_expired_item_never_reaches_a_feed(client, vocabularies) -> None:
    CaseFactory(title="Alliance en brouillon", draft=True)
    expired = CaseFactory(title="Alliance expirée")
    type(expired).objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timezone.timedelta(minutes=1))
    from search.models import SearchDocument

    SearchDocument.objects.filter(object_id=expired.pk).update(expire_at=timezone.now() - timezone.timedelta(minutes=1))
    for path in ("/exemples-inspirants/flux.xml", "/recherche/flux.xml?q=alliance", "/recherche/flux.atom"):
        body = client.get(path).content.decode()
        assert "Alliance en brouillon" not in body
        assert "Alliance expirée" not in body


def test_a_demo_item_is_labelled_exemple_fictif_in_the_feed(client, vocabularies) -> None:
    CaseFactory(title="Alliance de démonstration", demo=True)
    assert _rss_titles(client.get("/exemples-inspirants/flux.xml")) == ["Alliance de démonstration (exemple fictif)"]


def test_the_search_feed_follows_the_query_string_of_the_search_page(client, vocabularies) -> None:
    CaseFactory(title="Une économie circulaire locale")
    CaseFactory(title="Une alliance pour la santé")
    titles = _rss_titles(client.get("/recherche/flux.xml?q=economie+circulaire"))
    assert titles == ["Une économie circulaire locale"]


def test_the_search_feed_applies_the_filters(client, vocabularies) -> None:
    CaseFactory(title="Alliance filtrée")
    NewsItemFactory(title="Actualité filtrée")
    assert _rss_titles(client.get("/recherche/flux.xml?section=news")) == ["Actualité filtrée"]


def test_the_search_feed_title_quotes_the_query(client, vocabularies) -> None:
    channel = ET.fromstring(client.get("/recherche/flux.xml?q=recyclerie").content).find("channel")
    assert channel.findtext("title") == "Alliances & Territoires — recherche « recyclerie »"


@pytest.mark.parametrize(
    "query",
    ["q=" + "a" * 2000, "q=%27%3B+DROP+TABLE+search_searchdocument%3B--", "q=<script>alert(1)</script>", "region=zzz"],
)
def test_odd_search_feed_input_gives_a_valid_feed_never_a_500(client, vocabularies, query) -> None:
    response = client.get(f"/recherche/flux.xml?{query}")
    assert response.status_code in (200, 414)
    if response.status_code == 200:
        ET.fromstring(response.content)
        assert b"<script>" not in response.content


def test_the_atom_feed_is_valid_atom(client, vocabularies) -> None:
    CaseFactory(title="Alliance atomique")
    response = client.get("/exemples-inspirants/flux.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")] == ["Alliance atomique"]


def test_an_unknown_section_has_no_feed(client, db) -> None:
    assert client.get("/inconnue/flux.xml").status_code == 404


@pytest.mark.parametrize(
    ("path", "feed"),
    [
        ("/exemples-inspirants/", "/exemples-inspirants/flux.xml"),
        ("/actualites/", "/actualites/flux.xml"),
        ("/etudes-et-rapports/", "/etudes-et-rapports/flux.xml"),
        ("/outils-et-methodes/", "/outils-et-methodes/flux.xml"),
        ("/agenda/", "/agenda/flux.xml"),
    ],
)
def test_section_pages_announce_their_feed_in_the_head(client, vocabularies, path, feed) -> None:
    html = client.get(path).content.decode()
    head = html.split("</head>")[0]
    assert '<link rel="alternate" type="application/rss+xml"' in head
    assert f'href="{feed}"' in head


def test_the_search_page_announces_the_feed_of_its_own_query(client, vocabularies) -> None:
    html = client.get("/recherche/?q=recyclerie&section=case&page=2").content.decode()
    head = html.split("</head>")[0]
    assert 'href="/recherche/flux.xml?q=recyclerie&amp;section=case"' in head


def test_other_pages_announce_no_feed(client, vocabularies) -> None:
    assert 'rel="alternate"' not in client.get("/mentions-legales/").content.decode()
