"""A person searches with their own words: a sigle glued to its number, a city, then hides the demo content."""

from __future__ import annotations

import re

import pytest

from tests.e2e.accessibility import assert_accessible

pytestmark = pytest.mark.e2e


def test_odd17_then_a_city_then_without_the_demo_content(page, demo_content) -> None:
    page.goto("/recherche/?q=odd17")
    results = page.locator(".at-results")
    assert "ODD 17" in results.inner_text() or "ODD17" in results.inner_text()
    assert_accessible(page)

    page.goto("/recherche/?q=saint+etienne")
    answer = page.locator(".at-territory-answer")
    assert "Saint-Étienne" in answer.inner_text()
    answer.get_by_role("link", name="Voir la page du territoire Saint-Étienne").click()
    page.wait_for_url(re.compile(r"/territoires/communes/42218/$"))

    page.goto("/recherche/")
    before = int(page.locator("#nombre-resultats").inner_text().split()[0])
    with page.expect_response(lambda r: "exemples=masquer" in r.url):
        page.locator("label", has_text="Masquer les exemples fictifs").click()
    page.wait_for_url(re.compile(r"exemples=masquer"))
    page.wait_for_load_state("networkidle")
    after = int(page.locator("#nombre-resultats").inner_text().split()[0])
    assert after < before
    assert "Exemple fictif" not in page.locator(".at-results").inner_text()
    assert_accessible(page)
    assert page.console_errors == []
