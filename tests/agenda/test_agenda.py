"""The agenda: in the main navigation, filtered by territory, dates and audience, with its iCal feeds."""

from __future__ import annotations

import datetime as dt

import pytest

from agenda.models import Audience
from agenda.services import event_details_set
from tests.resources.factories import EventFactory

pytestmark = pytest.mark.django_db

AGENDA = "/agenda/"


def _at(day: int, month: int = 5, year: int = 2030) -> dt.datetime:
    return dt.datetime(year, month, day, 9, tzinfo=dt.UTC)


def _with_details(event, **values):
    event_details_set(event=event, **values)
    return event


def test_the_agenda_is_in_the_main_navigation(client, reference_data) -> None:
    assert '<a class="fr-nav__link" href="/agenda/"' in client.get("/").content.decode()


def test_a_commune_shows_its_events_and_those_of_its_parents_only(client, reference_data) -> None:
    EventFactory(title="Rencontre des Bouches-du-Rhône", territory_level="departement", territory_code="13")
    EventFactory(title="Rencontre nationale")
    EventFactory(title="Rencontre du Vaucluse", territory_level="departement", territory_code="84")
    html = client.get(AGENDA, {"territoire": "commune:13055"}).content.decode()
    assert "Rencontre des Bouches-du-Rhône" in html and "Rencontre nationale" in html
    assert "Rencontre du Vaucluse" not in html


def test_dates_keep_the_events_of_the_period(client, reference_data) -> None:
    EventFactory(title="Rencontre de mai", starts_at=_at(10))
    EventFactory(title="Rencontre de juin", starts_at=_at(10, month=6))
    html = client.get(AGENDA, {"du": "2030-05-01", "au": "2030-05-31"}).content.decode()
    assert "Rencontre de mai" in html and "Rencontre de juin" not in html


def test_the_audience_filter_keeps_events_open_to_that_public(client, reference_data) -> None:
    _with_details(EventFactory(title="Pour tous"), audience=Audience.EVERYONE)
    _with_details(EventFactory(title="Pour les organisations"), audience=Audience.ORGANISATIONS)
    _with_details(EventFactory(title="Pour les particuliers"), audience=Audience.INDIVIDUALS)
    html = client.get(AGENDA, {"public": "particuliers"}).content.decode()
    assert "Pour tous" in html and "Pour les particuliers" in html
    assert "Pour les organisations" not in html


def test_invalid_filters_are_french_warnings_and_are_ignored(client, reference_data) -> None:
    EventFactory(title="Rencontre visible")
    response = client.get(AGENDA, {"territoire": "commune:99999", "du": "hier", "public": "martiens"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Territoire inconnu : « commune:99999 »" in html
    assert "Date de début invalide" in html and "Public inconnu" in html
    assert "Rencontre visible" in html


def test_an_end_before_the_start_ignores_both_dates(client, reference_data) -> None:
    html = client.get(AGENDA, {"du": "2030-06-01", "au": "2030-05-01"}).content.decode()
    assert "La date de fin précède la date de début" in html


def test_the_page_offers_the_ical_feed_of_its_filters(client, reference_data) -> None:
    html = client.get(AGENDA, {"territoire": "departement:13", "public": "organisations"}).content.decode()
    assert 'href="/agenda/agenda.ics?territoire=departement%3A13&amp;public=organisations"' in html


def test_the_ical_feed_follows_the_filters(client, reference_data) -> None:
    EventFactory(title="Rencontre des Bouches-du-Rhône", territory_level="departement", territory_code="13")
    EventFactory(title="Rencontre du Vaucluse", territory_level="departement", territory_code="84")
    body = client.get("/agenda/agenda.ics", {"territoire": "departement:13"}).content.decode()
    assert "Rencontre des Bouches-du-Rhône" in body and "Vaucluse" not in body


def test_the_ical_feed_leaves_demo_events_out_on_request(client, reference_data) -> None:
    EventFactory(title="Rencontre fictive", is_demo=True)
    assert "Rencontre fictive" not in client.get("/agenda/agenda.ics", {"exemples": "masquer"}).content.decode()


def test_an_event_shows_organiser_audience_registration_and_add_to_calendar(client, reference_data) -> None:
    event = _with_details(
        EventFactory(title="Atelier des alliances"),
        organiser="Catalyseur d'essai",
        audience=Audience.ORGANISATIONS,
        registration_url="https://inscription.example.org/atelier",
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Catalyseur d&#x27;essai" in html
    assert "Organisations (associations, entreprises, collectivités, État)" in html
    assert 'href="https://inscription.example.org/atelier"' in html
    assert f'href="/agenda/{event.slug}.ics"' in html


def test_an_event_without_details_says_they_are_not_given(client, reference_data) -> None:
    html = client.get(EventFactory().get_absolute_url()).content.decode()
    assert "non précisé" in html


def test_the_event_s_ical_file_names_organiser_and_registration(client, reference_data) -> None:
    event = _with_details(EventFactory(), organiser="Catalyseur d'essai", registration_url="https://i.example.org/")
    body = client.get(f"/agenda/{event.slug}.ics").content.decode().replace("\r\n ", "")
    assert "Organisé par : Catalyseur d'essai" in body and "Inscription : https://i.example.org/" in body


def test_an_invalid_registration_link_is_refused_in_french(reference_data) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        event_details_set(event=EventFactory(), registration_url="pas une adresse")
    assert "registration_url" in error.value.message_dict
