"""The editors' synonyms, as the query reads them: each expression's terms → the terms of its whole group.

Read from ``search.Synonym`` once, then kept in the shared ``search`` cache (every server process
sees an edit at once: saving or deleting a synonym drops the cached table). Loaded from
data/reference/search_synonyms.yml by ``load_reference_data`` (``load_synonyms``, idempotent).
"""

from __future__ import annotations

from typing import Any

from django.core.cache import caches
from django.db.models.signals import post_delete, post_save

from core.loading import LoadReport, read_yaml
from search.models import Synonym
from search.text import terms

CACHE_KEY = "synonyms"
CACHE_SECONDS = 24 * 3600
SYNONYMS_FILE = "reference/search_synonyms.yml"

Groups = dict[tuple[str, ...], tuple[tuple[str, ...], ...]]


def build_groups(expression_lists: list[list[str]]) -> Groups:
    """Each expression's terms → every distinct form of its group (an expression in two groups joins them)."""
    group_of: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for expressions in expression_lists:
        group: list[tuple[str, ...]] = []
        for form in (tuple(terms(expression)) for expression in expressions):
            if form and form not in group:
                for other in group_of.get(form, [form]):
                    if other not in group:
                        group.append(other)
        for form in group:
            group_of[form] = group
    return {form: tuple(group) for form, group in group_of.items()}


def synonym_groups() -> Groups:
    cache = caches["search"]
    groups = cache.get(CACHE_KEY)
    if groups is None:
        groups = build_groups([synonym.expression_list() for synonym in Synonym.objects.all()])
        cache.set(CACHE_KEY, groups, CACHE_SECONDS)
    return groups


def forget_synonyms(**kwargs: Any) -> None:
    caches["search"].delete(CACHE_KEY)


def connect() -> None:
    post_save.connect(forget_synonyms, sender=Synonym, dispatch_uid="search_synonyms_saved")
    post_delete.connect(forget_synonyms, sender=Synonym, dispatch_uid="search_synonyms_deleted")


def load_synonyms(report: LoadReport) -> None:
    """The synonyms of data/reference/ that the base lacks: a group already there is the editors' (left as is)."""
    label = str(Synonym._meta.verbose_name_plural)
    existing = set(Synonym.objects.values_list("slug", flat=True))
    for item in read_yaml(SYNONYMS_FILE):
        if item["slug"] in existing:
            report.add(label, "unchanged")
            continue
        synonym = Synonym(slug=item["slug"], expressions="\n".join(item["expressions"]), source=item["source"])
        synonym.full_clean()
        synonym.save()
        report.add(label, "created")
    forget_synonyms()
