# ruff: noqa: S314  (the tests parse the platform's own XML responses)
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.cases.factories import CaseFactory
from tests.resources.factories import EventFactory, NewsItemFactory, StudyFactory, ToolFactory

pytestmark = pytest.mark.django_db

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _locations(client, path: str) -> list[str]:
    response = client.get(path)
    assert response.status_code == 200
    return [loc.text for loc in ET.fromstring(response.content).iter(f"{NS}loc")]


def _all_locations(client) -> list[str]:
    locations = []
    for sitemap in _locations(client, "/sitemap.xml"):
        locations.extend(_locations(client, sitemap.removeprefix("http://testserver")))
    return locations


def test_the_sitemap_index_lists_one_sitemap_per_kind(client, db) -> None:
    sitemaps = _locations(client, "/sitemap.xml")
    assert "http://testserver/sitemap-pages.xml" in sitemaps
    assert "http://testserver/sitemap-exemples-inspirants.xml" in sitemaps
    assert "http://testserver/sitemap-departements.xml" in sitemaps


def test_the_sitemap_holds_home_sections_and_published_items(client, vocabularies) -> None:
    items = [CaseFactory(), ToolFactory(), StudyFactory(), NewsItemFactory(), EventFactory()]
    locations = _all_locations(client)
    for path in ("/", "/exemples-inspirants/", "/actualites/", "/agenda/", "/outils-et-methodes/"):
        assert f"http://testserver{path}" in locations
    for item in items:
        assert f"http://testserver{item.get_absolute_url()}" in locations


def test_unpublished_items_never_appear_in_the_sitemap(client, vocabularies) -> None:
    drafts = [
        CaseFactory(draft=True),
        ToolFactory(draft=True),
        StudyFactory(draft=True),
        NewsItemFactory(draft=True),
        EventFactory(draft=True),
    ]
    withdrawn = CaseFactory()
    withdrawn.unpublish()
    locations = _all_locations(client)
    for item in [*drafts, withdrawn]:
        assert f"http://testserver{item.get_absolute_url()}" not in locations


def test_the_sitemap_holds_roadmap_measures_bilans_regions_and_departements_but_no_commune(client, programme) -> None:
    from roadmap.models import Bilan, Measure

    locations = _all_locations(client)
    measure = Measure.objects.published().first()
    assert f"http://testserver{measure.get_absolute_url()}" in locations
    for bilan in Bilan.objects.published():
        assert f"http://testserver{bilan.get_absolute_url()}" in locations
    assert "http://testserver/territoires/regions/93/" in locations
    assert "http://testserver/territoires/departements/13/" in locations
    assert not any("/territoires/communes/" in location for location in locations)


def test_an_unknown_sitemap_is_a_404(client, db) -> None:
    assert client.get("/sitemap-inconnu.xml").status_code == 404
