"""Public pages of the resources: tools & methods, studies & reports, news, agenda."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from agenda import selectors as agenda_selectors
from agenda.forms import agenda_form_choices
from core.breadcrumbs import breadcrumb
from core.cache import public_page
from core.demo import hide_demo
from resources import selectors
from search.models import Section
from search.views import filtered_listing

TOOLS_TITLE = "Outils & méthodes"
STUDIES_TITLE = "Études & rapports"
NEWS_TITLE = "Actualités"
AGENDA_TITLE = "Agenda"
AGENDA_PAGE_SIZE = 100


def _published_or_404(queryset: QuerySet[Any], slug: str) -> Any:
    item = queryset.filter(slug=slug).first()
    if item is None:
        raise Http404("Contenu introuvable.")
    return item


@public_page
def tools(request: HttpRequest) -> HttpResponse:
    return filtered_listing(
        request,
        template="resources/tools.html",
        context={"page_title": TOOLS_TITLE, "breadcrumb_data": breadcrumb(TOOLS_TITLE)},
        section=Section.TOOL,
        facets=["phase", "actor_kind", "maturity"],
    )


@public_page
def tool_map(request: HttpRequest) -> HttpResponse:
    title = "Cartographie des outils"
    return render(
        request,
        "resources/tool_map.html",
        {
            "page_title": title,
            "breadcrumb_data": breadcrumb(title, (reverse("resources:tools"), TOOLS_TITLE)),
            "map": selectors.tool_map(hide_demo=hide_demo(request)),
            "demo_hidden": hide_demo(request),
        },
    )


@public_page
def tool_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tool = _published_or_404(selectors.published_tools(), slug)
    return render(
        request,
        "resources/tool_detail.html",
        {
            "page_title": tool.title,
            "breadcrumb_data": breadcrumb(tool.title, (reverse("resources:tools"), TOOLS_TITLE)),
            "tool": tool,
        },
    )


@public_page
def studies(request: HttpRequest) -> HttpResponse:
    return filtered_listing(
        request,
        template="resources/studies.html",
        context={"page_title": STUDIES_TITLE, "breadcrumb_data": breadcrumb(STUDIES_TITLE)},
        section=Section.STUDY,
        facets=[],
    )


@public_page
def study_detail(request: HttpRequest, slug: str) -> HttpResponse:
    study = _published_or_404(selectors.published_studies(), slug)
    return render(
        request,
        "resources/study_detail.html",
        {
            "page_title": study.title,
            "breadcrumb_data": breadcrumb(study.title, (reverse("resources:studies"), STUDIES_TITLE)),
            "study": study,
        },
    )


@public_page
def news(request: HttpRequest) -> HttpResponse:
    return filtered_listing(
        request,
        template="resources/news.html",
        context={
            "page_title": NEWS_TITLE,
            "breadcrumb_data": breadcrumb(NEWS_TITLE),
            "upcoming": selectors.upcoming_events(limit=3),
        },
        section=Section.NEWS,
        facets=[],
    )


@public_page
def news_detail(request: HttpRequest, slug: str) -> HttpResponse:
    item = _published_or_404(selectors.published_news(), slug)
    return render(
        request,
        "resources/news_detail.html",
        {
            "page_title": item.title,
            "breadcrumb_data": breadcrumb(item.title, (reverse("resources:news_index"), NEWS_TITLE)),
            "item": item,
        },
    )


@public_page
def agenda(request: HttpRequest) -> HttpResponse:
    """Upcoming events, filterable by territory, dates and audience; each filter state has its iCal feed."""
    filters = agenda_selectors.filters_from_query(request.GET)
    query = filters.query()
    upcoming = agenda_selectors.filtered_events(filters)
    counts = upcoming.order_by().aggregate(total=Count("pk"), demo=Count("pk", filter=Q(is_demo=True)))
    return render(
        request,
        "resources/agenda.html",
        {
            "page_title": AGENDA_TITLE,
            "breadcrumb_data": breadcrumb(AGENDA_TITLE),
            "filters": filters,
            "form_choices": agenda_form_choices(filters),
            "upcoming": upcoming[:AGENDA_PAGE_SIZE],
            "total": counts["total"],
            "demo": counts["demo"],
            "past": [] if filters.dated else agenda_selectors.past_events(filters),
            "demo_hidden": filters.hide_demo,
            "feed_url": reverse("syndication:agenda_ics") + (f"?{query}" if query else ""),
        },
    )


@public_page
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = _published_or_404(selectors.published_events(), slug)
    return render(
        request,
        "resources/event_detail.html",
        {
            "page_title": event.title,
            "breadcrumb_data": breadcrumb(event.title, (reverse("resources:agenda"), AGENDA_TITLE)),
            "event": event,
            "details": agenda_selectors.event_details(event),
        },
    )
