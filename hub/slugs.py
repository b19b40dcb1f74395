"""Unique slugs for the hub's items."""

from __future__ import annotations

from django.db import models
from django.utils.text import slugify

MAX_BASE_LENGTH = 100


def unique_slug(model: type[models.Model], title: str) -> str:
    """``slugify(title)``, with ``-2``, ``-3``… appended until no row of ``model`` uses it."""
    base = slugify(title)[:MAX_BASE_LENGTH].strip("-") or "element"
    slug, suffix = base, 2
    while model._default_manager.filter(slug=slug).exists():
        slug = f"{base}-{suffix}"
        suffix += 1
    return slug
