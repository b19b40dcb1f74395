"""Index an item when it is published, remove it when it is unpublished, expired or deleted.

Wagtail sends ``published`` / ``unpublished`` after the whole item (with its partners, targets…)
is saved, from the back office, the services and ``publish_scheduled`` alike. Roadmap measures
are also written by the reference loader, so their saves are followed too.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.signals import published, unpublished

from roadmap.models import Measure
from search import indexing


def _on_published(sender: type, instance: Any, **kwargs: Any) -> None:
    if indexing.is_indexed_model(sender):
        indexing.index_object(instance)


def _on_unpublished(sender: type, instance: Any, **kwargs: Any) -> None:
    if indexing.is_indexed_model(sender):
        indexing.remove_object(sender, instance.pk)


def _on_saved(sender: type, instance: Any, **kwargs: Any) -> None:
    """A save that takes an item off line (``live=False``) removes it from search at once."""
    if indexing.is_indexed_model(sender) and not kwargs.get("raw") and not getattr(instance, "live", True):
        indexing.remove_object(sender, instance.pk)


def _on_measure_saved(sender: type, instance: Measure, **kwargs: Any) -> None:
    if not kwargs.get("raw"):
        indexing.index_object(instance)


def _on_deleted(sender: type, instance: Any, **kwargs: Any) -> None:
    if indexing.is_indexed_model(sender):
        indexing.remove_object(sender, instance.pk)


def connect() -> None:
    published.connect(_on_published, dispatch_uid="search_published")
    unpublished.connect(_on_unpublished, dispatch_uid="search_unpublished")
    post_save.connect(_on_saved, dispatch_uid="search_saved")
    post_save.connect(_on_measure_saved, sender=Measure, dispatch_uid="search_measure_saved")
    post_delete.connect(_on_deleted, dispatch_uid="search_deleted")
