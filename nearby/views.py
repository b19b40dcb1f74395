"""« Où êtes-vous ? »: a commune or a postcode, resolved on the server (works without JavaScript).

GET ``/pres-de-chez-moi/?commune=13001`` leads to the commune's page when one commune matches,
to a page that asks which one when several do, and back to the field with a French message when
none does. The autocomplete (static/nearby/commune-autocomplete.js) only fills ``code`` with the
INSEE code of the commune picked from its list. ``memoriser=1`` (a box the person ticks) keeps the
commune for the visit; « Oublier ma commune » (POST) erases it.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from core.params import ascii_int
from nearby.session import forget_commune, remember_commune
from territories import selectors as territory_selectors
from territories.models import Commune

TITLE = "Près de chez moi"
MAX_QUERY_LENGTH = 100
REMEMBER = "memoriser"


def where(request: HttpRequest) -> HttpResponse:
    remember = request.GET.get(REMEMBER) == "1"
    code = request.GET.get("code", "").strip()[:5]
    q = request.GET.get("commune", "").strip()[:MAX_QUERY_LENGTH]
    if code:
        commune = Commune.objects.filter(code=code).first()
        if commune is not None:
            return _chosen(request, commune, remember=remember)
    error = ""
    choice = None
    if not q:
        error = "Indiquez le nom de votre commune ou son code postal (5 chiffres)."
    elif ascii_int(q) is not None and len(q) != 5:
        error = f"« {q} » n'est pas un code postal complet : indiquez ses 5 chiffres, ou le nom de la commune."
    else:
        choice = territory_selectors.choose_commune(q)
        if choice.commune is not None:
            return _chosen(request, choice.commune, remember=remember)
        if not choice.total:
            error = (
                f"Aucune commune ne correspond à « {q} ». Vérifiez l'orthographe, "
                "ou indiquez le code postal (5 chiffres)."
            )
    several = choice is not None and choice.total > 1
    title = f"Plusieurs communes correspondent à « {q} »" if several else TITLE
    return render(
        request,
        "nearby/where.html",
        {
            "page_title": f"Erreur : {TITLE}" if error else title,
            "breadcrumb_data": {"links": [], "current": TITLE},
            "heading": title,
            "q": q,
            "error": error,
            "choice": choice if several else None,
            "remember": remember,
            "choice_links": [(c, _choice_url(c, remember)) for c in choice.communes] if several else [],
        },
        status=200,
    )


def _choice_url(commune: Commune, remember: bool) -> str:
    query = {"code": commune.code, **({REMEMBER: "1"} if remember else {})}
    return f"{reverse('nearby:where')}?{urlencode(query)}"


def _chosen(request: HttpRequest, commune: Commune, *, remember: bool) -> HttpResponseRedirect:
    if remember:
        remember_commune(request, commune)
    return redirect(commune.get_absolute_url())


@require_POST
def forget(request: HttpRequest) -> HttpResponse:
    forget_commune(request)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("core:home")
    return redirect(target)
