"""A search page served a second time from the public page cache still runs its script under the CSP."""

from __future__ import annotations

import pytest
from django.test.utils import override_settings

from tests.e2e.accessibility import assert_accessible

pytestmark = pytest.mark.e2e

LOCMEM_PAGES = {
    alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"e2e-{alias}"}
    for alias in ("default", "pages", "ratelimit", "search")
}


@pytest.fixture
def page_cache():
    with override_settings(CACHES=LOCMEM_PAGES):
        from django.core.cache import caches

        caches["pages"].clear()
        yield caches["pages"]


def test_two_visits_of_a_search_page_the_second_from_the_cache_break_no_policy(page, page_cache) -> None:
    violations: list[str] = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    address = "/recherche/?q=alliance"

    page.goto(address)
    assert page.locator("#flux-recherche").get_attribute("data-follows") == "1"
    assert page_cache._cache, "la première visite met la page en cache"

    second = page.goto(address)
    assert second.headers.get("content-security-policy", "").find("nonce") == -1
    assert page.locator("#flux-recherche").get_attribute("data-follows") == "1"  # the script ran again
    assert violations == []
    assert_accessible(page)
