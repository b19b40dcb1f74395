"""Public pages of territorial support: the catalysts, one page per catalyst, the tile map."""

from __future__ import annotations

from csp.decorators import csp_exempt
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from catalysts import exports, selectors, tilemap
from core.breadcrumbs import breadcrumb
from core.cache import public_page
from core.demo import hide_demo
from core.downloads import csv_response
from core.params import text_param
from territories.models import Departement, Region

LIST_TITLE = "Catalyseurs territoriaux"
MAP_TITLE = "Carte de l'accompagnement en territoire"
SUPPORT_TITLE = "Accompagnement en territoire"


def _crumbs(current: str, *links: tuple[str, str]) -> dict:
    return breadcrumb(current, (reverse("hub:support"), SUPPORT_TITLE), *links)


@public_page
def catalyst_list(request: HttpRequest) -> HttpResponse:
    """Active catalysts; ``departement`` or ``region`` (a code) narrows to those covering the territory."""
    warnings: list[str] = []
    level, code, territory = "", "", None
    for field, model, label in (("departement", Departement, "Département"), ("region", Region, "Région")):
        value = text_param(request.GET, field, max_length=3).upper()
        if not value or level:
            continue
        territory = model._default_manager.filter(code=value).first()
        if territory is None:
            warnings.append(f"Le filtre « {label} » contient une valeur inconnue : il a été ignoré.")
        else:
            level, code = field, value
    hidden = hide_demo(request)
    catalysts = selectors.catalysts(level=level, code=code, hide_demo=hidden)
    return render(
        request,
        "catalysts/list.html",
        {
            "page_title": f"{LIST_TITLE} : {territory}" if level else LIST_TITLE,
            "breadcrumb_data": _crumbs(LIST_TITLE),
            "catalysts": catalysts.prefetch_related("departements", "regions"),
            "tally": selectors.tally(catalysts),
            "demo_hidden": hidden,
            "territory": territory if level else None,
            "level": level,
            "code": code,
            "warnings": warnings,
            "schemes": selectors.support_schemes(level=level, code=code, hide_demo=hidden),
            "departements": Departement.objects.order_by("code"),
            "regions": Region.objects.order_by("name"),
        },
    )


@public_page
def catalyst_detail(request: HttpRequest, slug: str) -> HttpResponse:
    catalyst = selectors.catalyst_by_slug(slug)
    if catalyst is None:
        raise Http404("Aucun catalyseur actif ne porte cet identifiant.")
    return render(
        request,
        "catalysts/detail.html",
        {
            "page_title": catalyst.name,
            "breadcrumb_data": _crumbs(catalyst.name, (reverse("catalysts:list"), LIST_TITLE)),
            "catalyst": catalyst,
            "covered": Departement.objects.filter(code__in=catalyst.covered_departement_codes()).order_by("code"),
        },
    )


@public_page
def catalyst_map(request: HttpRequest) -> HttpResponse:
    hidden = hide_demo(request)
    rows = selectors.departement_rows(hide_demo=hidden)
    return render(
        request,
        "catalysts/map.html",
        {
            "page_title": MAP_TITLE,
            "breadcrumb_data": _crumbs(MAP_TITLE),
            "rows": rows,
            "uncovered": selectors.uncovered_departements(rows),
            "scale": tilemap.SCALE,
            "tally": selectors.tally(selectors.catalysts(hide_demo=hidden)),
            "demo_hidden": hidden,
        },
    )


@csp_exempt()
@public_page
def catalyst_map_svg(request: HttpRequest) -> HttpResponse:
    svg = tilemap.render_svg(selectors.departement_rows(hide_demo=hide_demo(request)))
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")


def uncovered_csv(request: HttpRequest) -> HttpResponse:
    return csv_response(
        exports.uncovered_rows(selectors.uncovered_departements()), filename="territoires-sans-accompagnement.csv"
    )
