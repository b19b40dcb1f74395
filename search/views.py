"""The search page, and the filtered listing that the section pages share with it.

Without JavaScript the form submits a GET and the whole page comes back; with HTMX
(``request.htmx``) only the results fragment is rendered and swapped, and the URL is pushed, so
every state stays a shareable address.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from core.cache import public_page
from core.params import int_param, text_param
from search import selectors
from search.answers import territory_answers
from search.filters import FILTERS, SearchFilters, SearchForm

PAGE_SIZE = 20
# « ?similaires=afficher » lists every result, near-identical ones included (the first page folds them).
SIMILAR_PARAMETER = "similaires"
SIMILAR_SHOW = "afficher"
SEARCH_TITLE = "Rechercher"
FRAGMENT = "search/includes/results.html"


def _page_number(request: HttpRequest) -> int:
    return int_param(request.GET, "page", default=1, minimum=1, maximum=10_000)


def _ignored_filters(form: SearchForm) -> list[str]:
    return [
        f"Le filtre « {form.fields[name].label} » contient une valeur inconnue : il a été ignoré."
        for name in form.errors
    ]


def filtered_listing(
    request: HttpRequest,
    *,
    template: str,
    context: dict[str, Any],
    section: str | None = None,
    facets: list[str] | None = None,
    answers: bool = False,
) -> HttpResponse:
    """Parse the filters, search, paginate; a full page, or the fragment for an HTMX request.

    The first page folds near-identical items (« N résultats similaires »), unless the visitor
    asked for all of them; with ``answers``, a territory named by the query is offered on top.
    """
    form = SearchForm(request.GET)
    form.is_valid()
    filters = SearchFilters.from_form(form)
    if section:
        filters = filters.with_values(section=[section])
    number = _page_number(request)
    show_similar = request.GET.get(SIMILAR_PARAMETER, "").strip() == SIMILAR_SHOW
    results = selectors.search(
        filters, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE, facets=facets, fold=not show_similar
    )
    paginator = Paginator(range(results.count), PAGE_SIZE)
    page = paginator.get_page(number)
    context = {
        **context,
        "form_action": request.path,
        "q": filters.q,
        "results": results,
        "page": page,
        "page_range": list(paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)),
        "warnings": _ignored_filters(form),
        "fixed_section": section,
        "has_filters": bool(
            filters.q or filters.hide_demo or any(name != "section" or not section for name in filters.values)
        ),
        "demo_hidden": filters.hide_demo,
        "show_similar": show_similar,
        "similar_parameter": SIMILAR_PARAMETER,
        "territory_answers": territory_answers(filters.q) if answers and filters.q and number == 1 else [],
        "demo_count": results.demo_count,
    }
    htmx = getattr(request, "htmx", None)
    if htmx and not htmx.history_restore_request:
        return render(request, FRAGMENT, context)
    return render(request, template, context)


@public_page
def search_page(request: HttpRequest) -> HttpResponse:
    q = text_param(request.GET, "q")
    title = f"Rechercher « {q[:80]} »" if q else SEARCH_TITLE
    return filtered_listing(
        request,
        template="search/search.html",
        context={"page_title": title, "breadcrumb_data": {"links": [], "current": SEARCH_TITLE}},
        facets=list(FILTERS),
        answers=True,
    )


def search_url(**params: str) -> str:
    from urllib.parse import urlencode

    return f"{reverse('search:search')}?{urlencode(params)}" if params else reverse("search:search")
