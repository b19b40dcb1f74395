"""Public statistics of « Faire alliance »: the page, its chart and its CSV (alliances.stats)."""

from __future__ import annotations

import csv

from csp.decorators import csp_exempt
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from alliances import stats, stats_charts
from core.breadcrumbs import breadcrumb
from core.cache import public_page

TITLE = "Statistiques de « Faire alliance »"


@public_page
def statistics(request: HttpRequest) -> HttpResponse:
    figures = stats.alliance_stats()
    return render(
        request,
        "alliances/statistics.html",
        {
            "page_title": TITLE,
            "breadcrumb_data": breadcrumb("Statistiques", (reverse("alliances:index"), "Faire alliance")),
            "stats": figures,
        },
    )


@csp_exempt()
@public_page
def statistics_chart(request: HttpRequest) -> HttpResponse:
    svg = stats_charts.by_departement_svg(stats.alliance_stats())
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")


def statistics_csv(request: HttpRequest) -> HttpResponse:
    """The figures of the page as CSV (UTF-8 with BOM, « ; », a comma in decimals; empty = sans objet)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="faire-alliance-statistiques.csv"'
    response.write("\ufeff")
    csv.writer(response, delimiter=";").writerows(stats.csv_rows(stats.alliance_stats()))
    return response
