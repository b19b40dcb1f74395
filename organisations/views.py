"""The directory of organisations: search and filters, and one page per organisation.

Without JavaScript the filter form submits a GET and the whole page comes back; with HTMX
(``request.htmx``) only the results fragment is rendered and swapped, and the URL is pushed.
Pagination is bounded (MAX_PAGE): deep pages of millions of rows are not worth their cost, the
filters are the way to narrow down.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from cases.selectors import cases_with_partner
from core.cache import public_page
from core.params import int_param, text_param
from organisations import selectors
from organisations.models import OrganisationStatus
from organisations.sections import sections_for
from reference.models import ActorKind, SustainableDevelopmentGoal

TITLE = "Annuaire des organisations"
PAGE_SIZE = 20
MAX_PAGE = 50
MAX_QUERY_LENGTH = 100
FRAGMENT = "organisations/includes/results.html"
LEVELS = [("region", "Région"), ("departement", "Département"), ("epci", "EPCI"), ("commune", "Commune")]


def _filters(request: HttpRequest) -> tuple[selectors.DirectoryFilters, list[str]]:
    """The filters of the query string; a value that cannot be used is ignored with a French warning."""
    warnings: list[str] = []
    q = text_param(request.GET, "q", max_length=MAX_QUERY_LENGTH)
    kind = text_param(request.GET, "type")
    if kind and not ActorKind.objects.filter(slug=kind).exists():
        warnings.append("Le filtre « Type d'acteur » contient une valeur inconnue : il a été ignoré.")
        kind = ""
    territory = None
    level, code = text_param(request.GET, "niveau", max_length=20), text_param(request.GET, "code", max_length=20)
    if code:
        try:
            territory = selectors.territory_filter(level or "commune", code)
        except (selectors.MalformedTerritory, selectors.UnknownTerritory) as problem:
            warnings.append(f"Filtre « Territoire » ignoré : {problem}")
    sdg = None
    if text_param(request.GET, "odd"):
        sdg = int_param(request.GET, "odd", default=0, minimum=0, maximum=18)  # 0 or 18: out of range
        if not 1 <= sdg <= 17:
            sdg = None
            warnings.append("Le filtre « ODD » attend un numéro de 1 à 17 : il a été ignoré.")
    return selectors.DirectoryFilters(q=q, kind=kind, territory=territory, sdg=sdg), warnings


def _page_number(request: HttpRequest) -> int:
    return int_param(request.GET, "page", default=1, minimum=1, maximum=MAX_PAGE)


@public_page
def directory(request: HttpRequest) -> HttpResponse:
    filters, warnings = _filters(request)
    queryset = selectors.organisations(filters).select_related("kind", "commune")
    count, capped = selectors.capped_count(queryset)
    last_page = max(1, min(MAX_PAGE, -(-count // PAGE_SIZE)))
    number = min(_page_number(request), last_page)
    start = (number - 1) * PAGE_SIZE
    context: dict[str, Any] = {
        "page_title": f"Recherche « {filters.q[:80]} » — {TITLE}" if filters.q else TITLE,
        "breadcrumb_data": {"links": [], "current": TITLE},
        "filters": filters,
        "level": filters.territory.level if filters.territory else text_param(request.GET, "niveau") or "departement",
        "code": filters.territory.code if filters.territory else text_param(request.GET, "code", max_length=20),
        "levels": LEVELS,
        "kinds": ActorKind.objects.all(),
        "sdgs": SustainableDevelopmentGoal.objects.all(),
        "organisations": list(queryset[start : start + PAGE_SIZE]),
        "count": count,
        "capped": capped,
        "number": number,
        "previous_page": number - 1 if number > 1 else None,
        "next_page": number + 1 if number < last_page else None,
        "last_page": last_page,
        "bounded": capped or -(-count // PAGE_SIZE) > MAX_PAGE,
        "warnings": warnings,
        "action": reverse("organisations:directory"),
    }
    htmx = getattr(request, "htmx", None)
    if htmx and not htmx.history_restore_request:
        return render(request, FRAGMENT, context)
    return render(request, "organisations/directory.html", context)


@public_page
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = selectors.organisation_by_id(pk)
    if organisation is None:
        raise Http404("Organisation introuvable.")
    return render(
        request,
        "organisations/detail.html",
        {
            "page_title": organisation.name,
            "breadcrumb_data": {
                "links": [{"url": reverse("organisations:directory"), "title": TITLE}],
                "current": organisation.name[:80],
            },
            "organisation": organisation,
            "cases": cases_with_partner(organisation.pk),
            # what other apps bring to the page (« Faire alliance »): organisations.sections says why
            "sections": sections_for(organisation),
            "dissolved": organisation.status == OrganisationStatus.DISSOLVED,
            "closed": organisation.status == OrganisationStatus.CLOSED,
        },
    )
