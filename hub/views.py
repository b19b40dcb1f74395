"""The doors (« particuliers », « organisations »), the kit's sheets and the territorial support page."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from core.cache import public_page
from hub import kit
from hub.sections import INDIVIDUAL_ORDER, ORGANISATION_ORDER, SECTIONS
from resources.selectors import upcoming_events
from search import selectors as search_selectors
from search.filters import SearchFilters
from search.models import Facet, SearchDocument, SearchFacetValue

SUPPORT_TITLE = "Accompagnement en territoire"


def _sections(order: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [
        {"title": SECTIONS[key].title, "url": reverse(SECTIONS[key].url_name), "description": description}
        for key, description in order
    ]


def _door(request: HttpRequest, *, title: str, template: str, order: list[tuple[str, str]]) -> HttpResponse:
    return render(
        request,
        template,
        {"page_title": title, "breadcrumb_data": {"links": [], "current": title}, "sections": _sections(order)},
    )


@public_page
def individuals(request: HttpRequest) -> HttpResponse:
    return _door(request, title="Je suis un particulier", template="hub/individuals.html", order=INDIVIDUAL_ORDER)


@public_page
def organisations(request: HttpRequest) -> HttpResponse:
    return _door(
        request, title="Je représente une organisation", template="hub/organisations.html", order=ORGANISATION_ORDER
    )


@public_page
def kit_index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "hub/kit/index.html",
        {
            "page_title": kit.KIT_TITLE,
            "breadcrumb_data": {"links": [], "current": kit.KIT_TITLE},
            "kit": kit,
            "sheets": kit.SHEETS,
        },
    )


@public_page
def kit_sheet(request: HttpRequest, slug: str) -> HttpResponse:
    sheet = kit.SHEETS_BY_SLUG.get(slug)
    if sheet is None:
        raise Http404("Fiche introuvable.")
    title = f"Fiche {sheet.number}"
    return render(
        request,
        "hub/kit/sheet.html",
        {
            "page_title": f"{title} — {sheet.title}",
            "breadcrumb_data": {"links": [{"url": reverse("hub:kit"), "title": kit.KIT_TITLE}], "current": title},
            "kit": kit,
            "sheet": sheet,
            "related_url": reverse(sheet.related_url_name),
            "others": [other for other in kit.SHEETS if other.slug != sheet.slug],
        },
    )


def _demo_count_by_region() -> dict[str, int]:
    """Published demo items (« exemples fictifs ») per région code, as the région counts count them."""
    rows = (
        SearchFacetValue.objects.filter(
            facet=Facet.REGION, document__is_demo=True, document__in=SearchDocument.objects.visible()
        )
        .values("value")
        .annotate(n=Count("document", distinct=True))
    )
    return {row["value"]: row["n"] for row in rows}


@public_page
def support(request: HttpRequest) -> HttpResponse:
    regions: list[Any] = []
    facets = search_selectors.search(SearchFilters(), limit=0, facets=["region"]).facets
    if facets:
        demo = _demo_count_by_region()
        regions = [{"option": option, "demo": demo.get(option.value, 0)} for option in facets[0].options]
    return render(
        request,
        "hub/support.html",
        {
            "page_title": SUPPORT_TITLE,
            "breadcrumb_data": {"links": [], "current": SUPPORT_TITLE},
            "regions": regions,
            "upcoming": upcoming_events(limit=5),
        },
    )
