"""A person goes from the home page through a door to the search, narrows it and opens a case."""

from __future__ import annotations

import re

import pytest

from tests.e2e.accessibility import assert_accessible

pytestmark = pytest.mark.e2e


@pytest.fixture
def hub_page(page, demo_content):
    return page


def _facet(page, legend: str):
    details = page.locator("#zone-resultats details", has=page.locator("summary", has_text=legend))
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return details


def _check_first(page, legend: str, parameter: str) -> None:
    label = _facet(page, legend).locator("label").first  # DSFR draws the box on the label
    with page.expect_response(lambda r: "/recherche/" in r.url and f"{parameter}=" in r.url):
        label.click()
    page.wait_for_url(re.compile(rf"[?&]{parameter}="))
    page.wait_for_load_state("networkidle")


def test_home_door_search_narrow_and_open_a_case(hub_page) -> None:
    page = hub_page
    page.goto("/")
    assert_accessible(page)

    page.get_by_role("link", name="Je représente une organisation").click()
    page.wait_for_url(re.compile(r"/organisations/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Je représente une organisation"
    assert page.get_by_role("link", name="1. Outils & méthodes").is_visible()
    assert_accessible(page)

    page.get_by_label("Rechercher sur la plateforme").fill("economie circulaire")
    page.get_by_label("Rechercher sur la plateforme").press("Enter")
    page.wait_for_url(re.compile(r"/recherche/\?q=economie\+circulaire"))
    status = page.locator("#nombre-resultats")
    assert re.match(r"\d+ résultats? pour « economie circulaire »", status.inner_text())
    assert "économie circulaire" in page.locator(".at-results").inner_text()
    assert_accessible(page)

    before = int(status.inner_text().split()[0])
    _check_first(page, "Région", "region")
    _check_first(page, "Objectif de développement durable", "sdg")
    assert re.search(r"region=\d+", page.url) and re.search(r"sdg=\d+", page.url)
    after = int(page.locator("#nombre-resultats").inner_text().split()[0])
    assert 0 < after < before
    assert_accessible(page)

    page.reload()  # the filter state is a shareable address
    assert int(page.locator("#nombre-resultats").inner_text().split()[0]) == after

    page.locator(".at-results a[href^='/exemples-inspirants/']").first.click()
    page.wait_for_url(re.compile(r"/exemples-inspirants/[\w-]+/$"))
    assert page.get_by_text("Exemple fictif", exact=True).first.is_visible()
    assert page.get_by_role("table", name="Partenaires de l'alliance, leur type et leur rôle").is_visible()
    assert_accessible(page)


HUB_PAGES = [
    "/particuliers/",
    "/kit-odd-17/",
    "/kit-odd-17/co-construire-territorialement/",
    "/accompagnement-en-territoire/",
    "/outils-et-methodes/",
    "/outils-et-methodes/cartographie/",
    "/etudes-et-rapports/",
    "/actualites/",
    "/agenda/",
]


def test_hub_pages_have_no_serious_accessibility_violation(hub_page) -> None:
    for path in HUB_PAGES:  # one demo load for every page type
        response = hub_page.goto(path)
        assert response.status == 200, path
        assert_accessible(hub_page)
