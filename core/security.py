"""Abuse protection shared by the login cool-off (django-axes) and the API rate limits (django-ninja).

Both count per client IP; this module is the one place that decides what the client IP is, so a
forged X-Forwarded-For header cannot dodge a limit (docs/adr/0007-abuse-protection-and-backups.md).
"""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Any

from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.core.cache import caches
from django.db.models import Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from ninja.throttling import AnonRateThrottle, AuthRateThrottle


def client_ip(request: HttpRequest) -> str:
    """The client address: REMOTE_ADDR, or the address seen by the last trusted proxy."""
    remote_addr = request.META.get("REMOTE_ADDR", "") or ""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded:
        return remote_addr
    addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
    if not addresses:
        return remote_addr
    return addresses[-min(proxies, len(addresses))]


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    """The page shown once django-axes locks a username + IP pair out: French, DSFR, HTTP 429."""
    cool_off = get_cool_off(request)
    seconds = _seconds_left(request, credentials, cool_off) if cool_off else None
    response = render(
        request,
        "core/lockout.html",
        {
            "page_title": "Connexion temporairement bloquée",
            "failure_limit": get_failure_limit(request, credentials),
            "cooloff_minutes": math.ceil(seconds / 60) if seconds and seconds >= 60 else None,
            "cooloff_seconds": seconds if seconds and seconds < 60 else None,
        },
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    if seconds:
        response["Retry-After"] = str(seconds)
    return response


def _seconds_left(request: HttpRequest, credentials: dict[str, Any] | None, cool_off: timedelta) -> int:
    """What remains of the cool-off of this username + address pair, counted from its last failed attempt."""
    last = AccessAttempt.objects.filter(
        username=get_client_username(request, credentials),
        ip_address=getattr(request, "axes_ip_address", None) or client_ip(request),
    ).aggregate(last=Max("attempt_time"))["last"]
    if last is None:
        return math.ceil(cool_off.total_seconds())
    return max(1, math.ceil((last + cool_off - timezone.now()).total_seconds()))


class SettingsRateMixin:
    """Reads its rate from a setting at each request (deployments and tests can change it), counts per
    client address (``client_ip``) in the ``ratelimit`` cache, which the server's workers share."""

    rate_setting: str

    def __init__(self) -> None:
        super().__init__(rate=getattr(settings, self.rate_setting))  # type: ignore[call-arg]

    def allow_request(self, request: HttpRequest) -> bool:
        rate = getattr(settings, self.rate_setting)
        if rate != self.rate:  # type: ignore[has-type]
            self.rate = rate
            self.num_requests, self.duration = self.parse_rate(rate)  # type: ignore[attr-defined]
        return super().allow_request(request)  # type: ignore[misc]

    def get_ident(self, request: HttpRequest) -> str:
        return client_ip(request)

    @property
    def cache(self):  # type: ignore[no-untyped-def]  # shared by the server's workers, unlike the default cache
        return caches["ratelimit"]


class ApiAnonRateThrottle(SettingsRateMixin, AnonRateThrottle):
    """Anonymous API clients, per IP: settings.API_THROTTLE_ANON_RATE (e.g. « 120/min »)."""

    rate_setting = "API_THROTTLE_ANON_RATE"


class ApiAuthRateThrottle(SettingsRateMixin, AuthRateThrottle):
    """Authenticated API clients, per credential: settings.API_THROTTLE_AUTH_RATE."""

    rate_setting = "API_THROTTLE_AUTH_RATE"
