"""A member of a verified organisation posts a need (« Je cherche ») and finds it in the public list."""

from __future__ import annotations

import re

import pytest

from tests.alliances.factories import verified_organisation
from tests.e2e.accessibility import assert_accessible
from tests.organisations.member_factories import member_of

pytestmark = pytest.mark.e2e
PASSWORD = "un-mot-de-passe-solide-42"  # tests/factories.py UserFactory


def test_a_member_posts_a_need_and_sees_it_listed(page) -> None:
    organisation = verified_organisation(name="Ressourcerie du Panier (exemple fictif)", commune_id="13055")
    member = member_of(organisation, email="camille@example.invalid", username="camille")

    page.goto("/connexion/?next=/faire-alliance/publier/")
    page.get_by_label("Adresse e-mail").fill(member.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/faire-alliance/publier/")
    assert page.get_by_role("heading", level=1).inner_text() == "Publier une annonce"
    assert_accessible(page)

    page.get_by_label("Je cherche").check(force=True)
    page.get_by_label("Titre").fill("Un local pour un atelier vélo (exemple fictif)")
    page.get_by_label("Pour quoi faire ?").fill("Réparer des vélos avec les habitants du quartier.")
    page.get_by_label("Mécénat", exact=True).check(force=True)
    page.get_by_label("Entreprise", exact=True).check(force=True)
    page.get_by_label("Locaux", exact=True).check(force=True)
    page.get_by_label("Échelle du territoire").select_option("commune")
    page.get_by_label("Code du territoire").fill("13055")
    page.get_by_role("button", name="Publier l'annonce").click()
    page.wait_for_url(re.compile(r"/faire-alliance/\d+/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Un local pour un atelier vélo (exemple fictif)"
    assert_accessible(page)

    page.get_by_role("link", name="Faire alliance").first.click()
    page.wait_for_url("**/faire-alliance/")
    page.get_by_label("Échelle du territoire").select_option("departement")
    page.get_by_label("Code du territoire").fill("13")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_url(re.compile(r"code=13"))
    assert "1 annonce ouverte" in page.get_by_role("status").inner_text()
    assert page.get_by_role("link", name="Un local pour un atelier vélo (exemple fictif)").is_visible()
    assert page.get_by_role("cell", name="1").first.is_visible()
    assert_accessible(page)
