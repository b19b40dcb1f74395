"""« Apprendre à faire alliance »: the paths per audience (/apprendre/) and one path's steps."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from core.breadcrumbs import breadcrumb
from core.cache import public_page
from core.params import choice_param, text_param
from learning import selectors
from learning.models import AUDIENCE_PASSAGE, AUDIENCE_SOURCE, Audience

TITLE = "Apprendre à faire alliance"


@public_page
def index(request: HttpRequest) -> HttpResponse:
    audience = choice_param(request.GET, "public", Audience.values)
    warnings = []
    if text_param(request.GET, "public") and not audience:
        warnings.append("Ce public n'existe pas : tous les publics sont affichés.")
    return render(
        request,
        "learning/index.html",
        {
            "page_title": TITLE,
            "breadcrumb_data": breadcrumb(TITLE),
            "groups": selectors.paths_by_audience(audience),
            "audience": audience,
            "audiences": Audience.choices,
            "warnings": warnings,
            "audience_passage": AUDIENCE_PASSAGE,
            "audience_source": AUDIENCE_SOURCE,
        },
    )


@public_page
def path_detail(request: HttpRequest, slug: str) -> HttpResponse:
    path = selectors.published_path(slug)
    if path is None:
        raise Http404("Parcours introuvable.")
    steps = selectors.shown_steps(path)
    return render(
        request,
        "learning/path.html",
        {
            "page_title": path.title,
            "breadcrumb_data": breadcrumb(path.title, (reverse("learning:index"), TITLE)),
            "path": path,
            "stages": selectors.stages(steps),
            "step_count": len(steps),
            "audience_url": f"{reverse('learning:index')}?public={path.audience}",
        },
    )
