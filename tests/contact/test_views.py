from __future__ import annotations

import pytest
from django.core import mail

from contact.models import ContactMessage

pytestmark = pytest.mark.django_db

VALID = {"subject": "question", "email": "camille@example.invalid", "message": "Où trouver les catalyseurs ?"}


def test_the_form_page_has_its_title_breadcrumb_and_fields(client) -> None:
    html = client.get("/contact/").content.decode()
    assert "<title>Nous contacter — Alliances &amp; Territoires</title>" in html
    assert 'class="fr-breadcrumb"' in html
    for label in ('for="id_subject">Objet', 'for="id_email">Adresse électronique', 'for="id_message">Message'):
        assert label in html


def test_the_subject_can_be_chosen_by_the_link(client) -> None:
    html = client.get("/contact/", {"objet": "accessibilite"}).content.decode()
    assert '<option value="accessibilite" selected>' in html
    assert (
        "selected" not in client.get("/contact/", {"objet": "<script>"}).content.decode().split("id_subject")[1][:400]
    )


def test_a_valid_message_is_stored_the_team_told_and_a_french_confirmation_shown(
    client, settings, django_capture_on_commit_callbacks
) -> None:
    settings.CONTACT_RECIPIENTS = ["equipe@example.invalid"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/contact/", VALID)
    assert response.status_code == 302 and response["Location"] == "/contact/merci/"
    assert ContactMessage.objects.get().message == "Où trouver les catalyseurs ?"
    assert len(mail.outbox) == 1
    html = client.get(response["Location"]).content.decode()
    assert "Merci, votre message a bien été reçu" in html


def test_an_invalid_message_names_each_field_in_french_and_stores_nothing(client) -> None:
    response = client.post("/contact/", {"subject": "inconnu", "email": "pas-une-adresse", "message": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Erreur : Nous contacter — Alliances &amp; Territoires</title>" in html
    assert "Objet : choisissez un objet dans la liste." in html
    assert "Adresse électronique : saisissez une adresse valide, par exemple nom@domaine.fr." in html
    assert "Message : écrivez votre message." in html
    assert 'value="pas-une-adresse"' in html  # what the visitor typed is kept
    assert not ContactMessage.objects.exists()


def test_a_too_long_message_is_refused_with_its_length(client) -> None:
    html = client.post("/contact/", {**VALID, "message": "a" * 5001}).content.decode()
    assert "Message : 5000 caractères au plus (vous en avez saisi 5001)." in html
    assert not ContactMessage.objects.exists()


def test_the_honeypot_filled_by_a_robot_stores_nothing_and_says_nothing(
    client, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/contact/", {**VALID, "site_web": "http://spam.example"})
    assert response.status_code == 302 and response["Location"] == "/contact/merci/"
    assert not ContactMessage.objects.exists() and not mail.outbox


def test_the_honeypot_is_hidden_from_people(client) -> None:
    html = client.get("/contact/").content.decode()
    assert '<div hidden>\n    <label for="id_site_web">' in html


def test_past_the_form_rate_a_french_429_and_nothing_stored(client, settings) -> None:
    settings.FORM_RATE = "1/min"
    assert client.post("/contact/", VALID).status_code == 302
    response = client.post("/contact/", {**VALID, "message": "Deuxième message"})
    assert response.status_code == 429 and "Rien n'a été enregistré" in response.content.decode()
    assert list(ContactMessage.objects.values_list("message", flat=True)) == ["Où trouver les catalyseurs ?"]


def test_other_methods_are_refused(client) -> None:
    assert client.put("/contact/").status_code == 405
