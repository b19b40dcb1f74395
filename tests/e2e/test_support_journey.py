"""« Je cherche un accompagnement »: a person asks for support in a commune, the catalyst of its
département sees the request on its dashboard, takes it in charge and answers; the person reads the
answer in « Mon espace ». Two browsers, two people; axe-core at each step."""

from __future__ import annotations

import re

import pytest

from tests.accounts.factories import AccountFactory
from tests.e2e.accessibility import assert_accessible
from tests.support.factories import catalyst_with_team, team_member

pytestmark = pytest.mark.e2e
PASSWORD = "un-mot-de-passe-solide-42"  # tests/factories.py UserFactory


def _sign_in(page, email: str, next_path: str) -> None:
    page.goto(f"/connexion/?next={next_path}")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"**{next_path}")


def test_a_person_asks_for_support_and_reads_the_catalyst_answer(page, browser, live_server) -> None:
    rhone = catalyst_with_team(name="Catalyseur du Rhône (exemple fictif)", departements=["69"])
    member = team_member(rhone, username="dominique")
    person = AccountFactory.create(username="camille", email="camille@example.invalid")

    # The person asks, from « Faire alliance », typing a commune and picking it in the proposals.
    _sign_in(page, person.email, "/faire-alliance/")
    page.get_by_role("link", name="Je cherche un accompagnement").click()
    page.wait_for_url("**/accompagnement/demander/")
    assert page.get_by_role("heading", level=1).inner_text() == "Je cherche un accompagnement"
    assert_accessible(page)
    page.get_by_label("Pour quoi cherchez-vous un accompagnement ?").fill(
        "Monter un jardin partagé avec une entreprise du quartier (exemple fictif)."
    )
    page.get_by_label("Mécénat", exact=True).check(force=True)
    commune = page.get_by_label("Votre commune ou son code postal")
    commune.fill("Villeurb")
    page.get_by_role("option", name=re.compile(r"^Villeurbanne \(69\)")).wait_for()
    commune.press("ArrowDown")
    commune.press("Enter")
    assert commune.input_value() == "Villeurbanne (69)"
    page.get_by_role("button", name="Envoyer ma demande").click()
    page.wait_for_url(re.compile(r"/accompagnement/mes-demandes/\d+/$"))
    routing = page.get_by_text("Votre demande a été transmise à « Catalyseur du Rhône (exemple fictif) »")
    assert "parce qu'il couvre le département Rhône (69), où se trouve Villeurbanne (69)" in routing.inner_text()
    assert_accessible(page)

    # The catalyst's member finds it on the dashboard, takes it in charge and answers.
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    desk = context.new_page()
    desk.console_errors = []
    desk.on("console", lambda message: message.type == "error" and desk.console_errors.append(message.text))
    _sign_in(desk, member.email, "/accompagnement/tableau-de-bord/catalyseur/" + rhone.slug + "/")
    assert_accessible(desk)
    assert desk.get_by_text("1 nouvelle").is_visible()
    desk.get_by_role("link", name=re.compile(r"^Demande n° \d+$")).click()
    desk.wait_for_url(re.compile(r"/accompagnement/demandes/\d+/$"))
    assert desk.get_by_text("Monter un jardin partagé").is_visible()
    assert_accessible(desk)
    desk.get_by_role("button", name="Prendre en charge").click()
    desk.get_by_label("Votre message").fill("Bonjour, rencontrons-nous mardi à la maison des associations.")
    desk.get_by_role("button", name="Envoyer la réponse").click()
    assert desk.get_by_text("Votre réponse est transmise au demandeur.").is_visible()
    assert_accessible(desk)
    context.close()

    # The person sees the status and the answer in « Mon espace ».
    page.goto("/mon-espace/")
    row = page.get_by_role("row", name=re.compile("Villeurbanne"))
    assert "prise en charge" in row.inner_text().lower()  # the badge is upper case on screen
    assert_accessible(page)
    row.get_by_role("link").click()
    assert page.get_by_text("Bonjour, rencontrons-nous mardi à la maison des associations.").is_visible()
    assert page.get_by_text("Catalyseur du Rhône (exemple fictif)", exact=True).first.is_visible()
    assert_accessible(page)
