"""The extra page types of the bench (label → path), chosen from the data present (generated or not)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse

from alliances.models import Listing, ListingResource
from cases.models import Case
from datasets.vocabulary import FREQUENT_WORD
from organisations.models import Organisation
from orientation.bench import bench_result_path
from territories.models import Commune, Departement, Epci, Region


def bench_paths() -> dict[str, str]:
    paths: dict[str, str] = {}
    commune = Commune.objects.order_by("-population", "code").first()
    if commune is not None:
        directory = reverse("organisations:directory")
        paths["Annuaire filtré par département"] = (
            f"{directory}?{urlencode({'niveau': 'departement', 'code': commune.departement_id})}"
        )
    organisation = Organisation.objects.filter(is_generated=True).order_by("pk").first()
    organisation = organisation or Organisation.objects.order_by("pk").first()
    if organisation is not None:
        paths["Une organisation"] = organisation.get_absolute_url()
    cases = Case.objects.published()
    case = cases.filter(is_generated=True).order_by("pk").first() or cases.order_by("pk").first()
    if case is not None:
        paths["Un exemple inspirant"] = case.get_absolute_url()
    paths["Recherche (mot fréquent + 2 facettes)"] = f"{reverse('search:search')}?{urlencode(search_query())}"
    if commune is not None:
        paths["Une commune"] = commune.get_absolute_url()
        paths.update(territory_paths())
        paths["API organisations (département)"] = (
            f"/api/v1/organisations?{urlencode({'territory': f'departement:{commune.departement_id}'})}"
        )
    orientation = bench_result_path()
    if orientation is not None:
        paths["Résultat d'orientation (Par où commencer ?)"] = orientation
    paths["API exemples inspirants"] = "/api/v1/cases"
    need = _busiest_need()
    if need is not None:
        paths["Suggestions pour un besoin"] = reverse("alliances:suggestions", kwargs={"pk": need.pk})
    listings = _listing_filters()
    if listings:
        paths["Faire alliance (département + ressource)"] = f"{reverse('alliances:index')}?{urlencode(listings)}"
    paths["API recherche"] = f"/api/v1/search?{urlencode({'q': FREQUENT_WORD})}"
    return paths


def territory_paths() -> dict[str, str]:
    """The other territory pages of issue 15's speed target: a small commune, a département, a région, an EPCI."""
    paths: dict[str, str] = {}
    places: list[tuple[str, Any, str]] = [
        ("Une commune (Marseille)", Commune, "13055"),
        ("Une petite commune (Laon)", Commune, "02408"),
        ("Un département (Bouches-du-Rhône)", Departement, "13"),
        ("Une région (Île-de-France)", Region, "11"),
        ("Une intercommunalité (Métropole du Grand Paris)", Epci, "200054781"),
    ]
    for label, model, code in places:
        territory = model.objects.filter(code=code).first()
        if territory is not None:
            paths[label] = territory.get_absolute_url()
    return paths


def _busiest_need() -> Listing | None:
    """An open need placed at a commune of the département with the most open listings (the slowest case)."""
    open_needs = Listing.objects.open().of_kind("need")
    top = _busiest_departement()
    if top is not None:
        open_needs = open_needs.filter(departement_code=top, territory_level="commune")
    return open_needs.order_by("pk").first()


def _listing_filters() -> list[tuple[str, str]]:
    """Issue 14's public list with two filters: the département with the most open listings (its communes
    included) and the resource they most often seek or offer there."""
    top = _busiest_departement()
    if top is None:
        return []
    resource = (
        ListingResource.objects.filter(listing__in=Listing.objects.open().filter(departement_code=top))
        .values("resource")
        .annotate(total=Count("id"))
        .order_by("-total", "resource")
        .first()
    )
    query = [("niveau", "departement"), ("code", top)]
    return [*query, ("ressource", resource["resource"])] if resource else query


def _busiest_departement() -> str | None:
    top = (
        Listing.objects.open()
        .exclude(departement_code="")
        .values("departement_code")
        .annotate(total=Count("id"))
        .order_by("-total", "departement_code")
        .first()
    )
    return top["departement_code"] if top else None


def search_query() -> list[tuple[str, str]]:
    """The frequent word of the generated cases, with the région and modality they most often share."""
    top = (
        Case.objects.published()
        .filter(is_generated=True)
        .exclude(region_code="")
        .values("region_code", "modality__slug")
        .annotate(total=Count("id"))
        .order_by("-total", "region_code", "modality__slug")
        .first()
    )
    query = [("q", FREQUENT_WORD)]
    if top is not None:
        query += [("region", top["region_code"]), ("modality", top["modality__slug"])]
    return query
