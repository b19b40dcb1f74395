"""A person opens the agenda from the main menu, narrows it to a département and a public, and opens an event."""

from __future__ import annotations

import re

import pytest

from agenda.models import Audience
from agenda.services import event_details_set
from tests.e2e.accessibility import assert_accessible
from tests.e2e.screenshots import shot
from tests.resources.factories import EventFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def agenda_page(page):
    event = EventFactory(
        title="Atelier des alliances des Bouches-du-Rhône (exemple fictif)",
        territory_level="departement",
        territory_code="13",
        is_demo=True,
    )
    event_details_set(
        event=event,
        organiser="Catalyseur d'essai (exemple fictif)",
        audience=Audience.ORGANISATIONS,
        registration_url="https://inscription.example.org/atelier",
    )
    EventFactory(title="Rencontre du Vaucluse (exemple fictif)", territory_level="departement", territory_code="84")
    return page


def test_filter_the_agenda_by_departement_and_public_then_open_an_event(agenda_page) -> None:
    page = agenda_page
    page.goto("/")
    page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Agenda").click()
    page.wait_for_url(re.compile(r"/agenda/$"))
    assert_accessible(page)

    page.get_by_label(re.compile("^Territoire")).select_option("departement:13")
    page.get_by_label("Public").select_option("organisations")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url(re.compile(r"territoire=departement%3A13"))
    results = page.locator(".at-results").inner_text()
    assert "Atelier des alliances des Bouches-du-Rhône" in results and "Vaucluse" not in results
    assert (
        page.get_by_role("link", name="S'abonner à cet agenda (iCal)")
        .get_attribute("href")
        .startswith("/agenda/agenda.ics?territoire=departement%3A13")
    )
    assert_accessible(page)
    shot(page, "agenda-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, "agenda-390")

    page.get_by_role("link", name="Atelier des alliances des Bouches-du-Rhône (exemple fictif)").click()
    assert "Catalyseur d'essai (exemple fictif)" in page.locator("main").inner_text()
    assert (
        page.get_by_role("link", name="S'inscrire").get_attribute("href") == "https://inscription.example.org/atelier"
    )
    assert page.get_by_role("link", name="Ajouter à mon agenda").is_visible()
    assert_accessible(page)
