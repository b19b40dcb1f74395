"""Reads of the search, shared by the search page, the section pages and the API.

Filters, counts and pages come from the in-memory ``search.facet_index``; the full-text match and
its ranking from the engine (``search.backends``). Filters combine as: OR between the values of one
filter, AND between filters. The count of each facet value is computed with every *other* filter
applied (so the counts of a filter say how many results each choice would give). A territory filter
finds the items of its descendants: an item in a commune carries its région and département codes
(hub.models.TerritoryScope).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet
from pyroaring import BitMap

from search import facet_index
from search.backends import backend
from search.filters import FILTERS, SearchFilters
from search.models import SearchDocument, SearchFacetValue
from search.query import query_clauses

# Up to this many filtered results, the engine ranks only them instead of the whole match.
RANK_AMONG_AT_MOST = 5_000
# The first page folds near-identical items among this many first results (« N résultats similaires »).
FOLD_WINDOW = 100


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetGroup:
    name: str
    label: str
    options: list[FacetOption] = field(default_factory=list)

    @property
    def selected_options(self) -> list[FacetOption]:
        return [option for option in self.options if option.selected]


@dataclass
class SearchResults:
    filters: SearchFilters
    terms: list[str]
    count: int
    documents: list[SearchDocument]
    facets: list[FacetGroup]
    limit: int
    offset: int
    # Document id → how many near-identical results its line stands for (folded first page only).
    similar: dict[int, int] = field(default_factory=dict)
    # How many of the ``count`` results are demo content (« dont N exemples fictifs »); 0 when hidden.
    demo_count: int = 0


def restrict(queryset: QuerySet[SearchDocument], filters: SearchFilters) -> QuerySet[SearchDocument]:
    """``queryset`` narrowed by the filters, in SQL (feeds and alerts; the search uses the facet index)."""
    if filters.hide_demo:
        queryset = queryset.filter(is_demo=False)
    for name, values in filters.values.items():
        facet = FILTERS[name][0]
        if facet == "section":
            queryset = queryset.filter(section__in=values)
        elif values:
            queryset = queryset.filter(
                id__in=SearchFacetValue.objects.filter(facet=facet, value__in=values).values("document_id")
            )
    return queryset


def _allowed(index: facet_index.FacetIndex, filters: SearchFilters) -> dict[str, BitMap]:
    """For each active filter, the documents it lets through (OR between its values)."""
    return {name: index.any_of(FILTERS[name][0], values) for name, values in filters.values.items() if values}


def _within(scope: BitMap, allowed: dict[str, BitMap], *, skip: str = "") -> BitMap:
    for name, documents in allowed.items():
        if name != skip:
            scope = scope & documents
    return scope


def facet_groups(
    index: facet_index.FacetIndex,
    matched: BitMap,
    filters: SearchFilters,
    names: list[str] | None = None,
) -> list[FacetGroup]:
    """Each filter's options with the count of results each would give, the other filters applied."""
    allowed = _allowed(index, filters)
    groups = []
    for name in list(FILTERS) if names is None else names:
        facet, label, choices = FILTERS[name]
        scope = _within(matched, allowed, skip=name)
        selected = set(filters.selected(name))
        options = []
        for value, text in choices() if callable(choices) else choices:
            count = scope.intersection_cardinality(index.posting(facet, str(value)))
            if count or value in selected:
                options.append(FacetOption(value=str(value), label=str(text), count=count, selected=value in selected))
        groups.append(FacetGroup(name=name, label=label, options=options))
    return groups


def _ranked_page(
    index: facet_index.FacetIndex,
    match: facet_index.Match,
    filters: SearchFilters,
    terms: list[str],
    candidates: BitMap,
    *,
    limit: int,
    offset: int,
) -> list[int]:
    """The ids of one page of ``candidates`` (matching ``terms``, filtered), most relevant first.

    When the whole match is already ranked (one frequent word, read ranked with the index, or a match
    ranked earlier), the page is taken from that order. Otherwise, when the filters leave few
    candidates, the engine ranks only those: the relevance of a frequent word over every document
    that holds it costs far more (tens of thousands of BM25 or ``ts_rank`` computations); and when
    they leave many, the whole match is ranked once and kept with it (``FacetIndex.ranking``).
    All give the same order: relevance, then the most recent id.
    """
    if match.ranked is not None:
        return _page(match.ranked, candidates, limit=limit, offset=offset)
    engine = backend()
    if len(candidates) <= RANK_AMONG_AT_MOST and len(candidates) < len(match.ids):
        if offset >= len(candidates):
            return []
        key = (
            filters.hide_demo,
            *sorted((name, tuple(sorted(values))) for name, values in filters.values.items() if values),
        )
        top = index.ranked_among(
            match, key, candidates, offset + limit, lambda ids, wanted: engine.ranked_among(terms, ids, wanted)
        )
        return top[offset:]
    return _page(index.ranking(match, terms, engine.ranked_ids), candidates, limit=limit, offset=offset)


def _page(ranked: Iterable[int], candidates: BitMap, *, limit: int, offset: int) -> list[int]:
    """The ids of one page: ``ranked`` order, kept if among ``candidates``."""
    page: list[int] = []
    skipped = 0
    for pk in ranked:
        if pk in candidates:
            if skipped < offset:
                skipped += 1
                continue
            page.append(pk)
            if len(page) == limit:
                break
    return page


def fold_key(section: str, title_text: str) -> str:
    """Near-identical items share it: same section, same title but for its numbers (« … n° 3 », « … n° 4 »)."""
    words = [word for word in title_text.split() if not word.isdigit()]
    return f"{section}:{' '.join(words)}" if words else ""


def _folded(ids: list[int], limit: int) -> tuple[list[int], dict[int, int]]:
    """The first ``limit`` of ``ids`` that are not near-identical to an earlier one, and how many each stands for."""
    rows = SearchDocument.objects.filter(id__in=ids).values_list("id", "section", "title_text")
    key_of = {pk: fold_key(section, title_text) or f"id:{pk}" for pk, section, title_text in rows}
    leader_of: dict[str, int] = {}
    similar: dict[int, int] = {}
    for pk in ids:
        key = key_of.get(pk, f"id:{pk}")
        leader = leader_of.get(key)
        if leader is None:
            leader_of[key] = pk
            similar[pk] = 0
        else:
            similar[leader] += 1
    leaders = list(similar)[:limit]
    return leaders, {pk: similar[pk] for pk in leaders if similar[pk]}


def search(
    filters: SearchFilters,
    *,
    limit: int = 20,
    offset: int = 0,
    facets: list[str] | None = None,
    fold: bool = False,
) -> SearchResults:
    """Published items matching the query and filters, most relevant first (most recent without query).

    With ``fold``, the first page shows one line per group of near-identical items (``fold_key``)
    among the first ``FOLD_WINDOW`` results, with the number of the others (``SearchResults.similar``).
    """
    terms = query_clauses(filters.q)
    index = facet_index.current()
    match = index.match(terms, backend().matching_ids) if terms else None
    matched = match.ids if match else index.everything
    if filters.hide_demo:
        matched = matched - index.posting(*facet_index.DEMO)
    candidates = _within(matched, _allowed(index, filters))
    folding = fold and offset == 0 and limit > 0
    wanted = max(limit, FOLD_WINDOW) if folding else limit
    if match:
        ids = _ranked_page(index, match, filters, terms, candidates, limit=wanted, offset=offset)
    else:
        ids = index.most_recent(candidates, limit=wanted, offset=offset)
    similar: dict[int, int] = {}
    if folding:
        ids, similar = _folded(ids, limit)
    by_id = SearchDocument.objects.in_bulk(ids)
    for pk, document in by_id.items():
        document.similar_count = similar.get(pk, 0)  # type: ignore[attr-defined]
    return SearchResults(
        filters=filters,
        terms=terms,
        count=len(candidates),
        demo_count=candidates.intersection_cardinality(index.posting(*facet_index.DEMO)),
        documents=[by_id[pk] for pk in ids if pk in by_id],
        facets=facet_groups(index, matched, filters, facets),
        limit=limit,
        offset=offset,
        similar=similar,
    )
