"""Issue 14's « Done when » for matches: two organisations of different kinds in the same département;
one posts a need, the other sees it suggested and expresses interest, the first accepts, both then see
each other's contact details (a third person never does), they mark the alliance formed, and the public
statistics (/faire-alliance/statistiques/, alliances.stats) count it without naming either side."""

from __future__ import annotations

import re

import pytest

from alliances.match_selectors import formed_alliances_count
from alliances.models import Match
from reference.models import ActorKind
from tests.accounts.factories import AccountFactory
from tests.alliances.factories import verified_organisation
from tests.e2e.accessibility import assert_accessible
from tests.organisations.member_factories import member_of

pytestmark = pytest.mark.e2e
PASSWORD = "un-mot-de-passe-solide-42"  # tests/factories.py UserFactory
NEED = "Un local pour un atelier vélo (exemple fictif)"


def _signed_in(browser, live_server, email: str, next_path: str):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.goto(f"/connexion/?next={next_path}")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"**{next_path}")
    return page


def test_two_organisations_meet_through_a_need_and_form_an_alliance(page, browser, live_server) -> None:
    association = verified_organisation(
        name="Ressourcerie du Panier (exemple fictif)", commune_id="13055", contact_email="panier@example.invalid"
    )
    entreprise = verified_organisation(
        name="Cycles d'Aix (exemple fictif)",
        commune_id="13001",
        kind=ActorKind.objects.get(slug="entreprise"),
        contact_email="cycles@example.invalid",
    )
    anne = member_of(association, email="anne@example.invalid", username="anne")
    bruno = member_of(entreprise, email="bruno@example.invalid", username="bruno")
    third = AccountFactory.create(username="claude", email="claude@example.invalid")

    # The association posts a need.
    page.goto("/connexion/?next=/faire-alliance/publier/")
    page.get_by_label("Adresse e-mail").fill(anne.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/faire-alliance/publier/")
    page.get_by_label("Je cherche").check(force=True)
    page.get_by_label("Titre").fill(NEED)
    page.get_by_label("Pour quoi faire ?").fill("Réparer des vélos avec les habitants du quartier.")
    page.get_by_label("Mécénat", exact=True).check(force=True)
    page.get_by_label("Entreprise", exact=True).check(force=True)
    page.get_by_label("Locaux", exact=True).check(force=True)
    page.get_by_label("Échelle du territoire").select_option("commune")
    page.get_by_label("Code du territoire").fill("13055")
    page.get_by_role("button", name="Publier l'annonce").click()
    page.wait_for_url(re.compile(r"/faire-alliance/\d+/$"))

    # The entreprise sees it suggested, with the reasons, and expresses interest.
    bruno_page = _signed_in(browser, live_server, bruno.email, "/faire-alliance/suggestions/")
    assert "Cherche des partenaires de votre type (Entreprise)" in bruno_page.content()
    assert_accessible(bruno_page)
    bruno_page.get_by_role("link", name=NEED).click()
    bruno_page.get_by_label("Message (facultatif)").fill("<b>Nous avons un atelier</b> à partager.")
    bruno_page.get_by_role("button", name="Manifester mon intérêt").click()
    assert "Votre intérêt est transmis" in bruno_page.get_by_role("status").first.inner_text()

    # The association sees the request without the entreprise's name, then accepts.
    page.goto("/faire-alliance/mises-en-relation/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Ouvrir")).first.click()
    page.wait_for_url(re.compile(r"/mises-en-relation/\d+/$"))
    assert "une organisation de type « Entreprise » (Bouches-du-Rhône)" in page.content()
    assert "Cycles d'Aix" not in page.content() and "cycles@example.invalid" not in page.content()
    assert page.get_by_text("<b>Nous avons un atelier</b> à partager.").is_visible()  # markup shown as text
    assert_accessible(page)
    page.get_by_role("button", name="Accepter la mise en relation").click()
    assert "cycles@example.invalid" in page.content() and "bruno@example.invalid" in page.content()
    match_url = page.url

    # The entreprise sees the association's contact details too.
    bruno_page.goto(match_url)
    assert "panier@example.invalid" in bruno_page.content() and "anne@example.invalid" in bruno_page.content()

    # A third person never sees the match nor any contact.
    claude_page = _signed_in(browser, live_server, third.email, "/faire-alliance/mises-en-relation/")
    response = claude_page.goto(match_url)
    assert response.status == 404
    assert (
        "panier@example.invalid" not in claude_page.content() and "cycles@example.invalid" not in claude_page.content()
    )

    # They talk, then mark the alliance formed; it can become a case proposal, prefilled.
    bruno_page.get_by_label("Votre message").fill("Rendez-vous jeudi à l'atelier ?")
    bruno_page.get_by_role("button", name="Envoyer le message").click()
    page.goto(match_url)
    assert "en discussion" in page.content()
    page.get_by_role("button", name="Alliance formée").click()
    assert page.get_by_role("heading", name=re.compile("Alliance formée")).is_visible()
    assert_accessible(page)
    assert formed_alliances_count() == 1 and Match.objects.get().status == "formed"
    page.get_by_role("link", name="Proposer comme exemple inspirant").click()
    page.wait_for_url(re.compile(r"/proposer-un-exemple/\?mise-en-relation="))
    assert page.get_by_label("Titre de l'alliance").input_value() == (
        "Alliance entre Cycles d'Aix (exemple fictif) et Ressourcerie du Panier (exemple fictif)"
    )

    # The public statistics count the alliance, without naming either organisation.
    visitor = browser.new_context(base_url=live_server.url, locale="fr-FR").new_page()
    visitor.console_errors = []
    visitor.on("console", lambda message: message.type == "error" and visitor.console_errors.append(message.text))
    visitor.goto("/faire-alliance/statistiques/")
    assert "<strong>1</strong> alliance formée" in visitor.content()
    assert "1 acceptée sur 1 réponse" in visitor.content()
    assert "Cycles d'Aix" not in visitor.content() and "Ressourcerie du Panier" not in visitor.content()
    assert_accessible(visitor)
    for context_page in (bruno_page, claude_page, visitor):
        context_page.context.close()
