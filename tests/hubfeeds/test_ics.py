from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from tests.resources.factories import EventFactory

pytestmark = pytest.mark.django_db


def _unfold(content: bytes) -> str:
    """RFC 5545 §3.1: a CRLF followed by one space or tab continues the previous line."""
    return content.decode().replace("\r\n ", "").replace("\r\n\t", "")


def test_the_agenda_ics_is_a_calendar_of_upcoming_published_events(client, vocabularies) -> None:
    EventFactory(title="Rencontre à venir")
    EventFactory(title="Rencontre en brouillon", draft=True)
    EventFactory(
        title="Rencontre passée",
        starts_at=dt.datetime(2020, 1, 1, 9, tzinfo=dt.UTC),
        ends_at=dt.datetime(2020, 1, 1, 11, tzinfo=dt.UTC),
    )
    response = client.get("/agenda/agenda.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert 'filename="agenda.ics"' in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert str(calendar["PRODID"]).startswith("-//Alliances & Territoires//")
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Rencontre à venir"]


def test_an_event_ics_has_uid_dtstamp_and_utc_times(client, vocabularies) -> None:
    paris = dt.timezone(dt.timedelta(hours=1))
    event = EventFactory(
        starts_at=dt.datetime(2030, 3, 1, 9, 30, tzinfo=paris), ends_at=dt.datetime(2030, 3, 1, 12, 0, tzinfo=paris)
    )
    response = client.get(f"/agenda/{event.slug}.ics")
    assert response.status_code == 200
    text = _unfold(response.content)
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\r\nBEGIN:VEVENT\r\n" in text
    assert f"\r\nUID:evenement-{event.pk}@127.0.0.1\r\n" in text
    assert "\r\nDTSTART:20300301T083000Z\r\n" in text
    assert "\r\nDTEND:20300301T110000Z\r\n" in text
    assert any(line.startswith("DTSTAMP:") and line.endswith("Z") for line in text.split("\r\n"))
    assert f"\r\nURL:http://testserver{event.get_absolute_url()}\r\n" in text


def test_text_values_are_escaped_per_rfc_5545(client, vocabularies) -> None:
    event = EventFactory(
        title="Atelier : alliances, territoires; et \\ le reste",
        place="Salle 3, bâtiment B; 2e étage",
        summary="Première ligne\nSeconde ligne",
    )
    text = _unfold(client.get(f"/agenda/{event.slug}.ics").content)
    assert "\r\nSUMMARY:Atelier : alliances\\, territoires\\; et \\\\ le reste\r\n" in text
    assert "\r\nLOCATION:Salle 3\\, bâtiment B\\; 2e étage\r\n" in text
    assert "\r\nDESCRIPTION:Première ligne\\nSeconde ligne\r\n" in text


def test_long_lines_are_folded_at_75_octets(client, vocabularies) -> None:
    event = EventFactory(summary="Une description très longue avec des accents éèàù. " * 10)
    content = client.get(f"/agenda/{event.slug}.ics").content
    assert all(len(line) <= 75 for line in content.split(b"\r\n"))


def test_a_demo_event_is_labelled_exemple_fictif(client, vocabularies) -> None:
    event = EventFactory(title="Forum fictif", is_demo=True)
    calendar = Calendar.from_ical(client.get(f"/agenda/{event.slug}.ics").content)
    assert str(next(iter(calendar.walk("VEVENT")))["SUMMARY"]) == "Forum fictif (exemple fictif)"


def test_an_unpublished_or_unknown_event_has_no_ics(client, vocabularies) -> None:
    draft = EventFactory(draft=True)
    assert client.get(f"/agenda/{draft.slug}.ics").status_code == 404
    assert client.get("/agenda/inconnu.ics").status_code == 404
