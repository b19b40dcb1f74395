"""A person answers « Par où commencer ? » as an association in the Aisne and gets kit sheets, tools, cases and
the catalysts of the Aisne, then changes one answer and sees the result move."""

from __future__ import annotations

import re

import pytest

from reference.models import ActorKind, PartnershipModality
from tests.alliances.factories import listing_of, verified_organisation
from tests.cases.factories import CaseFactory, partners
from tests.catalysts.factories import CatalystFactory
from tests.e2e.accessibility import assert_accessible
from tests.e2e.screenshots import shot
from tests.resources.factories import ToolFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def aisne(page):
    association = ActorKind.objects.get(slug="association")
    ToolFactory(
        title="Trame pour une première alliance (exemple fictif)",
        maturity="se-lancer",
        phase="concevoir",
        audiences=[association],
        is_demo=True,
    )
    ToolFactory(
        title="Piloter une alliance qui dure (exemple fictif)", maturity="approfondir", phase="concevoir", is_demo=True
    )
    CaseFactory(
        title="Une épicerie solidaire à Laon (exemple fictif)",
        territory_level="commune",
        territory_code="02408",
        modality=PartnershipModality.objects.get(slug="cooperation-economique"),
        partners=partners("association", "entreprise"),
        demo=True,
    )
    CatalystFactory(name="Catalyseur de l'Aisne (exemple fictif)", departements=["02"])
    CatalystFactory(name="Catalyseur des Bouches-du-Rhône (exemple fictif)", departements=["13"])
    listing_of(
        verified_organisation(name="Atelier vélo de Laon (exemple fictif)"),
        title="Cherche une association pour un atelier vélo (exemple fictif)",
        territory_code="02408",
        partner_kinds=[association],
        is_demo=True,
    )
    return page


def _tick(choice) -> None:
    """Tick a DSFR radio button or checkbox with the keyboard (its label covers the native input)."""
    choice.press("Space")
    assert choice.is_checked()


def _section(page, heading_id: str):
    return page.locator(f"#{heading_id}").locator("..")


def test_an_association_in_the_aisne_gets_its_next_steps_then_sees_them_move(aisne) -> None:
    page = aisne
    page.goto("/")
    page.get_by_role("link", name="Par où commencer ? Répondre au questionnaire").click()
    page.wait_for_url(re.compile(r"/par-ou-commencer/$"))
    assert_accessible(page)

    _tick(page.get_by_label("Une association"))
    field = page.get_by_role("combobox", name=re.compile("Votre commune ou votre code postal"))
    field.fill("Laon")
    option = page.get_by_role("option", name=re.compile(r"^Laon \(02\)"))
    option.wait_for()
    while option.get_attribute("aria-selected") != "true":
        field.press("ArrowDown")
    field.press("Enter")
    page.get_by_role("button", name="Continuer : votre situation").click()

    page.wait_for_url(re.compile(r"/par-ou-commencer/questions/\?"))
    assert "Vous êtes une association, à Laon (02)" in page.locator("main").inner_text()
    assert_accessible(page)
    shot(page, "orientation-questions")
    _tick(page.get_by_label("Je veux me lancer dans une première alliance"))
    _tick(page.get_by_label("Je le conçois : l'idée, les partenaires, le cadre"))
    _tick(page.get_by_label(re.compile("^La coopération économique")))
    _tick(page.get_by_label("Des exemples dont m'inspirer"))
    page.get_by_role("button", name="Voir mes prochaines étapes").click()

    page.wait_for_url(re.compile(r"/par-ou-commencer/resultat/[\w-]+/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Vos prochaines étapes"
    assert (
        "Fiche 2 — Illustration de la diversité des modèles de partenariats"
        in _section(page, "fiches-du-kit").inner_text()
    )
    assert "Trame pour une première alliance (exemple fictif)" in _section(page, "outils").inner_text()
    assert "Une épicerie solidaire à Laon (exemple fictif)" in _section(page, "exemples").inner_text()
    catalysts = _section(page, "catalyseurs").inner_text()
    assert "Catalyseur de l'Aisne (exemple fictif)" in catalysts
    assert "Bouches-du-Rhône" not in catalysts
    assert "Cherche une association pour un atelier vélo" in _section(page, "faire-alliance").inner_text()
    assert "4 questions sans réponse" in page.locator("#reponses-manquantes").inner_text()
    assert_accessible(page)
    shot(page, "orientation-resultat")

    page.get_by_role("link", name="Modifier mes réponses").click()
    page.wait_for_url(re.compile(r"/par-ou-commencer/questions/\?"))
    assert page.get_by_label("Je veux me lancer dans une première alliance").is_checked()  # kept
    _tick(page.get_by_label("J'ai déjà des alliances et je veux aller plus loin"))
    page.get_by_role("button", name="Voir mes prochaines étapes").click()

    page.wait_for_url(re.compile(r"/par-ou-commencer/resultat/[\w-]+/$"))
    moved = _section(page, "ce-qui-a-change").inner_text()
    assert "Je veux me lancer dans une première alliance" in moved
    assert "J'ai déjà des alliances et je veux aller plus loin" in moved
    assert "Piloter une alliance qui dure (exemple fictif)" in page.locator("#nouvelles-propositions").inner_text()
    assert "Trame pour une première alliance (exemple fictif)" in page.locator("#propositions-retirees").inner_text()
    assert "Piloter une alliance qui dure (exemple fictif)" in _section(page, "outils").inner_text()
    assert_accessible(page)
    shot(page, "orientation-resultat-modifie")


def test_the_questionnaire_works_without_javascript_and_asks_which_commune(browser, live_server, site_data) -> None:
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    page.goto("/par-ou-commencer/")
    _tick(page.get_by_label("Une association"))
    page.get_by_label(re.compile("Votre commune ou votre code postal")).fill("02000")
    page.get_by_role("button", name="Continuer : votre situation").click()
    assert "Plusieurs communes correspondent à « 02000 »" in page.locator("main").inner_text()
    _tick(page.get_by_label(re.compile(r"^Laon — Aisne")))
    page.get_by_role("button", name="Continuer : votre situation").click()
    _tick(page.get_by_label("Je découvre ce que veut dire « faire alliance »"))
    page.get_by_role("button", name="Voir mes prochaines étapes").click()
    page.wait_for_url(re.compile(r"/par-ou-commencer/resultat/[\w-]+/$"))
    assert "Fiche 1 — Argumentaire" in page.locator("main").inner_text()
    context.close()
