"""/connexion/ (django-allauth's sign-in by e-mail) with django-axes' lockout and a safe ``next``."""

from __future__ import annotations

import time

import pytest

from tests.accounts.factories import PASSWORD, AccountFactory

pytestmark = pytest.mark.django_db

LOGIN = "/connexion/"


def _login(client, password: str = PASSWORD, ip: str = "192.0.2.10", **extra):
    return client.post(LOGIN, {"login": "camille@example.invalid", "password": password, **extra}, REMOTE_ADDR=ip)


def test_the_sign_in_page_offers_to_create_an_account_and_to_reset_the_password(client) -> None:
    html = client.get(LOGIN).content.decode()
    assert "<h1>Se connecter</h1>" in html
    assert 'href="/inscription/"' in html
    assert 'href="/mot-de-passe-oublie/"' in html
    assert "Mot de passe oublié ?" in html


def test_signing_in_by_e_mail_goes_to_my_space(client, account) -> None:
    response = _login(client)
    assert response.status_code == 302
    assert response["Location"] == "/mon-espace/"
    assert "_auth_user_id" in client.session


def test_the_e_mail_is_not_case_sensitive(client, account) -> None:
    response = client.post(LOGIN, {"login": "Camille@Example.invalid", "password": PASSWORD})
    assert response.status_code == 302


def test_signing_in_goes_back_to_the_page_of_next(client, account) -> None:
    response = _login(client, next="/recherche/?q=a")
    assert response["Location"] == "/recherche/?q=a"


def test_sign_in_never_redirects_to_another_site(client, account) -> None:
    for unsafe in ("https://example.com/", "//example.com/", "javascript:alert(1)"):
        client.logout()
        response = _login(client, next=unsafe)
        assert response.status_code == 302
        assert response["Location"] == "/mon-espace/"


def test_a_wrong_password_is_a_french_error_that_does_not_say_which_field(client, account) -> None:
    response = _login(client, password="mauvais-mot-de-passe")
    assert response.status_code == 200
    html = response.content.decode()
    assert "L’adresse e-mail ou le mot de passe sont incorrects." in html
    assert "_auth_user_id" not in client.session


def test_five_wrong_passwords_lock_the_account_out_with_django_axes_french_page(client, account) -> None:
    started = time.monotonic()
    for _ in range(4):
        assert _login(client, password="mauvais-mot-de-passe").status_code == 200
    assert _login(client, password="mauvais-mot-de-passe").status_code == 429
    response = _login(client)
    assert response.status_code == 429
    assert "Connexion temporairement bloquée" in response.content.decode()
    # The 15-minute lockout counts from the failures: what is left of it when the page answers.
    elapsed = time.monotonic() - started
    assert 15 * 60 - elapsed - 1 <= int(response["Retry-After"]) <= 15 * 60
    assert "_auth_user_id" not in client.session


def test_the_lockout_counts_the_e_mail_whatever_its_case(client, account) -> None:
    for n in range(5):
        client.post(LOGIN, {"login": f"{'CAMILLE' if n % 2 else 'camille'}@example.invalid", "password": "faux"})
    assert _login(client, ip="127.0.0.1").status_code == 429


def test_the_lockout_holds_only_for_the_attacker_s_address(client, account) -> None:
    for _ in range(5):
        _login(client, password="mauvais-mot-de-passe")
    assert _login(client, ip="198.51.100.7").status_code == 302


def test_the_back_office_still_signs_in_by_username(client) -> None:
    AccountFactory(username="editrice", is_staff=True, is_superuser=True)
    response = client.post("/admin/login/", {"username": "editrice", "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_signing_out_takes_a_post_and_returns_home(client, account) -> None:
    client.force_login(account)
    assert "Voulez-vous vraiment vous déconnecter" in client.get("/deconnexion/").content.decode()
    assert "_auth_user_id" in client.session
    response = client.post("/deconnexion/")
    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session


def test_the_header_shows_sign_in_to_visitors_and_the_user_menu_to_members(client, account) -> None:
    html = client.get("/").content.decode()
    assert 'href="/connexion/"' in html and ">Se connecter<" in html
    assert "Mon espace" not in html
    client.force_login(account)
    html = client.get("/").content.decode()
    assert 'href="/mon-espace/"' in html
    assert 'action="/deconnexion/"' in html and "Se déconnecter" in html
    assert ">Se connecter<" not in html
