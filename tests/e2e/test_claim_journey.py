"""A person claims an organisation by the domain of their e-mail address, completes its page and
invites a colleague; a member of another organisation is refused every write (axe at each step)."""

from __future__ import annotations

import re

import pytest

from organisations.models import Invitation, Organisation
from tests.accounts.factories import PASSWORD, AccountFactory
from tests.e2e.accessibility import assert_accessible
from tests.e2e.screenshots import shot
from tests.organisations.member_factories import OrganisationFactory, member_of

pytestmark = pytest.mark.e2e


def _sign_in(page, email: str) -> None:
    page.goto("/connexion/")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/mon-espace/")


def test_claim_by_domain_edit_the_page_and_invite_a_member(page) -> None:
    organisation = OrganisationFactory(
        name="Ressourcerie du Panier (exemple fictif)", commune_id="13055", website="https://www.ressourcerie-panier.fr"
    )
    AccountFactory(username="camille", email="camille@ressourcerie-panier.fr")
    _sign_in(page, "camille@ressourcerie-panier.fr")

    page.goto(f"/annuaire/{organisation.pk}/")
    page.get_by_role("link", name="Je représente cette organisation").click()
    page.wait_for_url(re.compile(r"/je-represente-cette-organisation/$"))
    assert_accessible(page)
    page.get_by_role("button", name="Envoyer ma demande").click()
    page.wait_for_url(f"**/annuaire/{organisation.pk}/gerer/")
    assert "vous êtes administrateur de sa page" in page.locator("main").inner_text()
    assert_accessible(page)

    page.get_by_label("Présentation").fill("Nous collectons et réparons les objets du quartier.")
    page.get_by_label("Ce que l'organisation recherche dans une alliance").fill("Un local et des bénévoles.")
    page.get_by_label("Afficher le contact sur la page publique").check(force=True)
    page.get_by_label("Adresse e-mail de contact").fill("contact@ressourcerie-panier.fr")
    page.get_by_role("button", name="Enregistrer la page").click()
    page.wait_for_url(f"**/annuaire/{organisation.pk}/gerer/")
    main = page.locator("main").inner_text()
    assert "La page est mise à jour." in main
    assert "camille@ressourcerie-panier.fr" in page.locator("#historique").locator("..").inner_text()

    page.get_by_label("Adresse e-mail de la personne invitée").fill("dominique@ressourcerie-panier.fr")
    page.get_by_role("button", name="Envoyer l'invitation").click()
    page.wait_for_url(re.compile(r"/gerer/#membres$"))
    assert "L'invitation est envoyée à dominique@ressourcerie-panier.fr." in page.locator("main").inner_text()
    assert Invitation.objects.filter(organisation=organisation, email="dominique@ressourcerie-panier.fr").exists()
    assert_accessible(page)
    shot(page, "gerer-la-page-organisation")

    page.goto("/mon-espace/")
    assert "Ressourcerie du Panier (exemple fictif) — administrateur" in page.locator("main").inner_text()
    assert_accessible(page)
    shot(page, "mon-espace")

    page.goto(f"/annuaire/{organisation.pk}/")
    public = page.locator("main").inner_text()
    assert "Nous collectons et réparons les objets du quartier." in public
    assert "contact@ressourcerie-panier.fr" in public
    assert_accessible(page)


def test_a_member_of_another_organisation_is_refused_every_write(page) -> None:
    organisation = OrganisationFactory(name="Ressourcerie du Panier (exemple fictif)")
    member_of(organisation, username="camille")
    member_of(OrganisationFactory(name="Autre association (exemple fictif)"), username="autre")
    _sign_in(page, "autre@example.invalid")

    response = page.goto(f"/annuaire/{organisation.pk}/gerer/")
    assert response.status == 403
    assert "Accès refusé" in page.locator("main").inner_text()
    assert_accessible(page, expected_status=403)
    for path, data in (
        ("gerer/", {"presentation": "Piraté"}),
        ("gerer/inviter/", {"invited_email": "complice@example.invalid", "role": "admin"}),
    ):
        # The form is not offered: post it as a script would, with the session's CSRF token.
        token = next(c["value"] for c in page.context.cookies() if c["name"].endswith("csrftoken"))
        answer = page.request.post(
            f"/annuaire/{organisation.pk}/{path}",
            form=data,
            headers={"X-CSRFToken": token, "Referer": page.url},
        )
        assert answer.status == 403
    assert Organisation.objects.get(pk=organisation.pk).presentation == ""
    assert not Invitation.objects.exists()
