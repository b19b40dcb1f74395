from __future__ import annotations

import pytest

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
