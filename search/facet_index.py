"""An in-memory bitmap index of the search filters, one per server process.

Counting eight facets over tens of thousands of matches is a dozen ``GROUP BY`` over a million
rows of ``SearchFacetValue``: seconds at national scale (100,000 cases). Here every filter value
has a compressed bitmap of the ids of its published, unexpired documents (pyroaring). A filter is
then a bitmap union, the filters an intersection, a facet count an intersection cardinality: all
microseconds, the same on SQLite and PostgreSQL. The bitmaps hold document ids as they are, so the
engine's matching ids become a bitmap in C, with no per-id work in Python; the ids are also kept
most recent first, for the pages without a query.

The database stays the truth. Every write of the search tables goes through ``search.indexing``,
which calls ``mark_changed()`` in the same transaction; each search reads that token (one primary
key lookup) and rebuilds this index when it differs, or when a document reaches its expiry date.
The full-text match and its ranking stay in the engine (``search.backends``); the match of a query
is kept per index in a small LRU, since the same words are asked again and again. The documents of
the words found in many documents are read once with the index, in the engine's order of relevance
for each word (``frequent``): a never-seen query on one common word then needs no engine at all, and
a query on several needs it only to rank the few results its filters leave.
See docs/adr/0014-facet-index.md.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import logging
import operator
import os
import threading
import time
import uuid
from array import array
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connections
from django.db.models import F
from django.utils import timezone
from pyroaring import BitMap

from search.backends import backend
from search.models import SearchDocument, SearchFacetValue, SearchIndexState

logger = logging.getLogger(__name__)
SECTION = "section"
QUERIES_KEPT = 64
# A term in at least this many documents has their ids read with the index (one pass over the
# engine's vocabulary): reading them at query time is what a never-seen query on a common word costs.
FREQUENT_TERM_MIN_DOCUMENTS = 5_000
# In the shared cache: ((index token, minimum documents), word → its ranked ids as bytes).
FREQUENT_KEY = "frequent-terms"
FREQUENT_CLAIM_SECONDS = 120  # how long the other workers wait for the one reading them
FREQUENT_POLL_SECONDS = 0.25
SHARED_CACHE = "search"
SHARED_RANKING_SECONDS = 3600  # the key holds the index token: a changed index never reads an old ranking
FIRST_RANKED = 100  # five pages of twenty
FILTER_STATES_KEPT = 16  # per query
SORT_AT_MOST = 5_000  # fewer candidates than this are sorted by date, more are picked from the ordered list


@dataclass
class Match:
    """The documents matching a query: a bitmap of ids, and once asked for, all of them in relevance order."""

    ids: BitMap
    ranked: array | None = None
    # Filter state → the most relevant ids among its results, when the engine ranked only those.
    tops: dict[tuple, list[int]] = field(default_factory=dict)


@dataclass(frozen=True)
class FrequentTerm:
    """The documents of a term found in many documents: as a bitmap, and most relevant first for this term."""

    ids: BitMap
    ranked: array


@dataclass
class FacetIndex:
    token: str
    valid_until: dt.datetime | None
    recent: array  # the ids of the published, unexpired documents, most recent first
    position: dict[int, int]  # id → its place in ``recent``
    postings: dict[tuple[str, str], BitMap]
    everything: BitMap
    # A term found in many documents → its documents; filled after the build (``_start_frequent_terms``).
    frequent: dict[str, FrequentTerm] = field(default_factory=dict)
    _matches: OrderedDict[tuple[str, ...], Match] = field(default_factory=OrderedDict)

    def posting(self, facet: str, value: str) -> BitMap:
        return self.postings.get((facet, value), BitMap())

    def any_of(self, facet: str, values: Iterable[str]) -> BitMap:
        return BitMap.union(BitMap(), *(self.posting(facet, value) for value in values))

    def match(self, terms: list[str], fetch: Callable[[list[str]], list[int]]) -> Match:
        """The match of ``terms``; ``fetch`` (the engine's matching ids) is called on a cache miss only."""
        key = tuple(terms)
        match = self._matches.get(key)
        if match is None:
            frequent = self.frequent  # read once: a background thread replaces it
            if len(terms) == 1 and terms[0] in frequent:  # already ranked, by the engine, with the index
                match = Match(ids=frequent[terms[0]].ids, ranked=frequent[terms[0]].ranked)
            elif terms and all(term in frequent for term in terms):
                match = Match(ids=functools.reduce(operator.and_, (frequent[term].ids for term in terms)))
            else:
                match = Match(ids=BitMap(fetch(terms)) & self.everything)
            self._matches[key] = match
            if len(self._matches) > QUERIES_KEPT:
                self._matches.popitem(last=False)
        else:
            self._matches.move_to_end(key)
        return match

    def ranking(self, match: Match, terms: list[str], fetch: Callable[[list[str]], list[int]]) -> array:
        """Every id of ``match``, most relevant first.

        ``fetch`` (the engine ranking the whole match: 100 to 200 ms for a word in 36,000 documents)
        runs once per match and per index version for all the server's workers: its result is shared
        through the ``search`` cache, keyed by the index token.
        """
        if match.ranked is None:
            shared = caches[SHARED_CACHE]
            words = hashlib.sha256(" ".join(terms).encode()).hexdigest()[:32]  # any word, a safe cache key
            key = f"ranking:{self.token}:{words}"
            stored = shared.get(key)
            if stored is not None:
                match.ranked = array("I")
                match.ranked.frombytes(stored)
            else:
                everything = self.everything
                match.ranked = array("I", (pk for pk in fetch(terms) if pk in everything))
                shared.set(key, match.ranked.tobytes(), SHARED_RANKING_SECONDS)
        return match.ranked

    def ranked_among(
        self,
        match: Match,
        key: tuple,
        candidates: BitMap,
        wanted: int,
        fetch: Callable[[list[int], int], list[int]],
    ) -> list[int]:
        """The ``wanted`` most relevant of ``candidates`` (the results of filter state ``key``).

        ``fetch(ids, limit)`` (the engine ranking these ids only) runs once per filter state for the
        first pages, and again only for a deeper page.
        """
        top = match.tops.get(key)
        if top is None or (len(top) < wanted and len(top) < len(candidates)):
            top = match.tops[key] = fetch(list(candidates), max(wanted, FIRST_RANKED))
            if len(match.tops) > FILTER_STATES_KEPT:
                del match.tops[next(iter(match.tops))]
        return top[:wanted]

    def most_recent(self, candidates: BitMap, *, limit: int, offset: int) -> list[int]:
        """One page of ``candidates``, most recent first."""
        if len(candidates) == len(self.everything):
            return list(self.recent[offset : offset + limit])
        if len(candidates) <= SORT_AT_MOST:
            return sorted(candidates, key=self.position.__getitem__)[offset : offset + limit]
        page = (pk for pk in self.recent if pk in candidates)  # dense: found early in the list
        return list(itertools.islice(page, offset, offset + limit))

    def is_fresh(self, token: str) -> bool:
        """Built from the current tables, and no document has expired since."""
        return self.token == token and (self.valid_until is None or timezone.now() < self.valid_until)

    def forget_matches(self) -> None:
        self._matches.clear()


def _build(token: str) -> FacetIndex:
    now = timezone.now()
    visible = SearchDocument.objects.visible().order_by(F("date").desc(nulls_last=True), "-id")
    recent = array("I")  # 32-bit ids, as the bitmaps hold
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for pk, section in visible.values_list("id", "section").iterator(chunk_size=10_000):
        postings[(SECTION, section)].append(pk)
        recent.append(pk)
    everything = BitMap(recent)
    rows = SearchFacetValue.objects.order_by().values_list("document_id", "facet", "value")
    for document_id, facet, value in rows.iterator(chunk_size=10_000):
        postings[(facet, value)].append(document_id)
    next_expiry = (
        SearchDocument.objects.filter(expire_at__gt=now)
        .order_by("expire_at")
        .values_list("expire_at", flat=True)
        .first()
    )
    return FacetIndex(
        token=token,
        valid_until=next_expiry,
        recent=recent,
        position={pk: place for place, pk in enumerate(recent)},
        # The facet values of hidden documents (unpublished, expired) are dropped by the intersection.
        postings={key: BitMap(ids) & everything for key, ids in postings.items()},
        everything=everything,
    )


def _read_frequent_terms(index: FacetIndex, *, wait_for_others: bool = False) -> None:
    """Fill ``index.frequent``: the engine's vocabulary, then each frequent word's documents in its order.

    Seconds at national scale (ranking 100-odd words over tens of thousands of documents each), so
    done once per version of the tables for all the server's workers: the result goes to the shared
    ``search`` cache, under one key that the next version overwrites. With ``wait_for_others``, a
    worker that finds another one already reading (its claim in the cache) waits for its result.
    """
    shared, version = caches[SHARED_CACHE], (index.token, FREQUENT_TERM_MIN_DOCUMENTS)
    found = _stored_frequent_terms(version) if shared.has_key(_ready_key(index.token)) else None
    claim = f"{FREQUENT_KEY}:claim:{index.token}"
    if found is None and wait_for_others and not shared.add(claim, os.getpid(), FREQUENT_CLAIM_SECONDS):
        found = _shared_frequent_terms(version, FREQUENT_CLAIM_SECONDS)
    if found is None:
        found = {
            term: array("I", ranked_ids).tobytes()
            for term, ranked_ids in backend().frequent_terms(FREQUENT_TERM_MIN_DOCUMENTS).items()
        }
        shared.set(FREQUENT_KEY, (version, found), SHARED_RANKING_SECONDS)
        shared.set(_ready_key(index.token), True, SHARED_RANKING_SECONDS)
    everything = index.everything
    frequent = {}
    for term, stored_ids in found.items():
        ranked_ids = array("I")
        ranked_ids.frombytes(stored_ids)
        ranked = array("I", (pk for pk in ranked_ids if pk in everything))  # the visible documents only
        frequent[term] = FrequentTerm(ids=BitMap(ranked), ranked=ranked)
    index.frequent = frequent


def _ready_key(token: str) -> str:
    """A small key set once the frequent words of ``token`` are shared: looked up before the large entry."""
    return f"{FREQUENT_KEY}:ready:{token}"


def _shared_frequent_terms(version: tuple[str, int], seconds: float) -> dict[str, bytes] | None:
    """The frequent words another worker is reading for ``version``, once shared (None after ``seconds``)."""
    shared, deadline = caches[SHARED_CACHE], time.monotonic() + seconds
    while not shared.has_key(_ready_key(version[0])):
        if time.monotonic() >= deadline:
            return None
        time.sleep(FREQUENT_POLL_SECONDS)
    return _stored_frequent_terms(version)


def _stored_frequent_terms(version: tuple[str, int]) -> dict[str, bytes] | None:
    stored = caches[SHARED_CACHE].get(FREQUENT_KEY)
    return stored[1] if stored is not None and stored[0] == version else None


def _read_frequent_terms_in_background(index: FacetIndex) -> None:
    """The same in a thread of its own, with its own database connection, closed at the end."""
    try:
        _read_frequent_terms(index, wait_for_others=True)
    except DatabaseError:
        logger.warning("Mots fréquents de la recherche non lus (la recherche passe par le moteur).", exc_info=True)
    finally:
        connections.close_all()  # this thread's connections only


def _start_frequent_terms(index: FacetIndex, *, now: bool) -> None:
    if now or not settings.SEARCH_FREQUENT_TERMS_IN_BACKGROUND:
        _read_frequent_terms(index)
        return
    threading.Thread(
        target=_read_frequent_terms_in_background, args=(index,), name="search-frequent-terms", daemon=True
    ).start()


_lock = threading.Lock()
_current: FacetIndex | None = None


def _stored_token() -> str:
    return SearchIndexState.objects.filter(pk=1).values_list("token", flat=True).first() or ""


def current(*, frequent_terms_now: bool = False) -> FacetIndex:
    """This process's index, rebuilt first if the search tables changed or a document expired.

    The documents of the frequent terms are read after a rebuild, in a background thread (searches
    go through the engine meanwhile), or at once with ``frequent_terms_now``.
    """
    global _current
    token = _stored_token()
    index = _current
    if index is not None and index.is_fresh(token):
        return index
    with _lock:
        index = _current
        if index is None or not index.is_fresh(token):
            # The token is read before the tables: a write during the build makes the next search rebuild.
            index = _build(token)
            _start_frequent_terms(index, now=frequent_terms_now)
            _current = index
    return index


def mark_changed() -> None:
    """Record that the search tables changed (call inside the writing transaction)."""
    SearchIndexState.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4().hex})


def forget() -> None:
    """Drop this process's index (tests; the next search rebuilds it)."""
    global _current
    _current = None


def warm_up() -> None:
    """Build the index now (the server's master process, before forking its workers: no thread then)."""
    try:
        current(frequent_terms_now=True)
    except DatabaseError:
        logger.warning("Index des filtres de recherche non construit au démarrage (base non prête).", exc_info=True)
