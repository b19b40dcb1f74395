from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import mail
from django.core.mail import EmailMultiAlternatives

from tests.accounts.conftest import link_in
from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.django_db

RESET = "/mot-de-passe-oublie/"
NEW_PASSWORD = "une-nouvelle-phrase-de-passe-7"


def test_a_reset_mails_a_single_use_link_that_sets_a_new_password(client, send, account) -> None:
    response = send(client.post, RESET, {"email": "camille@example.invalid"})
    assert response["Location"] == "/mot-de-passe-oublie/message-envoye/"
    message = mail.outbox[0]
    assert message.subject == "[Alliances & Territoires] Choisissez un nouveau mot de passe"
    assert "L'équipe Alliances & Territoires" in message.body
    link = link_in(message, "/mot-de-passe-oublie/nouveau/")
    form_url = client.get(link)["Location"]  # allauth hides the key from the page's address
    response = send(client.post, form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response["Location"] == "/mot-de-passe-oublie/termine/"
    account.refresh_from_db()
    assert account.check_password(NEW_PASSWORD)
    assert mail.outbox[-1].subject == "[Alliances & Territoires] Votre mot de passe a été modifié"
    # the date in French typography (core.dates), in the text and the HTML: « le 1er mars 2026 à 9 h 05 »
    when = r"Ce changement a été fait le (1er|[1-9]|[12]\d|3[01]) [a-zéû]+ \d{4} à \d{1,2} h( \d{2})? depuis"
    changed = mail.outbox[-1]
    assert isinstance(changed, EmailMultiAlternatives)
    assert re.search(when, str(changed.body)) and re.search(when, str(changed.alternatives[0][0]))
    # the link worked once
    html = client.get(link, follow=True).content.decode()
    assert "Lien expiré ou déjà utilisé" in html


def test_a_reset_for_an_unknown_address_looks_the_same_on_screen(client, send, account) -> None:
    known = send(client.post, RESET, {"email": "camille@example.invalid"})
    unknown = send(client.post, RESET, {"email": "personne@example.invalid"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [m.to for m in mail.outbox] == [["camille@example.invalid"], ["personne@example.invalid"]]
    assert "Aucun compte n'utilise cette adresse" in mail.outbox[1].body
    html = client.get(known["Location"]).content.decode()
    assert "Si cette adresse correspond à un compte" in html


def test_a_forged_reset_link_is_a_french_page_and_changes_nothing(client, account) -> None:
    html = client.get("/mot-de-passe-oublie/nouveau/2s-faux-jeton/", follow=True).content.decode()
    assert "Lien expiré ou déjà utilisé" in html
    account.refresh_from_db()
    assert account.check_password(PASSWORD)


def test_a_weak_new_password_is_refused_in_french(client, send, account) -> None:
    send(client.post, RESET, {"email": "camille@example.invalid"})
    form_url = client.get(link_in(mail.outbox[0], "/mot-de-passe-oublie/nouveau/"))["Location"]
    response = client.post(form_url, {"password1": "motdepasseaa", "password2": "motdepasseaa"})
    assert "Mot de passe trop faible" in response.content.decode()
    account.refresh_from_db()
    assert account.check_password(PASSWORD)


def test_reset_requests_are_rate_limited_per_address(client, send, account, settings) -> None:
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "reset_password": "2/h/ip"}
    for _ in range(2):
        send(client.post, RESET, {"email": "camille@example.invalid"})
    response = send(client.post, RESET, {"email": "camille@example.invalid"})
    assert response.status_code == 429
    assert len(mail.outbox) == 2


def test_an_expired_reset_link_is_a_french_page_and_changes_nothing(
    client, send, account, monkeypatch, settings
) -> None:
    send(client.post, RESET, {"email": "camille@example.invalid"})
    link = link_in(mail.outbox[0], "/mot-de-passe-oublie/nouveau/")
    form_url = client.get(link)["Location"]  # opened in time: allauth keeps the key in the session
    # then the link's lifetime (PASSWORD_RESET_TIMEOUT) passes: the token generator's clock is moved past it
    later = dt.datetime.now() + dt.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)
    monkeypatch.setattr(PasswordResetTokenGenerator, "_now", lambda self: later)
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}, follow=True)
    assert "Lien expiré ou déjà utilisé" in response.content.decode()
    html = client.get(link, follow=True).content.decode()
    assert "Lien expiré ou déjà utilisé" in html and 'lang="fr"' in html
    account.refresh_from_db()
    assert account.check_password(PASSWORD)
    assert len(mail.outbox) == 1  # no « Votre mot de passe a été modifié »
