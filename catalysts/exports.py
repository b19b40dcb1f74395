"""CSV downloads (semicolon-separated, UTF-8 with BOM so that spreadsheets open them right)."""

from __future__ import annotations

import csv
from collections.abc import Iterable

from django.http import HttpResponse

from catalysts.selectors import DepartementRow


def csv_response(rows: Iterable[list[object]], *, filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    csv.writer(response, delimiter=";").writerows(rows)
    return response


def uncovered_rows(rows: Iterable[DepartementRow]) -> Iterable[list[object]]:
    """Départements without a real active catalyst: ``catalyseurs_actifs`` counts real catalysts only
    (always 0 here), ``exemples_fictifs`` the demo catalysts that the map shows there."""
    yield ["code_departement", "departement", "region", "catalyseurs_actifs", "exemples_fictifs", "organisations"]
    for row in rows:
        yield [row.code, row.name, row.region, row.real_catalysts, row.demo_catalysts, row.organisations]
