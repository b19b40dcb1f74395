"""« Données ouvertes » (/donnees/): the catalogue page, a page per dataset, and the files
(CSV streamed, ``schema.json``, ``datapackage.json``), each dated by its data's last change."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from core.breadcrumbs import breadcrumb
from core.cache import public_page
from opendata import descriptors, files, selectors
from opendata.registry import Dataset, dataset

TITLE = "Données ouvertes"


def _dataset_or_404(name: str) -> Dataset:
    found = dataset(name)
    if found is None:
        raise Http404("Jeu de données introuvable.")
    return found


def _timestamp(value: dt.datetime | dt.date | None) -> int | None:
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    return int(value.timestamp())


def _dated(response: HttpResponse | StreamingHttpResponse, last_modified: dt.datetime | dt.date | None) -> Any:
    timestamp = _timestamp(last_modified)
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    return response


def _json(data: dict[str, Any], last_modified: dt.datetime | dt.date | None) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False, indent=2)
    return _dated(HttpResponse(body, content_type="application/json; charset=utf-8"), last_modified)


def _homepage() -> str:
    return settings.SITE_URL.rstrip("/") + reverse("opendata:index")


@public_page
def index(request: HttpRequest) -> HttpResponse:
    entries = selectors.catalogue()
    return render(
        request,
        "opendata/index.html",
        {
            "page_title": TITLE,
            "breadcrumb_data": breadcrumb(TITLE),
            "entries": entries,
            "licence": descriptors.LICENCE,
        },
    )


@public_page
def dataset_page(request: HttpRequest, name: str) -> HttpResponse:
    entry = selectors.entry(_dataset_or_404(name))
    return render(
        request,
        "opendata/dataset.html",
        {
            "page_title": f"{entry.dataset.title} — {TITLE}",
            "breadcrumb_data": breadcrumb(entry.dataset.title, (reverse("opendata:index"), TITLE)),
            "entry": entry,
            "licence": descriptors.LICENCE,
        },
    )


def dataset_csv(request: HttpRequest, name: str, filename: str) -> HttpResponse | StreamingHttpResponse:
    """``/donnees/<nom>/<nom>.csv``: the file sits beside its ``datapackage.json`` under its own name."""
    found = _dataset_or_404(name)
    if filename != name:
        raise Http404("Fichier introuvable.")
    last_modified = found.last_modified()
    unchanged = get_conditional_response(request, last_modified=_timestamp(last_modified))
    if unchanged is not None:
        return unchanged
    rows = files.opened_rows(found)
    response = StreamingHttpResponse(files.csv_chunks(found, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{descriptors.csv_filename(found)}"'
    return _dated(response, last_modified)


def dataset_schema(request: HttpRequest, name: str) -> HttpResponse:
    found = _dataset_or_404(name)
    return _json(descriptors.table_schema(found), found.last_modified())


def dataset_datapackage(request: HttpRequest, name: str) -> HttpResponse:
    entry = selectors.entry(_dataset_or_404(name))
    return _json(selectors.dataset_package(entry, homepage=_homepage()), entry.last_modified)


def catalogue_datapackage(request: HttpRequest) -> HttpResponse:
    entries = selectors.catalogue()
    return _json(selectors.catalogue_package(entries, homepage=_homepage()), selectors.latest(entries))
