"""Short-lived cache of public pages, shared by the server's workers.

Anonymous visitors of a public page get the same HTML for up to ``PUBLIC_PAGE_CACHE_SECONDS``;
any write to public content clears it at once (``clear_public_pages``), so editors never wait.
The cache is the ``pages`` alias: files under var/ by default (shared by gunicorn's workers on
one machine), Redis with ``CACHE_URL`` (shared by every app server, cleared without touching the other
caches: core/cache_backends.py). See docs/adr/0008-public-page-cache.md and 0018-stateless-nodes.md.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import cache_page

PAGES_CACHE = "pages"

View = Callable[..., HttpResponse]


# An HTMX request gets a fragment, a history restore the whole page: both headers key the cache.
HTMX_HEADERS = ("HX-Request", "HX-History-Restore-Request")


def public_page(view: View) -> View:
    """Cache a public GET view for anonymous visitors (signed-in users always get fresh pages)."""

    @functools.wraps(view)
    def varied_view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        patch_vary_headers(response, HTMX_HEADERS)
        return response

    if settings.PUBLIC_PAGE_CACHE_SECONDS <= 0:  # off: pages cached earlier are not served either
        return varied_view
    cached_view = cache_page(settings.PUBLIC_PAGE_CACHE_SECONDS, cache=PAGES_CACHE)(varied_view)

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        return cached_view(request, *args, **kwargs)

    return wrapper


def clear_public_pages(**_: Any) -> None:
    caches[PAGES_CACHE].clear()


def connect_invalidation() -> None:
    """Any saved or deleted row of a public-content app clears the page cache."""
    for signal in (post_save, post_delete):
        signal.connect(_on_change, dispatch_uid=f"public-pages-{signal}")


def _on_change(sender: type, **kwargs: Any) -> None:
    if sender._meta.app_label in settings.PUBLIC_CONTENT_APPS:
        clear_public_pages()
        _clear_again_after_commit()


def _clear_again_after_commit() -> None:
    """Clear once more when the write commits: a page that another worker or server rendered in between,
    from the data as it was before the commit, is not kept until it expires."""
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(entry[1] is clear_public_pages for entry in connection.run_on_commit):
        transaction.on_commit(clear_public_pages)
