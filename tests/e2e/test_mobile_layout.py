"""On a 390-pixel-wide screen: the home page's doors and commune field without scrolling, the search
results before the filters (folded behind a button), wide tables scrolling inside their own box, and
no page that scrolls sideways."""

from __future__ import annotations

import pytest

from tests.cases.factories import CaseFactory
from tests.e2e.accessibility import assert_accessible

pytestmark = pytest.mark.e2e

WIDTH, HEIGHT = 390, 844  # a common phone screen, in CSS pixels
PAGES = [
    "/",
    "/particuliers/",
    "/organisations/",
    "/recherche/?q=alliance",
    "/exemples-inspirants/",
    "/agenda/",
    "/feuille-de-route/",
    "/feuille-de-route/bilans/bilan-7-mai-2021/",
    "/observatoire/",
    "/outils-et-methodes/cartographie/",
    "/territoires/regions/32/",
    "/apprendre/",
    "/donnees/",
]


@pytest.fixture
def phone(browser, live_server, site_data):
    context = browser.new_context(
        base_url=live_server.url, locale="fr-FR", viewport={"width": WIDTH, "height": HEIGHT}, is_mobile=True
    )
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    yield page
    context.close()


def _page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_no_page_scrolls_sideways(phone) -> None:
    wide = []
    for path in PAGES:
        response = phone.goto(path)
        assert response.status == 200, path
        if _page_width(phone) > WIDTH:
            wide.append(f"{path}: {_page_width(phone)} px")
    assert not wide, "Pages plus larges que l'écran : " + ", ".join(wide)


def test_the_home_page_shows_both_doors_and_the_commune_field_without_scrolling(phone) -> None:
    phone.goto("/")

    commune = phone.get_by_label("Votre commune ou votre code postal").first.bounding_box()
    doors = [
        phone.get_by_role("link", name=name).bounding_box()
        for name in ("Je suis un particulier", "Je représente une organisation")
    ]

    for box in (commune, *doors):
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= HEIGHT, box
        assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTH, box


def test_search_results_come_before_the_folded_filters(phone) -> None:
    CaseFactory(title="Une alliance pour essayer la recherche", publish=True)
    phone.goto("/recherche/?q=alliance")

    results = phone.get_by_role("heading", level=2, name="Résultats").bounding_box()
    toggle = phone.get_by_role("button", name="Filtrer les résultats")
    assert results is not None and toggle.is_visible()
    assert results["y"] < toggle.bounding_box()["y"]
    assert results["y"] + results["height"] <= HEIGHT
    # Folded once the DSFR has started (until then, as without JavaScript, they are shown: platform.css).
    filters_title = phone.get_by_role("heading", level=2, name="Filtres")
    filters_title.wait_for(state="hidden")

    toggle.click()
    filters_title.wait_for(state="visible")
    assert_accessible(phone)


def test_a_wide_table_scrolls_inside_its_own_box(phone) -> None:
    phone.goto("/feuille-de-route/bilans/bilan-7-mai-2021/")

    container = phone.locator(".fr-table__container").first
    sizes = container.evaluate("node => [node.scrollWidth, node.clientWidth, getComputedStyle(node).overflowX]")

    assert sizes[0] > sizes[1] and sizes[2] == "auto"
    assert _page_width(phone) <= WIDTH
