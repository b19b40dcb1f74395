"""The feeds of the page being shown, for ``<link rel="alternate">`` in its head."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from syndication.feeds import SECTION_FEEDS, SERVICE_NAME
from syndication.queries import filters_from_query, normalised_query

_SECTION_BY_URL_NAME = {info.url_name: info for info in SECTION_FEEDS.values()}


def alternate_feeds(request: HttpRequest) -> dict[str, Any]:
    match = getattr(request, "resolver_match", None)
    htmx = getattr(request, "htmx", None)
    if match is None or (htmx and not htmx.history_restore_request):
        return {}  # no page head to fill (error pages without a match, HTMX fragments)
    if match.view_name == "search:search":
        query = normalised_query(filters_from_query(request.GET))
        suffix = f"?{query}" if query else ""
        return {
            "alternate_feeds": [
                (
                    "application/rss+xml",
                    f"{SERVICE_NAME} — cette recherche (RSS)",
                    reverse("syndication:search_rss") + suffix,
                ),
                (
                    "application/atom+xml",
                    f"{SERVICE_NAME} — cette recherche (Atom)",
                    reverse("syndication:search_atom") + suffix,
                ),
            ]
        }
    info = _SECTION_BY_URL_NAME.get(match.view_name)
    if info is None:
        return {}
    return {
        "alternate_feeds": [
            (
                "application/rss+xml",
                f"{SERVICE_NAME} — {info.title} (RSS)",
                reverse("syndication:section_rss", kwargs={"section": info.slug}),
            ),
            (
                "application/atom+xml",
                f"{SERVICE_NAME} — {info.title} (Atom)",
                reverse("syndication:section_atom", kwargs={"section": info.slug}),
            ),
        ]
    }
