"""Refuse oversized or malformed query strings with a French 4xx before any view parses them.

- longer than settings.MAX_QUERY_STRING_LENGTH characters: 414;
- not valid UTF-8 once percent-decoded, or carrying a NUL byte (PostgreSQL rejects NUL in text),
  or more fields than DATA_UPLOAD_MAX_NUMBER_FIELDS: 400.
Pages get a DSFR page, the API (/api/) a JSON body {"detail": "…"}.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

QUERY_TOO_LONG = "L'adresse demandée est trop longue."
QUERY_MALFORMED = "L'adresse demandée contient des caractères invalides."
QUERY_TOO_MANY_FIELDS = "L'adresse demandée contient trop de paramètres."


def query_string_problem(raw: str) -> tuple[int, str] | None:
    """Return (status, French message) when the raw WSGI query string must be refused."""
    if len(raw) > settings.MAX_QUERY_STRING_LENGTH:
        return 414, QUERY_TOO_LONG
    if not raw:
        return None
    try:
        # WSGI hands the query string over as latin-1; undo it to get the bytes sent.
        decoded = unquote_to_bytes(raw.encode("latin-1").replace(b"+", b" ")).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return 400, QUERY_MALFORMED
    if "\x00" in decoded:
        return 400, QUERY_MALFORMED
    return None


class InputGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        problem = query_string_problem(request.META.get("QUERY_STRING", ""))
        if problem is None:
            try:
                request.GET  # noqa: B018 - parse now, where a refusal can still be worded in French
            except SuspiciousOperation:
                problem = 400, QUERY_TOO_MANY_FIELDS
        if problem is not None:
            status, message = problem
            return refusal(request, status, message)
        return self.get_response(request)


def refusal(request: HttpRequest, status: int, message: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    title = "Adresse trop longue" if status == 414 else "Requête invalide"
    return render(
        request,
        "core/bad_request.html",
        {"page_title": title, "breadcrumb_data": {"current": title}, "status": status, "message": message},
        status=status,
    )
