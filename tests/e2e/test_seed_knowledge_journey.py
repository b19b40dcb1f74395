"""A person lists the studies, hides the demo content with one filter, and finds the source's records."""

from __future__ import annotations

import re

import pytest

from tests.e2e.accessibility import assert_accessible

pytestmark = pytest.mark.e2e


@pytest.fixture
def studies_page(page, demo_content):
    return page


def test_hide_the_demo_studies_and_find_a_fund_of_the_source(studies_page) -> None:
    page = studies_page
    page.goto("/etudes-et-rapports/")
    status = page.locator("#nombre-resultats")
    assert re.search(r"\d+ résultats, dont \d+ exemples? fictifs?", status.inner_text())
    assert_accessible(page)

    page.locator("#zone-resultats label", has_text="Masquer les exemples fictifs").click()
    page.wait_for_url(re.compile(r"[?&]exemples=masquer"))
    page.wait_for_load_state("networkidle")
    assert "exemple" not in page.locator("#nombre-resultats").inner_text()
    results = page.locator(".at-results")
    assert "Exemple fictif" not in results.inner_text()
    assert "Source : Bilan de la feuille de route de la mission ministérielle" in results.inner_text()
    assert_accessible(page)

    page.goto("/recherche/?q=Fonds+ODD17")
    page.get_by_role("link", name="Fonds ODD17").click()
    page.wait_for_url(re.compile(r"/acteurs-de-reference/fonds-odd17/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Fonds ODD17"
