"""A visitor opens « Contact » from the footer, sends an incomplete message, corrects it and sees the confirmation."""

from __future__ import annotations

import re

import pytest

from contact.models import ContactMessage
from tests.e2e.accessibility import assert_accessible

pytestmark = pytest.mark.e2e


def test_contact_from_the_footer_invalid_then_valid_message(page) -> None:
    page.goto("/")
    page.locator("#pied-de-page").get_by_role("link", name="Contact", exact=True).click()
    page.wait_for_url(re.compile(r"/contact/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Nous contacter"
    assert_accessible(page)

    page.get_by_label("Objet").select_option("question")
    page.get_by_label("Adresse électronique").fill("camille@exemple")
    page.get_by_role("button", name="Envoyer le message").click()
    page.wait_for_load_state()
    assert page.title().startswith("Erreur : Nous contacter")
    alert = page.get_by_role("alert")
    assert "Le message n'a pas été envoyé" in alert.inner_text()
    assert "Adresse électronique : saisissez une adresse valide" in alert.inner_text()
    assert "Message : écrivez votre message." in alert.inner_text()
    assert page.get_by_label("Adresse électronique").input_value() == "camille@exemple"
    assert not ContactMessage.objects.exists()
    assert_accessible(page)

    page.get_by_label("Adresse électronique").fill("camille@example.invalid")
    page.get_by_label("Message").fill("Bonjour, où trouver les catalyseurs de mon département ?")
    page.get_by_role("button", name="Envoyer le message").click()
    page.wait_for_url(re.compile(r"/contact/merci/$"))
    assert "Merci, votre message a bien été reçu" in page.locator("main").inner_text()
    assert_accessible(page)
    stored = ContactMessage.objects.get()
    assert (stored.subject, stored.email) == ("question", "camille@example.invalid")
