"""Index an item when it is published, remove it when it is unpublished, expired or deleted.

Wagtail sends ``published`` / ``unpublished`` after the whole item (with its partners, targets…)
is saved, from the back office, the services and ``publish_scheduled`` alike. Items without a
publication workflow (roadmap measures, the source document's actors, history, forces of change and
surveys) are written by the reference loader and the back office, so their saves are followed too.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.signals import published, unpublished

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


def _on_reference_saved(sender: type, instance: Any, **kwargs: Any) -> None:
    """Items without a publication workflow (measures, the source document's records) are live once saved."""
    if not kwargs.get("raw"):
        indexing.index_object(instance)


def _on_part_changed(sender: type, instance: Any, **kwargs: Any) -> None:
    """A part (a survey's figure) changed: its item's document is written again."""
    if kwargs.get("raw"):
        return
    owner = indexing.PART_OF[sender](instance)
    if type(owner)._default_manager.filter(pk=owner.pk).exists():
        indexing.index_object(owner)


def _on_deleted(sender: type, instance: Any, **kwargs: Any) -> None:
    if indexing.is_indexed_model(sender):
        indexing.remove_object(sender, instance.pk)


def connect() -> None:
    published.connect(_on_published, dispatch_uid="search_published")
    unpublished.connect(_on_unpublished, dispatch_uid="search_unpublished")
    post_save.connect(_on_saved, dispatch_uid="search_saved")
    for model in indexing.INDEXED_ON_SAVE:
        post_save.connect(_on_reference_saved, sender=model, dispatch_uid=f"search_saved_{model._meta.label_lower}")
    for model in indexing.PART_OF:
        uid = f"search_part_{model._meta.label_lower}"
        post_save.connect(_on_part_changed, sender=model, dispatch_uid=f"{uid}_saved")
        post_delete.connect(_on_part_changed, sender=model, dispatch_uid=f"{uid}_deleted")
    post_delete.connect(_on_deleted, dispatch_uid="search_deleted")
