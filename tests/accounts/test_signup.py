from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from tests.accounts.conftest import link_in
from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.django_db

SIGNUP = "/inscription/"
User = get_user_model()


def _sign_up(client, send, email: str = "dominique@example.invalid", password: str = PASSWORD, **extra):
    data = {"email": email, "password1": password, "password2": password, **extra}
    return send(client.post, SIGNUP, data)


def test_the_sign_up_page_is_french_dsfr_with_a_title_and_breadcrumb(client) -> None:
    html = client.get(SIGNUP).content.decode()
    assert "<title>Créer un compte — Alliances &amp; Territoires</title>" in html
    assert "<h1>Créer un compte</h1>" in html
    assert 'class="fr-breadcrumb"' in html
    assert '<label for="id_email" class="fr-label">' in html
    assert 'class="fr-input"' in html
    assert "Confirmation du mot de passe" in html


def test_signing_up_sends_a_french_confirmation_link_and_does_not_sign_in(client, send) -> None:
    response = _sign_up(client, send)
    assert response.status_code == 302
    assert response["Location"] == "/inscription/confirmez-votre-adresse/"
    assert "_auth_user_id" not in client.session
    assert EmailAddress.objects.get(email="dominique@example.invalid").verified is False
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["dominique@example.invalid"]
    assert message.subject == "[Alliances & Territoires] Confirmez votre adresse e-mail"
    assert message.body.startswith("Bonjour,")
    assert "valable 3 jours" in message.body
    assert message.body.rstrip().endswith("L'équipe Alliances & Territoires\nhttp://127.0.0.1:8000/")
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "L'équipe Alliances &amp; Territoires" in html
    assert "Confirmer mon adresse" in html


def test_the_confirmation_link_asks_then_confirms_and_signs_in(client, send) -> None:
    _sign_up(client, send)
    link = link_in(mail.outbox[0], "/confirmer-mon-adresse/")
    page = client.get(link)
    assert "Confirmer mon adresse" in page.content.decode()
    assert EmailAddress.objects.get().verified is False  # opening the link (a mail scanner) confirms nothing
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get().verified is True
    assert "_auth_user_id" in client.session
    assert client.get("/mon-espace/").status_code == 200


def test_an_expired_confirmation_link_is_a_french_page_and_confirms_nothing(client, send, settings) -> None:
    _sign_up(client, send)
    link = link_in(mail.outbox[0], "/confirmer-mon-adresse/")
    settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 0
    html = client.get(link).content.decode()
    assert "Lien expiré ou invalide" in html
    client.post(link)
    assert EmailAddress.objects.get().verified is False
    assert "_auth_user_id" not in client.session


def test_a_forged_confirmation_link_is_a_french_page(client, db) -> None:
    html = client.get("/confirmer-mon-adresse/faux:jeton/").content.decode()
    assert "Lien expiré ou invalide" in html


def test_a_reused_confirmation_link_changes_nothing(client, send) -> None:
    _sign_up(client, send)
    link = link_in(mail.outbox[0], "/confirmer-mon-adresse/")
    client.post(link)
    client.post("/deconnexion/")
    response = client.post(link)
    assert response.status_code == 404
    assert "Lien expiré ou invalide" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert EmailAddress.objects.count() == 1
    assert User.objects.count() == 1


def test_signing_in_before_confirming_sends_a_new_link_instead(client, send) -> None:
    _sign_up(client, send)
    response = send(client.post, "/connexion/", {"login": "dominique@example.invalid", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/inscription/confirmez-votre-adresse/"
    assert "_auth_user_id" not in client.session


def test_signing_up_with_an_address_that_has_an_account_looks_the_same_and_warns_its_owner(
    client, send, account
) -> None:
    response = _sign_up(client, send, email="Camille@example.invalid")
    assert response.status_code == 302
    assert response["Location"] == "/inscription/confirmez-votre-adresse/"
    assert User.objects.count() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "[Alliances & Territoires] Votre compte Alliances & Territoires"
    assert "qui en a déjà un" in message.body
    assert "/mot-de-passe-oublie/" in message.body


@pytest.mark.parametrize(
    ("password", "error"),
    [
        ("court-1A!", "Ce mot de passe est trop court"),
        ("motdepasseaa", "Mot de passe trop faible"),
        ("Abcdefgh1234", "Mot de passe trop faible"),  # 12 characters without a special one: CNIL asks for 14
    ],
)
def test_a_weak_password_is_refused_in_french_and_nothing_is_saved(client, send, password, error) -> None:
    response = _sign_up(client, send, password=password)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not User.objects.exists()
    assert mail.outbox == []


def test_two_different_passwords_are_refused_in_french(client, send) -> None:
    response = send(
        client.post, SIGNUP, {"email": "d@example.invalid", "password1": PASSWORD, "password2": PASSWORD + "x"}
    )
    assert "Vous devez saisir deux fois le même mot de passe" in response.content.decode()
    assert not User.objects.exists()


def test_a_malformed_address_is_refused_in_french(client, send) -> None:
    response = _sign_up(client, send, email="pas-une-adresse")
    assert response.status_code == 200
    assert "Saisissez une adresse de courriel valide" in response.content.decode()
    assert not User.objects.exists()


def test_sign_up_is_rate_limited_per_address_in_the_shared_cache(client, send, settings) -> None:
    from django.core.cache import caches

    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/h/ip"}
    for n in range(2):
        assert _sign_up(client, send, email=f"personne{n}@example.invalid").status_code == 302
    response = _sign_up(client, send, email="personne3@example.invalid")
    assert response.status_code == 429
    assert "Trop de demandes" in response.content.decode()
    assert User.objects.count() == 2
    ratelimit = caches["ratelimit"]
    store = ratelimit._cache  # type: ignore[attr-defined]
    if isinstance(store, dict):  # in memory (the tests' default)
        keys = [str(key) for key in store]
    else:  # Redis (CACHE_URL, CI's PostgreSQL pass)
        keys = [key.decode() for key in store.get_client().scan_iter(match=f"{ratelimit.key_prefix}:*")]
    assert any("signup" in key for key in keys)
