"""CSV downloads of every app: semicolon-separated, UTF-8 with a BOM, so that spreadsheets open them right."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence

from django.http import HttpResponse


def csv_response(rows: Iterable[Sequence[object]], *, filename: str) -> HttpResponse:
    """``rows`` (the header first) as a CSV attachment named ``filename``."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    csv.writer(response, delimiter=";").writerows(rows)
    return response
