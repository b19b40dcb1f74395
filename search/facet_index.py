"""An in-memory bitmap index of the search filters, one per server process.

Counting eight facets over tens of thousands of matches is a dozen ``GROUP BY`` over a million
rows of ``SearchFacetValue``: seconds at national scale (100,000 cases). Here every filter value
has a compressed bitmap of the ids of its published, unexpired documents (pyroaring). A filter is
then a bitmap union, the filters an intersection, a facet count an intersection cardinality: all
microseconds, the same on SQLite and PostgreSQL. The bitmaps hold document ids as they are, so the
engine's matching ids become a bitmap in C, with no per-id work in Python; the ids are also kept
most recent first, for the pages without a query.

The database stays the truth. Every write of the search tables goes through ``search.indexing``,
in the same transaction as the write: a bulk rewrite renews the token (``mark_rewritten``: every
index is rebuilt), the write of one item logs the documents it removed and added under the next
version (``record``). Each search reads the token and version (one primary key lookup) and, when
the version moved, applies the logged changes to this index: a few milliseconds, where a rebuild
takes seconds at national scale, so a publication is found on every server by the next search
while items are written all day. A document reaching its expiry date is taken out the same way.
The full-text match and its ranking stay in the engine (``search.backends``); the match of a query
is kept per index in a small LRU, since the same words are asked again and again. The documents of
the words found in many documents are read once with the index, in the engine's order of relevance
for each word (``frequent``): a never-seen query on one common word then needs no engine at all, and
a query on several needs it only to rank the few results its filters leave.
See docs/adr/0014-facet-index.md and docs/adr/0024-search-under-writes.md.
"""

from __future__ import annotations

import bisect
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
from search.models import SearchDocument, SearchFacetValue, SearchIndexChange, SearchIndexState

logger = logging.getLogger(__name__)
SECTION = "section"
DEMO = ("is_demo", "1")  # the posting of the demo documents (« exemples fictifs »)
QUERIES_KEPT = 64
# A term in at least this many documents has their ids read with the index (one pass over the
# engine's vocabulary): reading them at query time is what a never-seen query on a common word costs.
FREQUENT_TERM_MIN_DOCUMENTS = 5_000
# In the shared cache: ((index token, minimum documents), word → its ranked ids as bytes).
FREQUENT_KEY = "frequent-terms"
FREQUENT_CLAIM_SECONDS = 120  # how long the other workers wait for the one reading them
FREQUENT_POLL_SECONDS = 0.25
SHARED_CACHE = "search"
SHARED_RANKING_SECONDS = 3600  # the key holds the index token and version: a changed index never reads an old ranking
FIRST_RANKED = 100  # five pages of twenty
FILTER_STATES_KEPT = 16  # per query
SORT_AT_MOST = 5_000  # fewer candidates than this are sorted by date, more are picked from the ordered list
CHANGES_KEPT = 20_000  # versions of the change log kept: an index further behind is rebuilt


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


def _order_key(pk: int, date: dt.date | None) -> int:
    """Larger for more recent: by date (none last), then by id; one integer (ids hold in 32 bits)."""
    return ((date.toordinal() if date else 0) << 32) | pk


@dataclass(frozen=True)
class Added:
    """A document added since the index was built, as read back from the tables."""

    pk: int
    section: str
    date: dt.date | None
    expire_at: dt.datetime | None
    words: frozenset[str]
    facets: list[tuple[str, str]]


@dataclass
class FacetIndex:
    token: str
    version: int  # the last change of the log applied
    valid_until: dt.datetime | None
    recent: array  # the ids of the published, unexpired documents, most recent first
    order: dict[int, int]  # id → its ``_order_key``
    postings: dict[tuple[str, str], BitMap]
    everything: BitMap
    # A term found in many documents → its documents; filled after the build (``_start_frequent_terms``).
    frequent: dict[str, FrequentTerm] = field(default_factory=dict)
    _matches: OrderedDict[tuple[str, ...], Match] = field(default_factory=OrderedDict)
    # Documents added while the frequent terms are read (in a thread): given to them once read.
    _pending: list[Added] | None = None
    _keys: array = field(default_factory=lambda: array("q"))  # minus the order key of each id of ``recent``

    def __post_init__(self) -> None:
        if not self._keys:
            self._keys = array("q", (-self.order[pk] for pk in self.recent))

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
            key = f"ranking:{self.token}:{self.version}:{words}"
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
            return sorted(candidates, key=self.order.__getitem__, reverse=True)[offset : offset + limit]
        page = (pk for pk in self.recent if pk in candidates)  # dense: found early in the list
        return list(itertools.islice(page, offset, offset + limit))

    def is_fresh(self, token: str, version: int) -> bool:
        """Up to date with the tables, and no document has expired since."""
        return self.token == token and self.version == version and not self._expired()

    def _expired(self) -> bool:
        return self.valid_until is not None and timezone.now() >= self.valid_until

    def forget_matches(self) -> None:
        self._matches.clear()

    def apply(self, removed: BitMap, added: list[Added]) -> None:
        """Take ``removed`` out and put ``added`` in: the filters, the order, the kept matches and the frequent terms.

        A kept match loses its per-filter rankings when it changes, and its whole ranking when a new
        document matches it (the engine ranks it again on demand). A new document of a frequent term
        goes after that term's ranked documents until the terms are read again (the next rebuild).
        """
        gone = removed & self.everything
        if gone:
            for pk in gone:
                place = bisect.bisect_left(self._keys, -self.order.pop(pk))
                del self._keys[place], self.recent[place]
            self.everything.difference_update(gone)
            for posting in self.postings.values():
                posting.difference_update(gone)
            for term in self.frequent.values():
                term.ids.difference_update(gone)
            for match in self._matches.values():
                if match.ids.intersect(gone):
                    match.ids.difference_update(gone)
                    match.tops.clear()
        now = timezone.now()
        for document in added:
            if document.pk in self.everything or (document.expire_at is not None and document.expire_at <= now):
                continue
            key = _order_key(document.pk, document.date)
            self.order[document.pk] = key
            place = bisect.bisect_left(self._keys, -key)
            self._keys.insert(place, -key)
            self.recent.insert(place, document.pk)
            self.everything.add(document.pk)
            for posting_key in ((SECTION, document.section), *document.facets):
                self.postings.setdefault(posting_key, BitMap()).add(document.pk)
            if document.expire_at is not None and (self.valid_until is None or document.expire_at < self.valid_until):
                self.valid_until = document.expire_at
            self._add_to_frequent(self.frequent, document)
            if self._pending is not None:
                self._pending.append(document)
            for terms, match in list(self._matches.items()):
                if not all(term.isalnum() for term in terms):
                    # A clause of synonyms or a phrase (search.query): the engine decides, on the next search.
                    del self._matches[terms]
                    continue
                if all(term in document.words for term in terms):
                    match.ids.add(document.pk)
                    match.tops.clear()
                    if not (len(terms) == 1 and terms[0] in self.frequent):  # else its ranking is the term's
                        match.ranked = None

    @staticmethod
    def _add_to_frequent(frequent: dict[str, FrequentTerm], document: Added) -> None:
        for word in document.words & frequent.keys():
            frequent[word].ids.add(document.pk)
            frequent[word].ranked.append(document.pk)

    def set_frequent(self, frequent: dict[str, FrequentTerm]) -> None:
        """Install the frequent terms read in a thread, with the documents added and removed meanwhile."""
        with _lock:
            for added in self._pending or ():
                if added.pk in self.everything:
                    self._add_to_frequent(frequent, added)
            for term in frequent.values():
                term.ids.intersection_update(self.everything)
            self._pending = None
            self.frequent = frequent


def _build(token: str, version: int) -> FacetIndex:
    now = timezone.now()
    visible = SearchDocument.objects.visible().order_by(F("date").desc(nulls_last=True), "-id")
    recent = array("I")  # 32-bit ids, as the bitmaps hold
    order: dict[int, int] = {}
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for pk, section, is_demo, date in visible.values_list("id", "section", "is_demo", "date").iterator(
        chunk_size=10_000
    ):
        postings[(SECTION, section)].append(pk)
        if is_demo:
            postings[DEMO].append(pk)
        recent.append(pk)
        order[pk] = _order_key(pk, date)
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
        version=version,
        valid_until=next_expiry,
        recent=recent,
        order=order,
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
    # Keyed by the token only: the documents added since (logged changes) are given to the terms here.
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
    index.set_frequent(frequent)


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
    index._pending = []
    if now or not settings.SEARCH_FREQUENT_TERMS_IN_BACKGROUND:
        _read_frequent_terms(index)
        return
    threading.Thread(
        target=_read_frequent_terms_in_background, args=(index,), name="search-frequent-terms", daemon=True
    ).start()


_lock = threading.RLock()  # re-entered when the frequent terms are read at once, inside ``current``
_current: FacetIndex | None = None


def _stored_state() -> tuple[str, int]:
    return SearchIndexState.objects.filter(pk=1).values_list("token", "version").first() or ("", 0)


def _changes(index: FacetIndex, version: int) -> tuple[BitMap, list[Added]] | None:
    """The documents removed and added after ``index.version`` up to ``version``; None if the log no longer has them."""
    rows = list(
        SearchIndexChange.objects.filter(version__gt=index.version, version__lte=version)
        .order_by("version")
        .values_list("version", "document_id", "removed")
    )
    if not rows or rows[0][0] != index.version + 1:
        return None
    removed = BitMap(pk for _, pk, is_removed in rows if is_removed)
    added_ids = [pk for _, pk, is_removed in rows if not is_removed and pk not in removed]
    return removed, _read_added(added_ids)


def _read_added(ids: list[int]) -> list[Added]:
    """The documents of ``ids`` still in the tables (one removed meanwhile is simply not found)."""
    facets: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for document_id, facet, value in SearchFacetValue.objects.filter(document_id__in=ids).values_list(
        "document_id", "facet", "value"
    ):
        facets[document_id].append((facet, value))
    rows = SearchDocument.objects.filter(id__in=ids).values_list(
        "id", "section", "date", "expire_at", "title_text", "body_text", "is_demo"
    )
    return [
        Added(
            pk,
            section,
            date,
            expire_at,
            frozenset(f"{title} {body}".split()),
            [*facets[pk], *([DEMO] if is_demo else [])],
        )
        for pk, section, date, expire_at, title, body, is_demo in rows
    ]


def _expire(index: FacetIndex) -> None:
    """Take out the documents that reached their expiry date; the next one to expire sets ``valid_until``."""
    now = timezone.now()
    expired = BitMap(SearchDocument.objects.filter(expire_at__lte=now).values_list("id", flat=True))
    index.apply(expired, [])
    index.valid_until = (
        SearchDocument.objects.filter(expire_at__gt=now)
        .order_by("expire_at")
        .values_list("expire_at", flat=True)
        .first()
    )


def current(*, frequent_terms_now: bool = False) -> FacetIndex:
    """This process's index, brought up to date with the tables first.

    After a bulk rewrite (a new token), or when the change log no longer reaches back to this index,
    it is rebuilt, and the documents of the frequent terms are read in a background thread (searches
    go through the engine meanwhile), or at once with ``frequent_terms_now``. Otherwise the logged
    changes are applied to it, and the documents past their expiry date taken out.
    """
    global _current
    token, version = _stored_state()
    index = _current
    if index is not None and index.is_fresh(token, version):
        return index
    with _lock:
        index = _current
        if index is not None and index.token == token:
            if index.version != version:
                changes = _changes(index, version)
                if changes is None:
                    index = None
                else:
                    index.apply(*changes)
                    index.version = version
            if index is not None and index._expired():
                _expire(index)
        if index is None or index.token != token:
            # The state is read before the tables: a write during the build is applied by the next search.
            index = _build(token, version)
            _start_frequent_terms(index, now=frequent_terms_now)
        _current = index
    return index


def mark_rewritten() -> None:
    """Record a bulk rewrite of the search tables (inside its transaction): every index is rebuilt."""
    state = _locked_state()
    state.token = uuid.uuid4().hex
    state.save(update_fields=["token", "changed_at"])


def record(*, removed: Iterable[int] = (), added: Iterable[int] = ()) -> None:
    """Log the documents one write removed and added, under the next version (inside its transaction).

    The state's row stays locked until the commit: versions follow the commits, with no gap. A write
    that changed no document takes no version.
    """
    removed, added = list(removed), list(added)
    if not removed and not added:
        return
    state = _locked_state()
    state.version += 1
    state.save(update_fields=["version", "changed_at"])
    SearchIndexChange.objects.bulk_create(
        [SearchIndexChange(version=state.version, document_id=pk, removed=True) for pk in removed]
        + [SearchIndexChange(version=state.version, document_id=pk) for pk in added]
    )
    if state.version % 1000 == 0:
        SearchIndexChange.objects.filter(version__lte=state.version - CHANGES_KEPT).delete()


def _locked_state() -> SearchIndexState:
    state, _ = SearchIndexState.objects.select_for_update().get_or_create(pk=1, defaults={"token": uuid.uuid4().hex})
    return state


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
