"""The editorial write shared by every hub item: fill, validate, save, record a revision, publish."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.db import models

from hub.models import HubItem
from hub.slugs import unique_slug

T = TypeVar("T", bound=HubItem)


def item_save(
    *,
    model: type[T],
    item: T | None,
    values: Mapping[str, Any],
    many: Mapping[str, Iterable[models.Model]] | None = None,
    publish: bool,
    user: AbstractBaseUser | None,
) -> T:
    """Create (``item=None``) or update ``item`` as a new revision; publish it when asked.

    Call inside a transaction (the callers are ``@transaction.atomic`` services). Invalid values
    raise ValidationError (French messages, field by field) before anything is written.
    """
    if item is None:
        item = model(live=False)
    for name, value in values.items():
        setattr(item, name, value)
    if not item.slug:
        item.slug = unique_slug(model, item.title)
    item.full_clean(exclude=list(many or ()))
    for name, objects in (many or {}).items():
        setattr(item, name, list(objects))
    item.save()
    revision = item.save_revision(user=user)
    if publish:
        revision.publish(user=user, skip_permission_checks=True)
        item.refresh_from_db()
    return item


def item_unpublish(*, item: HubItem, user: AbstractBaseUser | None = None) -> HubItem:
    """Withdraw an item from the public (pages, search, API); drafts and revisions are kept."""
    item.unpublish(user=user)
    return item
