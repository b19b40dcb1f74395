"""Reads of the search, shared by the search page, the section pages and the API.

Filters combine as: OR between the values of one filter, AND between filters. The count of each
facet value is computed with every *other* filter applied (so the counts of a filter say how many
results each choice would give). A territory filter finds the items of its descendants: an item
in a commune carries its région and département codes (hub.models.TerritoryScope).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, F, QuerySet

from search.backends import backend
from search.filters import FILTERS, SearchFilters
from search.models import SearchDocument, SearchFacetValue
from search.text import query_terms


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


def _restrict(queryset: QuerySet[SearchDocument], filters: SearchFilters, *, skip: str = "") -> QuerySet:
    for name, values in filters.values.items():
        if name == skip or not values:
            continue
        facet = FILTERS[name][0]
        if facet == "section":
            queryset = queryset.filter(section__in=values)
        else:
            queryset = queryset.filter(
                id__in=SearchFacetValue.objects.filter(facet=facet, value__in=values).values("document_id")
            )
    return queryset


def _counts(base: QuerySet[SearchDocument], filters: SearchFilters, name: str) -> dict[str, int]:
    scope = _restrict(base, filters, skip=name)
    facet = FILTERS[name][0]
    if facet == "section":
        rows = scope.order_by().values("section").annotate(n=Count("id")).values_list("section", "n")
    else:
        rows = (
            SearchFacetValue.objects.filter(facet=facet, document__in=scope.order_by().values("id"))
            .values("value")
            .annotate(n=Count("id"))
            .values_list("value", "n")
        )
    return dict(rows)


def facet_groups(
    base: QuerySet[SearchDocument], filters: SearchFilters, names: list[str] | None = None
) -> list[FacetGroup]:
    groups = []
    for name in list(FILTERS) if names is None else names:
        _, label, choices = FILTERS[name]
        counts = _counts(base, filters, name)
        selected = set(filters.selected(name))
        options = [
            FacetOption(value=str(value), label=str(text), count=counts.get(str(value), 0), selected=value in selected)
            for value, text in (choices() if callable(choices) else choices)
            if counts.get(str(value)) or value in selected
        ]
        groups.append(FacetGroup(name=name, label=label, options=options))
    return groups


def search(
    filters: SearchFilters, *, limit: int = 20, offset: int = 0, facets: list[str] | None = None
) -> SearchResults:
    """Published items matching the query and filters, most relevant first (most recent without query)."""
    terms = query_terms(filters.q)
    engine = backend()
    base = SearchDocument.objects.visible()
    if terms:
        base = engine.match(base, terms)
    matched = _restrict(base, filters)
    count = matched.count()
    if terms:
        ids = engine.ranked_ids(matched, terms, limit=limit, offset=offset)
        by_id = SearchDocument.objects.in_bulk(ids)
        documents = [by_id[pk] for pk in ids if pk in by_id]
    else:
        documents = list(matched.order_by(F("date").desc(nulls_last=True), "-id")[offset : offset + limit])
    return SearchResults(
        filters=filters,
        terms=terms,
        count=count,
        documents=documents,
        facets=facet_groups(base, filters, facets),
        limit=limit,
        offset=offset,
    )
