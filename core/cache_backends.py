"""Django's Redis cache, made safe to share one Redis between several caches and deployments.

With ``CACHE_URL`` every shared cache (``default``, ``pages``, ``ratelimit``, ``search``) lives in the
same Redis database, each under its own key prefix (settings: ``<CACHE_KEY_PREFIX>:<alias>``). Django's
``RedisCache.clear()`` runs ``FLUSHDB``: clearing the public pages after each write would then wipe
the rate-limit counters, the search's shared rankings and any other deployment's keys. Here:

- ``SharedRedisCache.clear()`` deletes only the keys under its own prefix (a ``SCAN``: fine for the
  rare clears of the rate limits or the search cache — the tests, an operator);
- ``GenerationalRedisCache`` (the public pages, cleared on every write) clears in O(1): every key
  carries the cache's current generation, and ``clear()`` moves to the next one. Entries of older
  generations are never read again and expire with their timeout (``PUBLIC_PAGE_CACHE_SECONDS``), so
  entries must have one (``cache_page`` always sets it).

See docs/adr/0018-stateless-nodes.md.
"""

from __future__ import annotations

import itertools
import re

from django.core.cache.backends.redis import RedisCache

DELETE_BATCH = 500
GENERATION_SECONDS = 7 * 24 * 3600


def _glob_escape(text: str) -> str:
    """``text`` matched literally by a Redis ``MATCH`` pattern."""
    return re.sub(r"([\\*?\[\]])", r"\\\1", text)


class SharedRedisCache(RedisCache):
    """A Redis cache whose ``clear()`` deletes its own keys only, never the whole Redis database."""

    def clear(self) -> bool:
        client = self._cache.get_client(write=True)
        keys = client.scan_iter(match=f"{_glob_escape(self.key_prefix)}:*", count=1000)
        while batch := list(itertools.islice(keys, DELETE_BATCH)):
            client.delete(*batch)
        return True


class GenerationalRedisCache(SharedRedisCache):
    """A Redis cache cleared in one ``INCR``: its keys carry a generation that ``clear()`` moves on."""

    @property
    def _generation_key(self) -> str:
        return f"{self.key_prefix}:generation"

    def _generation(self) -> int:
        value = self._cache.get_client().get(self._generation_key)
        return int(value) if value is not None else 0

    def make_key(self, key: str, version: int | None = None) -> str:
        if version is None:
            version = self.version
        return super().make_key(key, version=f"{version}.{self._generation()}")  # type: ignore[arg-type]

    def clear(self) -> bool:
        # The generation outlives every entry by far (entries live minutes): if it lapses, counting
        # restarts at 0, whose entries expired long before.
        with self._cache.get_client(write=True).pipeline() as pipe:
            pipe.incr(self._generation_key).expire(self._generation_key, GENERATION_SECONDS).execute()
        return True
