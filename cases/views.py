"""Public pages of the case base: parse the request, call a selector, render."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from cases import selectors
from core.cache import public_page
from search.models import Section
from search.views import filtered_listing

INDEX_TITLE = "Exemples inspirants"
FACETS = ["actor_kind", "modality", "sdg", "region", "departement"]


@public_page
def index(request: HttpRequest) -> HttpResponse:
    return filtered_listing(
        request,
        template="cases/index.html",
        context={"page_title": INDEX_TITLE, "breadcrumb_data": {"links": [], "current": INDEX_TITLE}},
        section=Section.CASE,
        facets=FACETS,
    )


@public_page
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    case = selectors.case_by_slug(slug)
    if case is None:
        raise Http404("Exemple introuvable.")
    return render(
        request,
        "cases/detail.html",
        {
            "page_title": case.title,
            "breadcrumb_data": {
                "links": [{"url": reverse("cases:index"), "title": INDEX_TITLE}],
                "current": case.title,
            },
            "case": case,
            "similar": selectors.similar_cases(case),
        },
    )
