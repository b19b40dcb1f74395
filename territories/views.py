"""Public pages of the geography: parse the request, call a selector, render."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from core.breadcrumbs import breadcrumb
from core.cache import public_page
from core.params import int_param, text_param
from territories import selectors
from territories.models import Commune, Departement, Epci, Region

INDEX_TITLE = "Territoires"
PAGE_SIZE = 50
MAX_QUERY_LENGTH = 100


def _crumbs(current: str, *links: tuple[str, str]) -> dict[str, Any]:
    index = (reverse("territories:index"), INDEX_TITLE)
    return breadcrumb(current, index, *links)


def _page(request: HttpRequest, queryset: QuerySet[Any]) -> Page:
    page = Paginator(queryset, PAGE_SIZE).get_page(int_param(request.GET, "page", default=1, minimum=1, maximum=10_000))
    page.pages_list = list(page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1))  # type: ignore[attr-defined]
    return page


def _or_404(territory: Any, label: str, code: str) -> Any:
    if territory is None:
        raise Http404(f"{label} {code} introuvable.")
    return territory


def index(request: HttpRequest) -> HttpResponse:
    q = text_param(request.GET, "q", max_length=MAX_QUERY_LENGTH)
    return render(
        request,
        "territories/index.html",
        {
            "page_title": f"Recherche « {q} » — {INDEX_TITLE}" if q else INDEX_TITLE,
            "breadcrumb_data": {"links": [], "current": INDEX_TITLE},
            "q": q,
            "result": selectors.search(q) if q else None,
            "regions": selectors.regions(),
        },
    )


@public_page
def region_detail(request: HttpRequest, code: str) -> HttpResponse:
    region: Region = _or_404(selectors.region_by_code(code), "Région", code)
    departements = selectors.departements(region=region.code).annotate(population=Sum("communes__population"))
    return render(
        request,
        "territories/region_detail.html",
        {
            "page_title": f"Région {region.name}",
            "breadcrumb_data": _crumbs(region.name),
            "territory": region,
            "departements": departements,
            "population": sum(d.population or 0 for d in departements),
            "commune_count": region.communes.count(),
        },
    )


@public_page
def departement_detail(request: HttpRequest, code: str) -> HttpResponse:
    departement: Departement = _or_404(selectors.departement_by_code(code), "Département", code)
    region = departement.region
    communes = departement.communes.select_related("epci").order_by("search_key", "code")
    return render(
        request,
        "territories/departement_detail.html",
        {
            "page_title": f"Département {departement}",
            "breadcrumb_data": _crumbs(str(departement), (region.get_absolute_url(), region.name)),
            "territory": departement,
            "region": region,
            "epcis": selectors.epcis(departement=departement.code).order_by("name"),
            "population": communes.aggregate(total=Sum("population"))["total"] or 0,
            "page_obj": _page(request, communes),
        },
    )


@public_page
def epci_detail(request: HttpRequest, code: str) -> HttpResponse:
    epci: Epci = _or_404(selectors.epci_by_code(code), "EPCI", code)
    departements = list(selectors.epci_departements(epci))
    regions = sorted({d.region for d in departements}, key=lambda r: r.name)
    communes = epci.communes.select_related("departement").order_by("search_key", "code")
    return render(
        request,
        "territories/epci_detail.html",
        {
            "page_title": epci.name,
            "breadcrumb_data": _crumbs(epci.name),
            "territory": epci,
            "departements": departements,
            "regions": regions,
            "page_obj": _page(request, communes),
        },
    )


@public_page
def commune_detail(request: HttpRequest, code: str) -> HttpResponse:
    commune: Commune = _or_404(selectors.commune_by_code(code), "Commune", code)
    departement, region = commune.departement, commune.region
    return render(
        request,
        "territories/commune_detail.html",
        {
            "page_title": f"Commune de {commune.name} ({departement.code})",
            "breadcrumb_data": _crumbs(
                commune.name,
                (region.get_absolute_url(), region.name),
                (departement.get_absolute_url(), str(departement)),
            ),
            "territory": commune,
            "departement": departement,
            "region": region,
            "epci": commune.epci,
        },
    )
