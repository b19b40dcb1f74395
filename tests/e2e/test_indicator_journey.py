"""A partner's member enters a value on their alliance's indicator (a bad one first), a moderator approves
it in the back office, and the case page shows it under « Résultats mesurés » with its chart and table."""

from __future__ import annotations

import datetime as dt

import pytest

from core.permissions import MODERATORS, ensure_roles
from indicators.models import IndicatorValue, Status
from tests.accounts.factories import AccountFactory
from tests.e2e.accessibility import assert_accessible
from tests.indicators.factories import alliance_with_partner, indicator_for, member_of_partner

pytestmark = pytest.mark.e2e
PASSWORD = "un-mot-de-passe-solide-42"  # tests/factories.py UserFactory


def _sign_in(page, email: str, next_url: str) -> None:
    page.goto(f"/connexion/?next={next_url}")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"**{next_url}")


def test_a_partner_enters_a_value_a_moderator_approves_and_the_case_shows_it(page, browser, live_server) -> None:
    from django.contrib.auth.models import Group

    case = alliance_with_partner(title="Ressourcerie partagée (exemple fictif)")
    indicator = indicator_for(
        case,
        slug="objets-reemployes",
        name="Objets réemployés (exemple fictif)",
        unit="objets",
        first_period=dt.date(2023, 1, 1),
        last_period=dt.date(2025, 1, 1),
    )
    partner = member_of_partner(case, email="camille@example.invalid", username="camille")
    ensure_roles()
    moderator = AccountFactory.create(username="modo", email="modo@example.invalid")
    moderator.groups.add(Group.objects.get(name=MODERATORS))

    enter_url = f"/indicateurs/{indicator.slug}/saisir/"
    _sign_in(page, partner.email, enter_url)
    assert page.get_by_role("heading", level=1).inner_text() == "Saisir une valeur"
    assert_accessible(page)

    page.get_by_label("Période").select_option(label="2024")
    page.get_by_label("Valeur (objets)").fill("douze")
    page.get_by_role("button", name="Soumettre à validation").click()
    assert page.get_by_text("La valeur doit être un nombre").is_visible()
    assert page.get_by_label("Valeur (objets)").get_attribute("aria-invalid") == "true"
    assert not IndicatorValue.objects.exists()
    assert_accessible(page, expected_status=400)
    page.console_errors.clear()  # the refused form's 400, checked above

    page.get_by_label("Valeur (objets)").fill("1 250")
    page.get_by_role("button", name="Soumettre à validation").click()
    page.wait_for_url(f"**{enter_url}")
    assert "soumise" in page.get_by_role("status").first.inner_text()
    assert IndicatorValue.objects.get().status == Status.SUBMITTED
    assert_accessible(page)

    moderation = browser.new_context(base_url=live_server.url, locale="fr-FR")
    admin = moderation.new_page()
    admin.console_errors = []
    _sign_in(admin, moderator.email, "/admin/indicateurs/valeurs/")
    row = admin.get_by_role("row").filter(has_text="Objets réemployés (exemple fictif)")
    assert "1\u202f250 objets" in row.inner_text()
    row.get_by_role("button", name="Approuver et publier").click()
    admin.wait_for_url("**/admin/indicateurs/valeurs/")
    assert IndicatorValue.objects.get().status == Status.APPROVED
    moderation.close()

    visitor = browser.new_context(base_url=live_server.url, locale="fr-FR").new_page()
    visitor.console_errors = []
    visitor.goto(case.get_absolute_url())
    results = visitor.locator("section", has=visitor.get_by_role("heading", name="Résultats mesurés"))
    assert results.get_by_role(
        "img", name="Graphique en courbe : Objets réemployés (exemple fictif)", exact=False
    ).is_visible()
    table = results.get_by_role("table")
    assert "1\u202f250 objets" in table.get_by_role("row").filter(has_text="2024").inner_text()
    assert "non renseigné" in table.get_by_role("row").filter(has_text="2023").text_content()  # CSS upper-cases badges
    chart = visitor.request.get(f"/indicateurs/{indicator.slug}/graphique.svg")
    assert chart.ok and chart.headers["content-type"].startswith("image/svg+xml")
    assert_accessible(visitor)

    results.get_by_role("link", name="Objets réemployés (exemple fictif)").click()
    visitor.wait_for_url(f"**/indicateurs/{indicator.slug}/")
    assert visitor.get_by_role("heading", level=1).inner_text() == "Objets réemployés (exemple fictif)"
    assert visitor.get_by_role("link", name="Télécharger les valeurs de l'indicateur (CSV)").is_visible()
    assert_accessible(visitor)
    visitor.context.close()
