"""Issue 16's facilitators: the mission team names a facilitator of measure 2 in the back office; the
facilitator submits a bilan with an indicator value from « Mon espace »; the team returns it with a
comment; the facilitator corrects it; the team publishes it. The measure's page, the roll-ups
(« N mesures évaluées sur 21 »), the traffic light and the PDF/CSV of a new programme bilan show it
(axe at each public step)."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from pypdf import PdfReader

from core.permissions import MISSION_TEAM, ensure_roles
from indicators.models import IndicatorValue
from roadmap.models import Measure
from tests.accounts.factories import PASSWORD, AccountFactory
from tests.e2e.accessibility import assert_accessible
from tests.e2e.screenshots import shot
from tests.indicators.factories import indicator_for

pytestmark = pytest.mark.e2e

FACILITATOR = "claude.facilitatrice@example.invalid"
TEAM = "mission@example.invalid"
FIRST_TEXT = "Les outils des réseaux nationaux ont été recensés."
CORRECTED_TEXT = "Les outils de 12 réseaux nationaux ont été recensés et comparés dans une carte commune."


def _sign_in(page, email: str) -> None:
    page.goto("/connexion/")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/mon-espace/")


@pytest.fixture
def team_page(browser, live_server, page):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", accept_downloads=True)
    team = context.new_page()
    yield team
    context.close()


def test_a_facilitator_bilan_from_draft_to_the_published_programme_bilan(page, team_page) -> None:
    ensure_roles()
    member = AccountFactory.create(username="mission", email=TEAM)
    member.groups.add(Group.objects.get(name=MISSION_TEAM))
    AccountFactory(username="claude", email=FACILITATOR)
    measure_2 = Measure.objects.get(number=2)
    indicator = indicator_for(measure_2, name="Outils des réseaux recensés (exemple fictif)", unit="outils")

    # The mission team names the facilitator of measure 2 in the back office.
    _sign_in(team_page, TEAM)
    team_page.goto("/admin/feuille-de-route/facilitateurs/")
    section = team_page.locator("#mesure-2")
    section.get_by_label("Adresse e-mail du compte").fill(FACILITATOR)
    section.get_by_role("button", name="Désigner ce compte pour la mesure 2").click()
    assert FACILITATOR in team_page.locator("#mesure-2").inner_text()

    # The facilitator writes and submits a bilan from « Mon espace ».
    _sign_in(page, FACILITATOR)
    page.get_by_role("link", name="Mes mesures et leurs bilans").click()
    page.wait_for_url("**/mon-espace/feuille-de-route/")
    assert "Échéance calculée à partir de l'horizon de la dimension opérationnelle" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Rédiger un bilan de la mesure 2").click()
    page.get_by_label("Statut de la mesure").select_option(label="En cours")
    page.get_by_role("textbox", name="Bilan", exact=True).fill(FIRST_TEXT)
    page.get_by_label("Prochaines étapes").fill("Publier la carte des outils.")
    page.get_by_label("Lien vers un justificatif").fill("https://www.exemple.fr/carte-des-outils")
    page.get_by_label("Intitulé du lien").fill("Carte des outils (exemple fictif)")
    page.get_by_label("Indicateur de la mesure (facultatif)").select_option(label=indicator.name)
    page.get_by_label("Période de la valeur").fill("2023-01-01")
    page.locator("#id_indicator_value").fill("12")
    assert_accessible(page)
    shot(page, "bilan-facilitateur")
    page.get_by_role("button", name="Soumettre à l'équipe de la mission").click()
    page.wait_for_url("**/mon-espace/feuille-de-route/")
    assert "soumis, en relecture" in page.get_by_role("row").filter(has_text="Mesure 2").last.text_content()
    assert_accessible(page)

    # Nothing public yet.
    page.goto("/feuille-de-route/mesures/2/")
    assert FIRST_TEXT not in page.locator("main").inner_text()

    # The team returns it with a comment.
    team_page.goto("/admin/feuille-de-route/bilans-proposes/")
    assert FIRST_TEXT in team_page.locator("main").inner_text()
    team_page.get_by_label("Commentaire pour le facilitateur").fill("Précisez combien de réseaux.")
    team_page.get_by_role("button", name="Renvoyer pour correction").click()
    expect(team_page.locator("body")).to_contain_text("Bilan renvoyé au facilitateur")  # waits for the redirect

    # The facilitator reads the comment, corrects, submits again.
    page.goto("/mon-espace/feuille-de-route/")
    row = page.get_by_role("row").filter(has_text="Mesure 2").last.text_content()
    assert "renvoyé pour correction" in row and "Précisez combien de réseaux." in row
    page.get_by_role("link", name=re.compile("^Corriger ou soumettre")).click()
    assert (
        "Précisez combien de réseaux."
        in page.get_by_role("alert").or_(page.locator(".fr-alert--warning")).first.inner_text()
    )
    assert_accessible(page)
    page.get_by_role("textbox", name="Bilan", exact=True).fill(CORRECTED_TEXT)
    page.get_by_role("button", name="Soumettre à l'équipe de la mission").click()
    page.wait_for_url("**/mon-espace/feuille-de-route/")

    # The team publishes it.
    team_page.goto("/admin/feuille-de-route/bilans-proposes/")
    assert CORRECTED_TEXT in team_page.locator("main").inner_text()
    team_page.get_by_role("button", name="Valider et publier").click()
    expect(team_page.locator("body")).to_contain_text("validé et publié")  # waits for the redirect
    value = IndicatorValue.objects.get(indicator=indicator)
    assert (value.status, value.value) == ("approved", 12)

    # The measure's page, the roll-ups and the traffic light show it.
    page.goto("/feuille-de-route/mesures/2/")
    main = page.locator("main").inner_text()
    assert CORRECTED_TEXT in main
    assert "Rédigé par un facilitateur de la mesure, validé et publié" in main
    assert "du rythme des bilans de la mesure (tous les 12 mois)" in main
    assert "à jour" in (page.get_by_role("heading", name="Prochain bilan").locator("..").text_content() or "")
    assert_accessible(page)
    page.goto("/feuille-de-route/")
    assert (
        "2 mesures évaluées sur 21"
        in page.get_by_role("heading", name="Avancement du programme").locator("..").inner_text()
    )
    row = (
        page.get_by_role("table", name="Mesures opérationnelles")
        .get_by_role("row")
        .filter(has_text="Favoriser la convergence")
    )
    assert "à jour" in (row.text_content() or "")
    assert "En cours" in (row.text_content() or "")
    assert (
        "Une évaluation en 2022 permettra de mesurer le cheminement collectivement parcouru en 3 ans."
        in page.locator("main").inner_text()
    )
    assert_accessible(page)

    # A new programme bilan, frozen in the back office, carries it in its PDF and CSV.
    team_page.goto("/admin/snippets/roadmap/bilan/add/")
    # The programme field is Wagtail's snippet chooser (a hidden input filled by its modal): the one
    # programme of the reference data is set in that input, as the chooser would.
    programme_pk = measure_2.programme_id
    team_page.locator("#id_programme").evaluate("(input, pk) => { input.value = pk; }", str(programme_pk))
    team_page.get_by_label("Titre").fill("Bilan des facilitateurs")
    team_page.get_by_label("Identifiant").fill("bilan-des-facilitateurs")
    team_page.locator("#id_date").fill(_today())  # its label also names the panel and its anchors
    team_page.keyboard.press("Escape")
    team_page.locator("#id_is_published").check()
    team_page.get_by_role("button", name="Enregistrer").first.click()
    team_page.wait_for_url("**/admin/snippets/roadmap/bilan/")

    # The bilan's page shows each measure's status; its PDF and CSV carry the texts.
    page.goto("/feuille-de-route/bilans/bilan-des-facilitateurs/")
    expect(page.locator("main")).to_contain_text("Bilan des facilitateurs")
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger le bilan (PDF)").click()
    with open(download_info.value.path(), "rb") as pdf:
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())  # spaces as read
    assert "Mesure 2 —" in text
    assert CORRECTED_TEXT in text
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile(r"Télécharger .*\(CSV\)")).first.click()
    with open(download_info.value.path(), encoding="utf-8-sig") as handle:
        rows = {row["numero"]: row for row in csv.DictReader(io.StringIO(handle.read()), delimiter=";")}
    assert rows["2"]["bilan_mesure"] == CORRECTED_TEXT
    assert rows["2"]["statut"] == "En cours"
    assert not page.console_errors


def _today() -> str:
    from django.utils import timezone

    return timezone.localdate().isoformat()
