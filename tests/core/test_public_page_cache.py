"""Public pages are cached for anonymous visitors and the cache is cleared by any write."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from roadmap.models import Measure, ReviewStatus
from roadmap.services import review_add
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOCMEM_PAGES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ratelimit"},
    "search": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "search"},
}


@pytest.fixture
def page_cache():
    with override_settings(CACHES=LOCMEM_PAGES):
        from django.core.cache import caches

        caches["pages"].clear()
        yield caches["pages"]


def test_a_second_anonymous_visit_is_served_from_the_cache(client, programme, page_cache) -> None:
    client.get("/feuille-de-route/mesures/2/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/feuille-de-route/mesures/2/")
    assert response.status_code == 200
    assert not [q for q in queries.captured_queries if "roadmap_" in q["sql"]]


def test_a_new_review_clears_the_cache_at_once(client, programme, page_cache) -> None:
    assert "Pas encore de bilan" in client.get("/feuille-de-route/mesures/2/").content.decode()
    review_add(
        programme=programme,
        measure=Measure.objects.get(programme=programme, number=2),
        date=dt.date(2021, 10, 1),
        status=ReviewStatus.objects.get(slug="lancee"),
        text="Premiers travaux de convergence des outils.",
    )
    html = client.get("/feuille-de-route/mesures/2/").content.decode()
    assert "Premiers travaux de convergence des outils." in html


def test_signed_in_users_always_get_a_fresh_page(client, programme, page_cache) -> None:
    client.get("/feuille-de-route/")
    Measure.objects.filter(programme=programme, number=21).update(live=False)  # no signal: cache kept
    assert "Inscrire les nouvelles formes" in client.get("/feuille-de-route/").content.decode()
    client.force_login(UserFactory())
    assert "Inscrire les nouvelles formes" not in client.get("/feuille-de-route/").content.decode()


def test_every_response_keeps_its_own_security_headers(client, programme, page_cache) -> None:
    first = client.get("/feuille-de-route/")
    second = client.get("/feuille-de-route/")
    assert first["X-Request-ID"] != second["X-Request-ID"]
    assert "Content-Security-Policy" in second


def test_the_api_is_cached_for_anonymous_clients_and_cleared_by_a_write(client, programme, page_cache) -> None:
    path = "/api/v1/roadmap/measures/2"
    assert client.get(path).json()["reviews"] == []
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    assert not [q for q in queries.captured_queries if "roadmap_" in q["sql"]]
    review_add(
        programme=programme,
        measure=Measure.objects.get(programme=programme, number=2),
        date=dt.date(2021, 10, 1),
        status=ReviewStatus.objects.get(slug="lancee"),
        text="Premiers travaux de convergence des outils.",
    )
    assert len(client.get(path).json()["reviews"]) == 1


def test_an_api_error_is_not_cached(client, programme, page_cache) -> None:
    assert client.get("/api/v1/roadmap/measures?status=inconnu").status_code == 422
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/v1/roadmap/measures?status=inconnu").status_code == 422
    assert queries.captured_queries


def test_an_htmx_fragment_and_the_full_page_are_cached_apart(client, vocabularies, page_cache) -> None:
    full = client.get("/recherche/?q=alliance")
    fragment = client.get("/recherche/?q=alliance", headers={"HX-Request": "true"})
    again = client.get("/recherche/?q=alliance")
    assert "HX-Request" in full["Vary"]
    assert b"<html" in full.content and b"<html" not in fragment.content
    assert again.content == full.content


def test_a_search_page_is_served_from_the_cache_the_second_time(client, vocabularies, page_cache) -> None:
    client.get("/recherche/?q=alliance&region=84")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/recherche/?q=alliance&region=84").status_code == 200
    assert not [q for q in queries.captured_queries if "search_" in q["sql"]]


def test_a_zero_cache_duration_serves_no_page_cached_earlier(rf, page_cache, settings) -> None:
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse

    from core.cache import public_page

    calls = []

    def view(request):
        calls.append(request)
        return HttpResponse("page")

    def anonymous_get():
        request = rf.get("/une-page/")
        request.user = AnonymousUser()
        return request

    public_page(view)(anonymous_get())  # cached for PUBLIC_PAGE_CACHE_SECONDS
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    public_page(view)(anonymous_get())
    assert len(calls) == 2
