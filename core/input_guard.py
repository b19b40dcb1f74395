"""Refuse oversized or malformed query strings with a French 4xx before any view parses them.

- longer than settings.MAX_QUERY_STRING_LENGTH characters: 414;
- not valid UTF-8 once percent-decoded, or carrying a NUL byte (PostgreSQL rejects NUL in text),
  or more fields than DATA_UPLOAD_MAX_NUMBER_FIELDS: 400.
Pages get a DSFR page, the API (/api/) a JSON body {"detail": "…"}.

What passes has its empty values dropped from ``request.GET``: ``?kind=`` (an empty field of a filter
form) is the same request as no ``kind`` at all, for every page and every API operation.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse, QueryDict

from core import refusals

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
        request.GET = without_empty_values(request.GET)
        return self.get_response(request)


def without_empty_values(query: QueryDict) -> QueryDict:
    """The same parameters, less the values that are empty or only spaces (an empty filter is no filter)."""
    if not any(not value.strip() for _, values in query.lists() for value in values):
        return query
    kept = QueryDict(mutable=True)
    for name, values in query.lists():
        non_empty = [value for value in values if value.strip()]
        if non_empty:
            kept.setlist(name, non_empty)
    kept._mutable = False
    return kept


def refusal(request: HttpRequest, status: int, message: str) -> HttpResponse:
    return refusals.refusal(request, status, message)
