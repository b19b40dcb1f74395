"""iCalendar (RFC 5545) export of the agenda, written with the ``icalendar`` package.

Times are written in UTC (``…Z``), so no VTIMEZONE is needed; ``icalendar`` escapes text values
(``\\,``, ``\\;``, ``\\n``, ``\\\\``) and folds long lines at 75 octets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as VEvent

from hub.models import DEMO_LABEL
from resources.models import Event

PRODID = "-//Alliances & Territoires//Agenda//FR"
CALENDAR_NAME = "Agenda — Alliances & Territoires"


def event_uid(event: Event) -> str:
    """Stable across exports and edits, unique worldwide (the site's host name)."""
    host = urlsplit(settings.SITE_URL).hostname or "alliances-territoires"
    return f"evenement-{event.pk}@{host}"


def _utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC)


def _description(event: Event) -> str:
    """The summary, then who organises it, for whom, and where to register (when given)."""
    lines = [event.summary]
    for details in event.details.all():
        if details.organiser:
            lines.append(f"Organisé par : {details.organiser}")
        lines.append(f"Public : {details.get_audience_display()}")
        if details.registration_url:
            lines.append(f"Inscription : {details.registration_url}")
    return "\n".join(lines)


def vevent(event: Event, *, absolute_url: Callable[[str], str], now: dt.datetime) -> VEvent:
    item = VEvent()
    item.add("uid", event_uid(event))
    item.add("dtstamp", _utc(now))
    item.add("dtstart", _utc(event.starts_at))
    item.add("dtend", _utc(event.ends_at))
    item.add("summary", f"{event.title} ({DEMO_LABEL.lower()})" if event.is_demo else event.title)
    item.add("description", _description(event))
    item.add("location", event.place)
    item.add("url", absolute_url(event.get_absolute_url()))
    if event.last_published_at:
        item.add("last-modified", _utc(event.last_published_at))
    return item


def calendar_bytes(events: Iterable[Event], *, absolute_url: Callable[[str], str]) -> bytes:
    """A VCALENDAR with one VEVENT per event, CRLF line endings as RFC 5545 requires."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    now = timezone.now()
    for event in events:
        calendar.add_component(vevent(event, absolute_url=absolute_url, now=now))
    return calendar.to_ical()
