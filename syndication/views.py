"""iCal downloads of the agenda: every upcoming published event, or one event."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from resources import selectors
from syndication.ics import calendar_bytes


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def agenda_ics(request: HttpRequest) -> HttpResponse:
    events = selectors.upcoming_events()
    return _ics_response(calendar_bytes(events, absolute_url=request.build_absolute_uri), "agenda.ics")


def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.published_events().filter(slug=slug).first()
    if event is None:
        raise Http404("Événement introuvable.")
    return _ics_response(calendar_bytes([event], absolute_url=request.build_absolute_uri), f"{event.slug}.ics")
