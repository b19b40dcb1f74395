"""An in-memory bitmap index of the search filters, one per server process.

Counting eight facets over tens of thousands of matches is a dozen ``GROUP BY`` over a million
rows of ``SearchFacetValue``: seconds at national scale (100,000 cases). Here every published,
unexpired document gets an *ordinal* (its rank, most recent first) and every filter value a
compressed bitmap of ordinals (pyroaring). A filter is then a bitmap union, the filters an
intersection, a facet count an intersection cardinality, and the newest-first page a slice: all
microseconds, the same on SQLite and PostgreSQL.

The database stays the truth. Every write of the search tables goes through ``search.indexing``,
which calls ``mark_changed()`` in the same transaction; each search reads that token (one primary
key lookup) and rebuilds this index when it differs, or when a document reaches its expiry date.
The full-text match and its ranking stay in the engine (``search.backends``); the ranked match of
a query is kept per index in a small LRU, since the same words are asked again and again.
See docs/adr/0014-facet-index.md.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from array import array
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import DatabaseError
from django.db.models import F
from django.utils import timezone
from pyroaring import BitMap

from search.models import SearchDocument, SearchFacetValue, SearchIndexState

logger = logging.getLogger(__name__)
SECTION = "section"
RANKED_QUERIES_KEPT = 64


@dataclass
class RankedMatch:
    """The documents matching a query: as a bitmap of ordinals, and as ordinals in relevance order."""

    ordinals: BitMap
    ranked: array


@dataclass
class FacetIndex:
    token: str
    valid_until: dt.datetime | None
    ids: array  # ordinal → document id, most recent first
    ordinal_of: dict[int, int]
    postings: dict[tuple[str, str], BitMap]
    everything: BitMap
    _matches: OrderedDict[tuple[str, ...], RankedMatch] = field(default_factory=OrderedDict)

    def posting(self, facet: str, value: str) -> BitMap:
        return self.postings.get((facet, value), BitMap())

    def any_of(self, facet: str, values: Iterable[str]) -> BitMap:
        return BitMap.union(BitMap(), *(self.posting(facet, value) for value in values))

    def ranked_match(self, terms: list[str], fetch: Callable[[list[str]], list[int]]) -> RankedMatch:
        """The match of ``terms``; ``fetch`` (the engine's ranked ids) is called on a cache miss only."""
        key = tuple(terms)
        match = self._matches.get(key)
        if match is None:
            ordinal_of = self.ordinal_of
            ranked = array("I", (ordinal_of[pk] for pk in fetch(terms) if pk in ordinal_of))
            match = RankedMatch(ordinals=BitMap(ranked), ranked=ranked)
            self._matches[key] = match
            if len(self._matches) > RANKED_QUERIES_KEPT:
                self._matches.popitem(last=False)
        else:
            self._matches.move_to_end(key)
        return match

    def is_fresh(self, token: str) -> bool:
        """Built from the current tables, and no document has expired since."""
        return self.token == token and (self.valid_until is None or timezone.now() < self.valid_until)

    def forget_matches(self) -> None:
        self._matches.clear()

    def document_ids(self, ordinals: Iterable[int]) -> list[int]:
        return [self.ids[ordinal] for ordinal in ordinals]


def _build(token: str) -> FacetIndex:
    now = timezone.now()
    visible = SearchDocument.objects.visible().order_by(F("date").desc(nulls_last=True), "-id")
    ids = array("l")
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for pk, section in visible.values_list("id", "section").iterator(chunk_size=10_000):
        postings[(SECTION, section)].append(len(ids))
        ids.append(pk)
    ordinal_of = {pk: ordinal for ordinal, pk in enumerate(ids)}
    rows = SearchFacetValue.objects.order_by().values_list("document_id", "facet", "value")
    for document_id, facet, value in rows.iterator(chunk_size=10_000):
        ordinal = ordinal_of.get(document_id)
        if ordinal is not None:
            postings[(facet, value)].append(ordinal)
    next_expiry = (
        SearchDocument.objects.filter(expire_at__gt=now)
        .order_by("expire_at")
        .values_list("expire_at", flat=True)
        .first()
    )
    return FacetIndex(
        token=token,
        valid_until=next_expiry,
        ids=ids,
        ordinal_of=ordinal_of,
        postings={key: BitMap(ordinals) for key, ordinals in postings.items()},
        everything=BitMap(range(len(ids))),
    )


_lock = threading.Lock()
_current: FacetIndex | None = None


def _stored_token() -> str:
    return SearchIndexState.objects.filter(pk=1).values_list("token", flat=True).first() or ""


def current() -> FacetIndex:
    """This process's index, rebuilt first if the search tables changed or a document expired."""
    global _current
    token = _stored_token()
    index = _current
    if index is not None and index.is_fresh(token):
        return index
    with _lock:
        index = _current
        if index is None or not index.is_fresh(token):
            # The token is read before the tables: a write during the build makes the next search rebuild.
            index = _current = _build(token)
    return index


def mark_changed() -> None:
    """Record that the search tables changed (call inside the writing transaction)."""
    SearchIndexState.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4().hex})


def forget() -> None:
    """Drop this process's index (tests; the next search rebuilds it)."""
    global _current
    _current = None


def warm_up() -> None:
    """Build the index now (the server's master process, before forking its workers)."""
    try:
        current()
    except DatabaseError:
        logger.warning("Index des filtres de recherche non construit au démarrage (base non prête).", exc_info=True)
