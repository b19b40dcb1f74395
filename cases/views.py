"""Public pages of the case base: parse the request, call a selector, render."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from cases import selectors
from cases.directory import partners_in_directory
from cases.models import Case, CasePartner
from core.cache import public_page
from core.demo import hide_demo
from organisations.models import Organisation
from reference.models import SdgTarget
from search.models import Section
from search.views import filtered_listing

INDEX_TITLE = "Exemples inspirants"
FACETS = ["actor_kind", "modality", "sdg", "region", "departement"]


@public_page
def index(request: HttpRequest) -> HttpResponse:
    return filtered_listing(
        request,
        template="cases/index.html",
        context={"page_title": INDEX_TITLE, "breadcrumb_data": {"links": [], "current": INDEX_TITLE}},
        section=Section.CASE,
        facets=FACETS,
    )


@public_page
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    case = selectors.case_by_slug(slug)
    if case is None:
        raise Http404("Exemple introuvable.")
    return render(
        request,
        "cases/detail.html",
        {
            "page_title": case.title,
            "breadcrumb_data": {
                "links": [{"url": reverse("cases:index"), "title": INDEX_TITLE}],
                "current": case.title,
            },
            "case": case,
            "similar": selectors.similar_cases(case),
            "partners": _partners(case),
        },
    )


def _partners(case: Case) -> list[tuple[CasePartner, Organisation | None]]:
    """Each partner with its organisation in the directory, when the name designates one."""
    directory = partners_in_directory(case)
    return [(partner, directory.get(partner.pk)) for partner in case.partners.all()]


@public_page
def sdg_target(request: HttpRequest, code: str) -> HttpResponse:
    """A page per SDG target: the published cases that name it."""
    target = SdgTarget.objects.select_related("goal").filter(code=code).first()
    if target is None:
        raise Http404("Cible d'ODD introuvable.")
    hidden = hide_demo(request)
    cases = selectors.cases_for_sdg_target(target.pk, hide_demo=hidden)
    counts = cases.order_by().aggregate(total=Count("pk"), demo=Count("pk", filter=Q(is_demo=True)))
    page = Paginator(cases, 24).get_page(request.GET.get("page"))
    title = f"Cible {target.code} des objectifs de développement durable"
    return render(
        request,
        "cases/sdg_target.html",
        {
            "page_title": title,
            "breadcrumb_data": {
                "links": [{"url": reverse("cases:index"), "title": INDEX_TITLE}],
                "current": f"Cible {target.code}",
            },
            "target": target,
            "page_obj": page,
            "total": counts["total"],
            "demo": counts["demo"],
            "demo_hidden": hidden,
        },
    )
