"""« Territoires sans accompagnement », the demand side: per département, the support requests that no
catalyst covered. Counts only (no text, no person), as a page with its table and as CSV."""

from __future__ import annotations

import csv

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from core.breadcrumbs import breadcrumb
from core.cache import public_page
from support import selectors

TITLE = "Demandes d'accompagnement sans catalyseur"
CSV_COLUMNS = ["code_departement", "departement", "region", "demandes", "demandes_12_derniers_mois"]


@public_page
def unserved(request: HttpRequest) -> HttpResponse:
    rows = selectors.unserved_demand()
    return render(
        request,
        "support/unserved.html",
        {
            "page_title": TITLE,
            "breadcrumb_data": breadcrumb(
                TITLE,
                (reverse("hub:support"), "Accompagnement en territoire"),
                (reverse("catalysts:map"), "Carte de l'accompagnement en territoire"),
            ),
            "rows": rows,
            "total": sum(row.requests for row in rows),
            "last_year": sum(row.last_year for row in rows),
        },
    )


def unserved_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="demandes-sans-catalyseur.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for row in selectors.unserved_demand():
        writer.writerow([row.code, row.name, row.region, row.requests, row.last_year])
    return response
