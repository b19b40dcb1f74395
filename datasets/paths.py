"""The extra page types of the bench (label → path), chosen from the data present (generated or not)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse

from cases.models import Case
from datasets.vocabulary import FREQUENT_WORD
from organisations.models import Organisation
from territories.models import Commune


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
        paths["API organisations (département)"] = (
            f"/api/v1/organisations?{urlencode({'territory': f'departement:{commune.departement_id}'})}"
        )
    paths["API exemples inspirants"] = "/api/v1/cases"
    paths["API recherche"] = f"/api/v1/search?{urlencode({'q': FREQUENT_WORD})}"
    return paths


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
