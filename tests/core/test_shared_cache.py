"""With CACHE_URL every shared cache lives in Redis, and clearing one never wipes another (needs Redis)."""

from __future__ import annotations

import os
import uuid

import pytest
import redis
from django.conf import settings
from django.core.cache import caches

from core.cache_backends import GenerationalRedisCache, SharedRedisCache
from tests.services.servers import redis_url

CACHE_URL = os.environ.get("CACHE_URL", "")


@pytest.fixture(autouse=True)
def _redis() -> None:
    """Skipped without CACHE_URL=redis://…, failed instead when REQUIRE_TEST_SERVICES=1 (CI)."""
    redis_url()


@pytest.fixture
def prefix():
    """A key prefix of our own: other runs (and other deployments) share this Redis. Emptied at the end."""
    prefix = f"essai-{uuid.uuid4().hex}"
    yield prefix
    client = redis.Redis.from_url(CACHE_URL)
    for key in client.scan_iter(match=f"*{prefix}*"):
        client.delete(key)
    client.close()


def _node_cache(prefix: str, alias: str, backend: type = SharedRedisCache) -> SharedRedisCache:
    """The cache ``alias`` as one app server sees it: a new instance, with its own connection pool."""
    return backend(CACHE_URL, {"KEY_PREFIX": f"{prefix}:{alias}"})


def test_clearing_the_public_pages_keeps_the_rate_limits_and_other_deployments_keys(prefix) -> None:
    pages = _node_cache(prefix, "pages", GenerationalRedisCache)
    ratelimit = _node_cache(prefix, "ratelimit")
    other_deployment = _node_cache(f"autre-{prefix}", "pages", GenerationalRedisCache)
    pages.set("feuille-de-route", "<html>", 300)
    ratelimit.set("throttle_search_192.0.2.1", [1.0, 2.0], 60)
    other_deployment.set("feuille-de-route", "<html> d'ailleurs", 300)
    pages.clear()
    assert pages.get("feuille-de-route") is None
    assert ratelimit.get("throttle_search_192.0.2.1") == [1.0, 2.0]
    assert other_deployment.get("feuille-de-route") == "<html> d'ailleurs"


def test_a_page_cleared_by_one_server_is_gone_for_the_other_at_once(prefix) -> None:
    node_a = _node_cache(prefix, "pages", GenerationalRedisCache)
    node_b = _node_cache(prefix, "pages", GenerationalRedisCache)
    node_b.set("mesure-2", "Pas encore de bilan", 300)
    assert node_a.get("mesure-2") == "Pas encore de bilan"
    node_a.clear()  # an edit on server A
    assert node_b.get("mesure-2") is None
    node_b.set("mesure-2", "Premier bilan", 300)
    assert node_a.get("mesure-2") == "Premier bilan"


def test_clearing_a_cache_deletes_its_own_keys_only(prefix) -> None:
    ratelimit = _node_cache(f"{prefix}[*]", "ratelimit")  # glob characters are taken literally
    search = _node_cache(f"{prefix}[*]", "search")
    neighbour = _node_cache(f"{prefix}x", "ratelimit")
    ratelimit.set_many({f"throttle_form_192.0.2.{n}": [n] for n in range(1200)}, 60)
    search.set("ranking", b"\x01\x02", 60)
    neighbour.set("throttle_form_192.0.2.1", [1], 60)
    ratelimit.clear()
    assert ratelimit.get_many([f"throttle_form_192.0.2.{n}" for n in range(1200)]) == {}
    assert search.get("ranking") == b"\x01\x02"
    assert neighbour.get("throttle_form_192.0.2.1") == [1]
    search.clear()
    neighbour.clear()


def test_with_cache_url_every_shared_cache_is_in_redis_under_its_own_prefix() -> None:
    aliases = ("default", "ratelimit", "search")
    assert all(isinstance(caches[alias], SharedRedisCache) for alias in aliases)
    assert len({caches[alias].key_prefix for alias in aliases}) == len(aliases)
    assert all(caches[alias].key_prefix.startswith(settings.CACHE_KEY_PREFIX) for alias in aliases)


@pytest.mark.django_db
def test_rate_limit_counts_are_seen_by_every_server(client, settings) -> None:
    settings.SEARCH_RATE = "2/min"
    assert [client.get("/recherche/?q=eau").status_code for _ in range(2)] == [200, 200]
    other_server = caches.create_connection("ratelimit")  # a new instance, as another process has
    assert len(other_server.get("throttle_search_127.0.0.1")) == 2
    assert client.get("/recherche/?q=eau").status_code == 429
