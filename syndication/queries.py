"""The published items a search URL designates, unranked: what feeds and alerts follow.

Same filters and same full-text match as the search page (``search.selectors``), without the
ranking and the facet counts that a feed or an e-mail alert does not need.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from django.db.models import F, QuerySet
from django.http import QueryDict

from core.demo import DEMO_PARAMETER, HIDE_VALUE
from search.backends import backend
from search.filters import FILTERS, SearchFilters, SearchForm
from search.models import SearchDocument
from search.query import query_clauses
from search.selectors import restrict


def filters_from_query(data: QueryDict | Mapping[str, list[str]]) -> SearchFilters:
    """Parse a search query string; unknown filter values are dropped, as on the search page."""
    form = SearchForm(data)
    form.is_valid()
    return SearchFilters.from_form(form)


def normalised_query(filters: SearchFilters) -> str:
    """One canonical query string per filter state: known filters only, sorted values, no page."""
    pairs: list[tuple[str, str]] = []
    if filters.q.strip():
        pairs.append(("q", " ".join(filters.q.split())))
    for name in FILTERS:
        pairs.extend((name, value) for value in sorted(set(filters.selected(name))))
    if filters.hide_demo:
        pairs.append((DEMO_PARAMETER, HIDE_VALUE))
    return urlencode(pairs)


def matching_documents(filters: SearchFilters) -> QuerySet[SearchDocument]:
    """Published, unexpired items matching the query and filters, most recent first."""
    documents = SearchDocument.objects.visible()
    terms = query_clauses(filters.q)
    if terms:
        documents = backend().match(documents, terms)
    return restrict(documents, filters).order_by(F("date").desc(nulls_last=True), "-id")
