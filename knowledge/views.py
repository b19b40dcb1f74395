"""Public pages of the source document's knowledge: history, forces of change, named actors."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from core.breadcrumbs import breadcrumb
from core.cache import public_page
from knowledge import selectors
from knowledge.sourcing import SOURCE_DOCUMENT

HISTORY_TITLE = "Historique de la démarche (2008 → 2021)"
FORCES_TITLE = "Les 7 forces du changement"
ACTORS_TITLE = "Acteurs et dispositifs de référence"


@public_page
def history(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "knowledge/history.html",
        {
            "page_title": HISTORY_TITLE,
            "breadcrumb_data": breadcrumb(HISTORY_TITLE),
            "years": selectors.history_by_year(),
            "source_document": SOURCE_DOCUMENT,
        },
    )


@public_page
def forces_of_change(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "knowledge/forces.html",
        {
            "page_title": FORCES_TITLE,
            "breadcrumb_data": breadcrumb(FORCES_TITLE),
            "forces": selectors.forces_of_change(),
            "source_document": SOURCE_DOCUMENT,
        },
    )


@public_page
def actors(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "knowledge/actors.html",
        {
            "page_title": ACTORS_TITLE,
            "breadcrumb_data": breadcrumb(ACTORS_TITLE),
            "groups": selectors.actors_by_kind(),
        },
    )


@public_page
def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor = selectors.reference_actors().filter(slug=slug).first()
    if actor is None:
        raise Http404("Acteur introuvable.")
    return render(
        request,
        "knowledge/actor_detail.html",
        {
            "page_title": actor.name,
            "breadcrumb_data": breadcrumb(actor.name, (reverse("knowledge:actors"), ACTORS_TITLE)),
            "actor": actor,
        },
    )
