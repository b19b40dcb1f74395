"""Request id (one identifier per request, in the logs and in the X-Request-ID header), and SQLite's
read transactions."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from django.db import connection
from django.http import HttpRequest, HttpResponse

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
        configured = connection.transaction_mode
        connection.transaction_mode = None
        try:
            return self.get_response(request)
        finally:
            connection.transaction_mode = configured
