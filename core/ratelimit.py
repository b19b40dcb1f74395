"""Rate limits per client address on the search page and on every form, beside the API's (core.security).

The same sliding-window throttle as the API (django-ninja's ``SimpleRateThrottle`` with
``core.security.SettingsRateMixin``: rate read from settings, client address, shared counters), in the
``ratelimit`` cache, which every server worker shares (files under VAR_DIR; under a race two
workers may each count one request less, which abuse protection can afford). Limits, from settings:

- ``SEARCH_RATE`` for ``GET /recherche/`` (pages and HTMX fragments): the most expensive public page;
- ``FORM_RATE`` for every ``POST`` outside the back office and the API (subscribing to a search,
  proposing a case, unsubscribing, signing in — which django-axes also protects per account).

Past the limit: HTTP 429, a French DSFR page and ``Retry-After``; the request reaches no view, so
nothing is written. See docs/adr/0007-abuse-protection-and-backups.md.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.throttling import SimpleRateThrottle

from core.security import SettingsRateMixin

EXEMPT_PREFIXES = ("/admin/", "/api/")


class AddressThrottle(SettingsRateMixin, SimpleRateThrottle):
    """Requests of one scope per client address, at the rate the setting ``rate_setting`` holds."""

    def __init__(self, scope: str, rate_setting: str) -> None:
        self.scope_name, self.rate_setting = scope, rate_setting
        super().__init__()

    def get_cache_key(self, request: HttpRequest) -> str:
        return f"throttle_{self.scope_name}_{self.get_ident(request)}"


def _throttle_for(request: HttpRequest) -> AddressThrottle | None:
    path = request.path
    if request.method == "POST" and not path.startswith(EXEMPT_PREFIXES):
        return AddressThrottle("form", "FORM_RATE")
    if request.method in ("GET", "HEAD") and path.startswith("/recherche/"):
        return AddressThrottle("search", "SEARCH_RATE")
    return None


def too_many_requests(request: HttpRequest, wait: float | None) -> HttpResponse:
    seconds = max(1, math.ceil(wait or 1))
    response = render(
        request,
        "core/too_many_requests.html",
        {"page_title": "Trop de requêtes", "wait_seconds": seconds},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response


class RateLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        throttle = _throttle_for(request)
        if throttle is not None and not throttle.allow_request(request):
            return too_many_requests(request, throttle.wait())
        return self.get_response(request)
