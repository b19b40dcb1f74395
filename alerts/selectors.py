"""Reads of the alerts: the description of a saved search, its new published results."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.http import QueryDict

from alerts.models import SavedSearch
from cases.models import Case
from resources.models import Event, NewsItem, Study, Tool
from roadmap.models import Measure
from search.filters import FILTERS, SearchFilters
from search.models import SearchDocument, Section
from syndication.queries import filters_from_query, matching_documents

# Where the publication date of each kind of indexed item lives (DraftStateMixin.first_published_at).
SECTION_MODELS = {
    Section.CASE: Case,
    Section.TOOL: Tool,
    Section.STUDY: Study,
    Section.NEWS: NewsItem,
    Section.EVENT: Event,
    Section.MEASURE: Measure,
}


def saved_search_filters(saved_search: SavedSearch) -> SearchFilters:
    return filters_from_query(QueryDict(saved_search.query))


def saved_search_description(saved_search: SavedSearch) -> list[str]:
    """« Texte : … », « Région : Bretagne »…: the saved filters, in French, for the pages and e-mails."""
    filters = saved_search_filters(saved_search)
    lines = [f"Texte : « {filters.q} »"] if filters.q else []
    for name, values in filters.values.items():
        _, label, choices = FILTERS[name]
        labels = dict(choices() if callable(choices) else choices)  # type: ignore[operator]
        lines.append(f"{label} : {', '.join(str(labels.get(value, value)) for value in values)}")
    return lines or ["Tous les contenus de la plateforme"]


def new_results(saved_search: SavedSearch, *, since: dt.datetime, until: dt.datetime) -> QuerySet[SearchDocument]:
    """Published items matching the search whose first publication falls in ``(since, until]``."""
    first_published = Q()
    for section, model in SECTION_MODELS.items():
        ids = model.objects.filter(first_published_at__gt=since, first_published_at__lte=until).values("pk")
        first_published |= Q(section=section, object_id__in=ids)
    return matching_documents(saved_search_filters(saved_search)).filter(first_published)
