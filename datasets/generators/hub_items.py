"""What the generated hub items (cases, tools, studies, news) share: the published columns, reset, indexing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models

from datasets.generators.common import Progress, raw_delete
from search import facet_index, indexing
from search.models import SearchDocument, SearchFacetValue

CREATED_AT = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def published_fields() -> dict[str, Any]:
    """Live, published once, generated (no revision: the bench reads, it does not edit)."""
    return {
        "live": True,
        "has_unpublished_changes": False,
        "first_published_at": CREATED_AT,
        "last_published_at": CREATED_AT,
        "is_generated": True,
        "created_at": CREATED_AT,
    }


def remove_documents(model: type[models.Model]) -> None:
    generated = model.objects.filter(is_generated=True).values("pk")
    documents = SearchDocument.objects.filter(section=indexing.SECTION_OF[model], object_id__in=generated)
    raw_delete(SearchFacetValue.objects.filter(document__in=documents.values("pk")))
    raw_delete(documents)
    facet_index.mark_rewritten()


def index(model: type[models.Model], progress: Progress) -> int:
    return indexing.index_many(model, model.objects.filter(is_generated=True), progress=progress)
