"""Mon espace, change of e-mail and password, deletion of the account."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from alerts.models import SavedSearch
from tests.accounts.conftest import link_in
from tests.accounts.factories import PASSWORD, AccountFactory

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def signed_in(client, account):
    client.force_login(account)
    return client


def test_my_space_requires_signing_in(client, db) -> None:
    response = client.get("/mon-espace/")
    assert response.status_code == 302
    assert response["Location"] == "/connexion/?next=/mon-espace/"


def test_my_space_shows_my_address_and_my_saved_searches_only(signed_in, account, vocabularies) -> None:
    SavedSearch.objects.create(user=account, query="q=recyclerie", frequency="daily")
    SavedSearch.objects.create(user=AccountFactory(username="autre"), query="q=secret", frequency="daily")
    html = signed_in.get("/mon-espace/").content.decode()
    assert "<h1>Mon espace</h1>" in html
    assert "camille@example.invalid" in html
    assert "Texte : « recyclerie »" in html
    assert "secret" not in html
    for href in ("/mon-espace/adresse-e-mail/", "/mon-espace/mot-de-passe/", "/mon-espace/supprimer-mon-compte/"):
        assert f'href="{href}"' in html


def test_changing_my_address_takes_effect_once_the_new_one_is_confirmed(signed_in, send, account) -> None:
    response = send(
        signed_in.post, "/mon-espace/adresse-e-mail/", {"action_add": "", "email": "c.nouvelle@example.invalid"}
    )
    assert response.status_code == 302
    account.refresh_from_db()
    assert account.email == "camille@example.invalid"
    message = mail.outbox[-1]
    assert message.to == ["c.nouvelle@example.invalid"]
    assert "Confirmez votre adresse e-mail" in message.subject
    send(signed_in.post, link_in(message, "/confirmer-mon-adresse/"))
    account.refresh_from_db()
    assert account.email == "c.nouvelle@example.invalid"
    assert list(EmailAddress.objects.filter(user=account).values_list("email", flat=True)) == [
        "c.nouvelle@example.invalid"
    ]


def test_changing_my_password_needs_the_current_one(signed_in, send, account) -> None:
    new = "une-nouvelle-phrase-de-passe-7"
    response = signed_in.post("/mon-espace/mot-de-passe/", {"oldpassword": "faux", "password1": new, "password2": new})
    assert response.status_code == 200
    assert "Mot de passe actuel" in response.content.decode()
    account.refresh_from_db()
    assert account.check_password(PASSWORD)
    send(signed_in.post, "/mon-espace/mot-de-passe/", {"oldpassword": PASSWORD, "password1": new, "password2": new})
    account.refresh_from_db()
    assert account.check_password(new)


def test_the_deletion_page_says_what_is_deleted_and_what_is_kept(signed_in) -> None:
    html = signed_in.get("/mon-espace/supprimer-mon-compte/").content.decode()
    assert "<h1>Supprimer mon compte</h1>" in html
    assert "recherches enregistrées" in html and "alertes" in html
    assert "organisations" in html
    assert "sans votre nom" in html


def test_deleting_my_account_erases_it_and_my_saved_searches(signed_in, account, vocabularies) -> None:
    SavedSearch.objects.create(user=account, query="q=recyclerie", frequency="daily")
    other = AccountFactory(username="autre")
    SavedSearch.objects.create(user=other, query="q=autre", frequency="daily")
    response = signed_in.post("/mon-espace/supprimer-mon-compte/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=account.pk).exists()
    assert not EmailAddress.objects.filter(email="camille@example.invalid").exists()
    assert list(SavedSearch.objects.values_list("user", flat=True)) == [other.pk]
    assert "_auth_user_id" not in signed_in.session


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"password": "faux", "confirm": "on"}, "Mot de passe incorrect"),
        ({"password": PASSWORD}, "Cochez la case pour confirmer"),
        ({}, "Saisissez votre mot de passe"),
    ],
)
def test_deleting_without_confirmation_is_refused_in_french(signed_in, account, data, error) -> None:
    response = signed_in.post("/mon-espace/supprimer-mon-compte/", data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert User.objects.filter(pk=account.pk).exists()


def test_deleting_requires_signing_in(client, account) -> None:
    response = client.post("/mon-espace/supprimer-mon-compte/", {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert User.objects.filter(pk=account.pk).exists()
