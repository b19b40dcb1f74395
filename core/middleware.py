"""Request id (one identifier per request, in the logs and in the X-Request-ID header), SQLite's
read transactions, and the security headers Django does not set."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.middleware.common import CommonMiddleware as DjangoCommonMiddleware

from core.logging import request_id_var

_VALID_ID = re.compile(r"^[A-Za-z0-9-]{8,64}$")


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response["X-Request-ID"] = request_id
        return response


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class SqliteDeferredReadsMiddleware:
    """On SQLite, reading requests begin their transaction DEFERRED instead of IMMEDIATE.

    ``ATOMIC_REQUESTS`` wraps every view in a transaction, and the IMMEDIATE mode (which spares
    writes a failed lock upgrade) takes the database's write lock at once: every page would wait
    for every other, across all server workers. In WAL mode a deferred transaction that only reads
    never blocks nor waits, so GET, HEAD and OPTIONS requests run side by side; writing requests
    keep IMMEDIATE. The mode is an attribute of the open connection, so it is set once connected
    and restored afterwards (the connection may outlive the request).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if connection.vendor != "sqlite" or request.method not in SAFE_METHODS:
            return self.get_response(request)
        connection.ensure_connection()
        # The mode of the settings, not the attribute's value now: where threads share one connection (the
        # test server on an in-memory database), another request may have set it to None a moment before.
        configured = (connection.settings_dict.get("OPTIONS", {}).get("transaction_mode") or "").upper() or None
        connection.transaction_mode = None
        try:
            return self.get_response(request)
        finally:
            connection.transaction_mode = configured


class SecurityHeadersMiddleware:
    """The headers Django's SecurityMiddleware does not set: Permissions-Policy (no camera, microphone,
    location… for any page or embedded frame) and Cross-Origin-Resource-Policy (no other site embeds
    our resources), on every response including static files."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY)
        return response


class CommonMiddleware(DjangoCommonMiddleware):
    """Django's, except that an unknown API address is a 404 (declared in the OpenAPI document), not a
    301 to the same address with a slash that the API does not serve either."""

    def should_redirect_with_slash(self, request: HttpRequest) -> bool:
        return not request.path_info.startswith("/api/") and super().should_redirect_with_slash(request)
