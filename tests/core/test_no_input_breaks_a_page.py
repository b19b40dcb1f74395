"""Property: arbitrary Unicode sent to every public route and API operation never gives a server error.

The routes are enumerated from the URL configuration (every public page, feed, download and API
operation; the back office and Wagtail's internal views are left out): each path is drawn from its
route's own pattern (so it resolves, with arbitrary text in its slugs and codes), or is one of the
real pages of the sitemap. Query parameters are the names the pages read and the API declares in its
OpenAPI document, plus arbitrary names, each with arbitrary text; a POST sends the same as a form body.
Deterministic (derandomize) and bounded (max_examples), about a minute on SQLite, run on both engines.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.filters import FILTERS

pytestmark = pytest.mark.django_db

PRIVATE_PREFIXES = ("admin/", "documents/", "_util/", "api/v1/docs")
PAGE_PARAMETERS = ["q", "page", "type", "niveau", "code", "odd", "exemples", "comparer_avec", "objet", "next", "key"]
API_PARAMETERS = ["q", "limit", "offset", "kind", "territory", "sdg", "status", "dimension", "workstream", "section"]


def _regex_source(pattern: object) -> str:
    source = pattern.regex.pattern  # type: ignore[attr-defined]
    return source.removeprefix("^").removesuffix(r"\Z").removesuffix("$")


def _routes(patterns: list[object], prefix: str = "", regex: str = "") -> list[tuple[str, str]]:
    """(route as written, regular expression of the whole path) for every view of the URL configuration."""
    found: list[tuple[str, str]] = []
    for entry in patterns:
        route = prefix + str(entry.pattern)  # type: ignore[attr-defined]
        whole = regex + _regex_source(entry.pattern)  # type: ignore[attr-defined]
        if isinstance(entry, URLResolver):
            found += _routes(entry.url_patterns, route, whole)
        elif isinstance(entry, URLPattern) and not route.lstrip("^").startswith(PRIVATE_PREFIXES):
            found.append((route, whole))
    return found


ROUTES = _routes(get_resolver().url_patterns)

text = st.text(alphabet=st.characters(codec="utf-8"), max_size=30)
numbers = st.integers(min_value=-(10**20), max_value=10**20).map(str)
values = st.one_of(text, numbers, st.sampled_from(["", "-", "²", "١٢", "1e3", "0", "*", '"', "%", "../"]))


def _path(regex: str) -> st.SearchStrategy[str]:
    return st.from_regex(re.compile(regex + r"\Z"), fullmatch=True).map(lambda p: "/" + quote(p, safe="/"))


def _query(names: list[str]) -> st.SearchStrategy[dict[str, str]]:
    return st.dictionaries(st.one_of(st.sampled_from(names), text), values, max_size=4)


FUZZ = settings(
    max_examples=8,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def no_limits(settings) -> None:
    settings.SEARCH_RATE = settings.FORM_RATE = "1000000/min"
    settings.API_THROTTLE_ANON_RATE = "1000000/min"
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": None, "reset_password": None}


def _sitemap_paths(client) -> list[str]:
    """One real page per route among those the sitemap lists (a measure, a chantier, a territory…)."""
    index = client.get("/sitemap.xml").content.decode()
    pages: dict[str, str] = {}
    for sitemap in re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", index):
        for path in re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", client.get(sitemap).content.decode()):
            pages.setdefault(resolve(path).route, path)
    return sorted(pages.values())


def test_arbitrary_input_to_every_public_route_is_never_a_server_error(client, programme, no_limits) -> None:
    """One test for every route, so the reference data is loaded once (it is rolled back after each test)."""
    targets = [(route, _path(regex)) for route, regex in ROUTES]
    real_pages = _sitemap_paths(client)
    assert len(targets) > 80 and len(real_pages) > 5
    targets += [(path, st.just(path)) for path in real_pages]
    for route, paths in targets:
        names = API_PARAMETERS if route.lstrip("/").startswith("api/") else PAGE_PARAMETERS + list(FILTERS)

        @FUZZ
        @given(path=paths, query=_query(names), post=st.booleans())
        def fuzz(path: str, query: dict[str, str], post: bool) -> None:
            response = client.post(path, query) if post else client.get(path, query)
            assert response.status_code < 500, f"{'POST' if post else 'GET'} {path} {query!r}: {response.status_code}"

        fuzz()
