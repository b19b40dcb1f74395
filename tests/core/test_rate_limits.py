from __future__ import annotations

import pytest
from django.core.cache import caches

pytestmark = pytest.mark.django_db

URL = "/api/v1/roadmap/workstreams"
FRENCH_429 = {"detail": "Trop de requêtes : réessayez dans quelques instants."}


@pytest.fixture
def tiny_rate(settings) -> None:
    settings.API_THROTTLE_ANON_RATE = "3/min"


def test_the_api_answers_429_in_french_with_retry_after_past_the_rate(client, programme, tiny_rate) -> None:
    for _ in range(3):
        assert client.get(URL).status_code == 200
    response = client.get(URL)
    assert response.status_code == 429
    assert response.json() == FRENCH_429
    assert 1 <= int(response["Retry-After"]) <= 60


def test_the_rate_is_counted_per_client_address(client, programme, tiny_rate) -> None:
    for _ in range(4):
        client.get(URL, REMOTE_ADDR="192.0.2.1")
    assert client.get(URL, REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get(URL, REMOTE_ADDR="192.0.2.2").status_code == 200


def test_a_forged_forwarded_header_does_not_reset_the_count(client, programme, tiny_rate) -> None:
    for n in range(4):
        client.get(URL, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    assert client.get(URL, HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 429


def test_behind_a_trusted_proxy_the_forwarded_address_is_counted(client, programme, tiny_rate, settings) -> None:
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(4):
        client.get(URL, HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert client.get(URL, HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 429
    assert client.get(URL, HTTP_X_FORWARDED_FOR="203.0.113.6").status_code == 200


def test_the_default_rate_is_generous(settings) -> None:
    count, period = settings.API_THROTTLE_ANON_RATE.split("/")
    assert int(count) >= 60 and period == "min"


def test_the_search_page_answers_429_in_french_past_its_rate(client, settings, vocabularies) -> None:
    settings.SEARCH_RATE = "2/min"
    for _ in range(2):
        assert client.get("/recherche/", {"q": "alliance"}).status_code == 200
    response = client.get("/recherche/", {"q": "alliance"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 429
    assert "Trop de requêtes" in response.content.decode() and 1 <= int(response["Retry-After"]) <= 60
    assert client.get("/recherche/", REMOTE_ADDR="192.0.2.9").status_code == 200  # another address


def test_a_form_past_its_rate_answers_429_and_saves_nothing(client, settings, vocabularies) -> None:
    from alerts.models import SavedSearch
    from tests.factories import UserFactory

    settings.FORM_RATE = "1/min"
    client.force_login(UserFactory(username="abonnee", email="a@example.invalid"))
    assert (
        client.post("/recherches-enregistrees/abonnement/", {"query": "q=eau", "frequency": "daily"}).status_code == 302
    )
    response = client.post("/recherches-enregistrees/abonnement/", {"query": "q=air", "frequency": "daily"})
    assert response.status_code == 429 and "Rien n'a été enregistré" in response.content.decode()
    assert list(SavedSearch.objects.values_list("query", flat=True)) == ["q=eau"]
    assert client.get("/").status_code == 200  # pages other than the search are not counted


def test_the_rate_limit_counters_are_in_the_cache_the_workers_share() -> None:
    from core import ratelimit, security

    assert ratelimit.AddressThrottle("form", "FORM_RATE").cache is caches["ratelimit"]
    assert security.ApiAnonRateThrottle().cache is caches["ratelimit"]
