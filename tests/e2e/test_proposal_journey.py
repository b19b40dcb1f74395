"""Issue 13's « Done when »: a person signs up, confirms from the e-mail, saves a search with an alert,
proposes a case with an organisation of the directory as partner, sees it « en attente » in Mon espace;
a moderator publishes it; the proposer sees « publié » and the organisation's page lists the case
(axe at each step)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group

from cases.models import Case
from core.permissions import MODERATORS, ensure_roles
from organisations.models import RegisterSource
from tests.e2e.accessibility import assert_accessible
from tests.e2e.screenshots import shot
from tests.e2e.test_account_journey import PASSWORD, _mails, mail_dir  # noqa: F401 (fixture)
from tests.factories import UserFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.e2e

EMAIL = "alix.exemple@example.invalid"
TITLE = "Une ressourcerie partagée (exemple fictif)"


def _sign_up_and_confirm(page, mail_dir) -> None:  # noqa: F811
    page.goto("/inscription/")
    page.get_by_label("Adresse e-mail").fill(EMAIL)
    page.get_by_label("Mot de passe", exact=False).first.fill(PASSWORD)
    page.get_by_label("Confirmation du mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Créer mon compte").click()
    page.wait_for_url("**/inscription/confirmez-votre-adresse/")
    (message,) = _mails(mail_dir)
    link = re.search(r"https?://\S+/confirmer-mon-adresse/\S+/", message.get_body(("plain",)).get_content()).group(0)
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    assert_accessible(page)
    page.get_by_role("button", name="Confirmer mon adresse").click()
    page.wait_for_url("**/mon-espace/")


def test_propose_a_case_with_a_directory_partner_until_it_is_published(page, mail_dir) -> None:  # noqa: F811
    ensure_roles()
    moderator = UserFactory(username="moderatrice")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    association = OrganisationFactory(
        name="Ressourcerie du Panier (exemple fictif)",
        source=RegisterSource.RNA,
        register_id="W133000001",
        rna="W133000001",
    )
    page.goto(f"/annuaire/{association.pk}/")
    assert TITLE not in page.locator("main").inner_text()

    _sign_up_and_confirm(page, mail_dir)

    page.goto("/recherche/?q=ressourcerie")
    page.get_by_label("Chaque semaine").check()
    page.get_by_role("button", name="S'abonner à cette recherche").click()
    page.wait_for_url("**/recherches-enregistrees/")
    assert_accessible(page)

    page.get_by_role("link", name="Proposer un exemple inspirant").click()
    page.wait_for_url("**/proposer-un-exemple/")
    assert_accessible(page)
    page.get_by_label("Titre de l'alliance").fill(TITLE)
    page.get_by_role("textbox", name="Résumé").fill("Une association et une entreprise ouvrent une ressourcerie.")
    page.get_by_role("textbox", name="Objectifs").fill("Réemployer les objets du quartier.")
    page.get_by_label("Modalité de partenariat").select_option(label="Mécénat")
    partner = page.get_by_role("combobox", name="Partenaire n° 1 dans l'annuaire", exact=False)
    partner.press_sequentially("ressourcerie du pan")
    page.get_by_role("option", name="Ressourcerie du Panier (exemple fictif) — W133000001").wait_for()
    assert_accessible(page)
    partner.press("ArrowDown")
    partner.press("Enter")
    assert partner.input_value() == "Ressourcerie du Panier (exemple fictif) — W133000001"
    page.get_by_label("Rôle du partenaire n° 1 dans l'alliance").fill("anime la ressourcerie")
    page.get_by_label("Nom du partenaire n° 2").fill("Entreprise fictive")
    page.get_by_label("Type d'acteur du partenaire n° 2").select_option(value="entreprise")
    page.get_by_label("Rôle du partenaire n° 2 dans l'alliance").fill("prête le local")
    page.get_by_label("Année de début").fill("2024")
    page.get_by_label("Échelle du territoire").select_option(value="departement")
    page.get_by_label("Nom du territoire", exact=False).fill("Bouches-du-Rhône")
    page.locator("summary", has_text="ODD 12 — ").click()
    page.get_by_label("Cible 12.5 — ", exact=False).check(force=True)
    shot(page, "proposer-un-exemple")
    page.get_by_role("button", name="Envoyer la proposition").click()
    page.wait_for_url("**/mon-espace/")
    main = page.locator("main").inner_text()
    row = page.get_by_role("row").filter(has_text=TITLE).text_content()  # badges are upper-cased by CSS only
    assert "en attente" in row
    assert "Texte : « ressourcerie »" in main
    assert_accessible(page)

    case = Case.objects.get(title=TITLE)
    assert case.partners.filter(organisation=association).exists()
    assert (case.territory_code, list(case.sdg_targets.values_list("code", flat=True))) == ("13", ["12.5"])
    # what « Approuver » on the back office dashboard calls
    case.current_workflow_state.current_task_state.approve(user=moderator)

    page.reload()
    row = page.get_by_role("row").filter(has_text=TITLE).text_content()
    assert "publié" in row and "en attente" not in row
    assert_accessible(page)
    page.goto(f"/annuaire/{association.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name=TITLE).click()
    page.wait_for_url(f"**{case.get_absolute_url()}")
    assert page.get_by_role("heading", level=1).inner_text() == TITLE
    assert_accessible(page)
    assert not page.console_errors
