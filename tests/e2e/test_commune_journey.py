"""A person types « 13001 », picks Marseille, sees the cases, events and catalysts that concern it and opens one."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.cases.factories import CaseFactory
from tests.catalysts.factories import CatalystFactory
from tests.e2e.accessibility import assert_accessible
from tests.e2e.screenshots import shot
from tests.resources.factories import EventFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def marseille_content(page):
    CaseFactory(
        title="Une ressourcerie de quartier à Marseille (exemple fictif)",
        territory_level="commune",
        territory_code="13055",
        demo=True,
    )
    CaseFactory(
        title="Une alliance régionale en Provence (exemple fictif)", territory_level="region", territory_code="93"
    )
    EventFactory(
        title="Rencontre des alliances des Bouches-du-Rhône (exemple fictif)",
        territory_level="departement",
        territory_code="13",
        starts_at=dt.datetime(2030, 5, 1, 9, tzinfo=dt.UTC),
    )
    CatalystFactory(name="Catalyseur des Bouches-du-Rhône (exemple fictif)", departements=["13"])
    return page


def test_type_a_postcode_pick_marseille_in_the_list_and_open_a_case(marseille_content) -> None:
    page = marseille_content
    page.goto("/particuliers/")
    assert_accessible(page)
    shot(page, "particuliers-desktop")

    field = page.get_by_role("combobox", name=re.compile("Votre commune ou votre code postal"))
    field.fill("13001")
    option = page.get_by_role("option", name=re.compile(r"^Marseille \(13\)"))
    option.wait_for()
    assert_accessible(page)  # the open list too
    shot(page, "propositions-desktop")
    while option.get_attribute("aria-selected") != "true":
        field.press("ArrowDown")
    field.press("Enter")
    assert field.input_value() == "Marseille (13)"
    remember = page.get_by_label(re.compile("Me proposer cette commune"))
    remember.press("Space")  # the keyboard, as a person without a mouse would
    assert remember.is_checked()
    page.get_by_role("button", name="Voir ce qui se passe près de chez moi").click()

    page.wait_for_url(re.compile(r"/territoires/communes/13055/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Marseille (13)"
    hub = page.locator("#pres-de-chez-vous").locator("..")
    assert hub.get_by_role("link", name="Une ressourcerie de quartier à Marseille (exemple fictif)").is_visible()
    assert "Une alliance régionale en Provence (exemple fictif)" in hub.inner_text()
    assert "Rencontre des alliances des Bouches-du-Rhône (exemple fictif)" in hub.inner_text()
    assert (
        "1 catalyseur territorial actif accompagne"
        in page.locator("#catalyseurs-du-territoire").locator("..").inner_text()
    )
    assert_accessible(page)
    shot(page, "marseille-desktop")

    page.get_by_role("link", name="Une ressourcerie de quartier à Marseille (exemple fictif)").click()
    page.wait_for_url(re.compile(r"/exemples-inspirants/[\w-]+/$"))
    assert page.get_by_role("link", name="Marseille").is_visible()  # back to its territory
    assert_accessible(page)

    page.goto("/particuliers/")  # remembered for the visit, as asked
    assert page.get_by_role("link", name="Marseille (13)").is_visible()
    page.get_by_role("button", name="Oublier ma commune").click()
    page.wait_for_url(re.compile(r"/particuliers/$"))
    assert page.get_by_role("button", name="Oublier ma commune").count() == 0


def test_the_server_asks_which_commune_when_the_list_was_not_used(marseille_content) -> None:
    page = marseille_content
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    shot(page, "accueil-390")
    field = page.get_by_role("combobox", name=re.compile("Votre commune ou votre code postal"))
    field.fill("13001")
    field.press("Escape")
    page.get_by_role("button", name="Voir ce qui se passe près de chez moi").click()

    page.wait_for_url(re.compile(r"/pres-de-chez-moi/\?"))
    assert page.get_by_role("heading", level=1).inner_text() == "Plusieurs communes correspondent à « 13001 »"
    assert_accessible(page)
    shot(page, "choix-390")
    page.get_by_role("link", name="Marseille", exact=True).click()
    page.wait_for_url(re.compile(r"/territoires/communes/13055/$"))
    assert_accessible(page)
    shot(page, "marseille-390")


def test_an_unknown_commune_is_a_french_message_on_the_field(marseille_content) -> None:
    page = marseille_content
    page.goto("/pres-de-chez-moi/?commune=Zzyzx")
    assert "Aucune commune ne correspond à « Zzyzx »" in page.locator("#ma-commune-erreur").inner_text()
    assert_accessible(page)


def test_the_form_works_without_javascript(browser, live_server, site_data) -> None:
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    page.goto("/organisations/")
    page.get_by_label(re.compile("Une autre commune|Votre commune ou votre code postal")).fill("Marseille")
    page.get_by_role("button", name="Voir ce qui se passe près de chez moi").click()
    page.wait_for_url(re.compile(r"/territoires/communes/13055/$"))
    context.close()
