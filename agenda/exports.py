"""Rows of the agenda for the open-data file: every published event, with what the agenda adds to it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from django.utils import timezone

from agenda.selectors import event_details
from resources.models import Event

Row = Sequence[object]
HEADER = [
    "identifiant",
    "titre",
    "resume",
    "debut",
    "fin",
    "precision_date",
    "lieu",
    "echelle",
    "code_territoire",
    "territoire",
    "code_departement",
    "organisateur",
    "public",
    "inscription",
    "lien",
    "source",
    "adresse",
]


def _moment(value: object) -> str:
    return timezone.localtime(value).isoformat()  # type: ignore[arg-type]


def event_rows(events: Iterable[Event], *, absolute_url: Callable[[str], str]) -> Iterable[Row]:
    """``events`` with their ``details`` prefetched."""
    yield HEADER
    for event in events:
        details = event_details(event)
        yield [
            event.slug,
            event.title,
            event.summary,
            _moment(event.starts_at),
            _moment(event.ends_at),
            event.date_precision,
            event.place,
            event.territory_level,
            event.territory_code,
            event.territory_name or "France entière",
            event.departement_code,
            details.organiser if details else "",
            details.audience if details else "",
            details.registration_url if details else "",
            event.link,
            event.source,
            absolute_url(event.get_absolute_url()),
        ]
