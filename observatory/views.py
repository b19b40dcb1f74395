"""The Observatoire des partenariats page, its charts (SVG) and its CSV download."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from core.breadcrumbs import breadcrumb
from core.cache import public_page
from core.downloads import csv_response
from knowledge.sourcing import SOURCE_DOCUMENT
from observatory import charts, exports, selectors

TITLE = "Observatoire des partenariats"


@public_page
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "observatory/index.html",
        {
            "page_title": TITLE,
            "breadcrumb_data": breadcrumb(TITLE),
            "groups": selectors.indicator_groups(),
            "surveys": selectors.surveys(),
            "source_document": SOURCE_DOCUMENT,
        },
    )


def indicator_chart(request: HttpRequest, slug: str) -> HttpResponse:
    group = selectors.indicator_group(slug)
    if group is None:
        raise Http404("Indicateur introuvable.")
    return HttpResponse(charts.indicator_svg(group), content_type="image/svg+xml; charset=utf-8")


def figures_csv(request: HttpRequest) -> HttpResponse:
    return csv_response(exports.figure_rows(selectors.figures()), filename="observatoire-chiffres.csv")
