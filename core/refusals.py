"""Every refusal in French: a DSFR page for the site, a JSON body {"detail": "…"} under /api/.

Django's handlers for 400 (bad Host, malformed body), 403 and CSRF failures, the body too large
(413), and a middleware for 405 (including ``TRACE``, refused for every address) whose default body
is empty or English. The query-string refusals (400, 414) are in ``core.input_guard``, the rate limits
(429) in ``core.ratelimit``, ``core.security`` and ``api.api``. See docs/adr/0020-strict-public-input.md.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.exceptions import DisallowedHost, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

TITLES = {
    400: "Requête invalide",
    403: "Accès refusé",
    405: "Méthode non autorisée",
    413: "Envoi trop volumineux",
    414: "Adresse trop longue",
}
BAD_REQUEST = "La requête envoyée est mal formée : elle n'a pas pu être traitée."
BAD_HOST = "Cette adresse ne correspond pas à un nom de la plateforme."
TOO_LARGE = "Les données envoyées dépassent la taille acceptée. Rien n'a été enregistré."
FORBIDDEN = "Vous n'avez pas les droits nécessaires pour accéder à cette page."
CSRF_FAILED = (
    "Le formulaire a expiré ou n'a pas pu être vérifié (cookies désactivés ?). "
    "Rechargez la page, puis envoyez-le de nouveau. Rien n'a été enregistré."
)
NOT_ALLOWED = "Cette adresse n'accepte pas la méthode {method}."
ALLOWED_METHODS = frozenset({"GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE"})


def refusal(request: HttpRequest, status: int, message: str, *, title: str | None = None) -> HttpResponse:
    """The French refusal: JSON under /api/, else a DSFR page (a bare French page if the layout fails)."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    title = title or TITLES.get(status, "Requête refusée")
    context = {"page_title": title, "breadcrumb_data": {"current": title}, "status": status, "message": message}
    try:
        html = render_to_string("core/bad_request.html", context, request=request)
    except Exception:  # e.g. a bad Host header that the layout's links read again: the page must still answer
        logger.warning("refusal page rendered without the layout", exc_info=True)
        html = render_to_string("core/refusal_bare.html", context)
    return HttpResponse(html, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400: 413 for a body or form too large, else 400 (bad Host, malformed body…)."""
    if isinstance(exception, (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)):
        return refusal(request, 413, TOO_LARGE)
    if isinstance(exception, DisallowedHost):
        return refusal(request, 400, BAD_HOST)
    return refusal(request, 400, BAD_REQUEST)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return refusal(request, 403, FORBIDDEN)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """settings.CSRF_FAILURE_VIEW: the reason stays in the logs, the visitor gets what to do."""
    return refusal(request, 403, CSRF_FAILED, title="Formulaire expiré")


class MethodRefusalMiddleware:
    """``TRACE`` (and any unknown method) refused before any view; a view's bare 405 worded in French."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        method = (request.method or "").upper()
        if method not in ALLOWED_METHODS:
            response = refusal(request, 405, NOT_ALLOWED.format(method=method[:20]))
            response["Allow"] = "GET, HEAD, POST, OPTIONS"
            return response
        response = self.get_response(request)
        if isinstance(response, HttpResponseNotAllowed):  # Django's and django-ninja's bare 405
            french = refusal(request, 405, NOT_ALLOWED.format(method=method))
            if "Allow" in response:
                french["Allow"] = response["Allow"]
            return french
        return response
