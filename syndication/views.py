"""iCal downloads of the agenda: the upcoming published events of a filter state, or one event."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from agenda.selectors import filtered_events, filters_from_query
from resources import selectors
from syndication.ics import calendar_bytes

FEED_SIZE = 500


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def agenda_ics(request: HttpRequest) -> HttpResponse:
    """The agenda page's filters (territory, dates, audience, demo) as a feed to subscribe to."""
    events = filtered_events(filters_from_query(request.GET))[:FEED_SIZE]
    return _ics_response(calendar_bytes(events, absolute_url=request.build_absolute_uri), "agenda.ics")


def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.published_events().filter(slug=slug).first()
    if event is None:
        raise Http404("Événement introuvable.")
    return _ics_response(calendar_bytes([event], absolute_url=request.build_absolute_uri), f"{event.slug}.ics")
