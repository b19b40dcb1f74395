"""« S'identifier avec ProConnect » end to end, against a real OpenID Connect provider on a local port."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
import requests
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth import get_user_model

from proconnect.conf import ID_TOKEN_SESSION_KEY
from tests.accounts.factories import AccountFactory
from tests.proconnect.conftest import AGENT, CLIENT_ID
from tests.proconnect.local_provider import local_proconnect

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_the_button_sends_to_the_provider_with_state_nonce_and_proconnect_scopes(client, proconnect) -> None:
    response = client.post("/proconnect/connexion/")
    assert response.status_code == 302
    url = urlsplit(response["Location"])
    assert f"{url.scheme}://{url.netloc}" == proconnect.issuer
    query = parse_qs(url.query)
    assert query["client_id"] == [proconnect.client_id]
    assert set(query["scope"][0].split()) == {"openid", "email", "given_name", "usual_name"}
    assert query["redirect_uri"] == ["http://testserver/proconnect/retour/"]
    assert len(query["state"][0]) >= 32
    assert len(query["nonce"][0]) >= 32
    assert not {"code_challenge", "auth_params"} & set(query)


def test_a_first_sign_in_creates_the_account_with_a_verified_address_and_signs_in(client, sign_in) -> None:
    response = sign_in()
    assert response.status_code == 302
    assert response["Location"] == "/mon-espace/"
    user = User.objects.get(email=AGENT.claims["email"])
    assert (user.first_name, user.last_name) == ("Claude", "Martin")
    assert not user.has_usable_password()
    assert EmailAddress.objects.get(user=user).verified
    assert SocialAccount.objects.get(user=user).uid == AGENT.sub
    assert client.session["_auth_user_id"] == str(user.pk)


def test_the_provider_s_id_token_is_kept_in_the_session_for_the_end_of_session(client, sign_in) -> None:
    sign_in()
    assert client.session[ID_TOKEN_SESSION_KEY].count(".") == 2


def test_signing_in_again_reuses_the_same_account(client, sign_in) -> None:
    sign_in()
    client.logout()
    response = sign_in()
    assert response["Location"] == "/mon-espace/"
    assert User.objects.count() == 1
    assert SocialAccount.objects.count() == 1


def test_the_sign_in_goes_back_to_the_page_of_next(client, sign_in) -> None:
    response = sign_in(next_url="/recherche/?q=eau")
    assert response["Location"] == "/recherche/?q=eau"


def test_next_never_leads_to_another_site(client, sign_in) -> None:
    response = sign_in(next_url="https://example.com/")
    assert response["Location"] == "/mon-espace/"


def test_an_account_whose_address_is_verified_is_linked_and_opened(client, sign_in) -> None:
    account = AccountFactory(email=AGENT.claims["email"])
    response = sign_in()
    assert response["Location"] == "/mon-espace/"
    assert client.session["_auth_user_id"] == str(account.pk)
    assert SocialAccount.objects.get(uid=AGENT.sub).user == account
    account.refresh_from_db()
    assert account.has_usable_password()  # the person keeps both ways in
    assert User.objects.count() == 1


def test_an_account_whose_address_was_never_confirmed_is_not_opened_nor_changed(client, sign_in) -> None:
    account = User.objects.create_user(username="inconnu", email=AGENT.claims["email"], password="mot-de-passe-x-42!")
    EmailAddress.objects.create(user=account, email=AGENT.claims["email"], verified=False, primary=True)
    response = sign_in()
    assert response.status_code == 409
    html = response.content.decode()
    assert "Confirmez d&#x27;abord votre compte" in html or "Confirmez d'abord votre compte" in html
    assert "_auth_user_id" not in client.session
    assert not SocialAccount.objects.exists()
    account.refresh_from_db()
    assert account.check_password("mot-de-passe-x-42!")
    assert User.objects.count() == 1
    assert not EmailAddress.objects.get(user=account).verified


def test_a_provider_that_sends_no_e_mail_creates_nothing(client, sign_in, proconnect) -> None:
    with requests.Session() as session:
        proconnect.set_user(session, "sans-adresse", {"given_name": "Alex", "usual_name": "Sans"})
    response = sign_in("sans-adresse")
    assert response.status_code == 400
    assert "Adresse e-mail manquante" in response.content.decode()
    assert not User.objects.exists()


def test_a_replayed_or_forged_callback_is_a_french_error_that_signs_nobody_in(client, proconnect) -> None:
    response = client.get("/proconnect/retour/?code=abc&state=" + "x" * 43)
    assert response.status_code == 401
    assert "La connexion avec ProConnect n&#x27;a pas abouti" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_coming_back_from_the_provider_without_signing_in_says_so(client, proconnect) -> None:
    start = client.post("/proconnect/connexion/")
    state = parse_qs(urlsplit(start["Location"]).query)["state"][0]
    response = client.get(f"/proconnect/retour/?error=access_denied&state={state}")
    assert response.status_code == 200
    assert "Connexion avec ProConnect annulée" in response.content.decode()
    assert not User.objects.exists()


def test_a_get_on_the_button_address_goes_back_to_the_sign_in_page(client, proconnect) -> None:
    response = client.get("/proconnect/connexion/")
    assert response.status_code == 302
    assert response["Location"] == "/connexion/"


def test_a_tampered_nonce_fails_the_sign_in_and_creates_nothing(client, proconnect) -> None:
    start = client.post("/proconnect/connexion/")
    session = client.session
    for state, *_ in session["socialaccount_states"].values():
        state["nonce"] = "un-autre-nonce-" + "z" * 32
    session.save()
    with requests.Session() as browser_at_provider:
        answer = proconnect.authorize(browser_at_provider, start["Location"], AGENT.sub)
    back = urlsplit(answer.headers["Location"])
    response = client.get(f"{back.path}?{back.query}")
    assert response.status_code == 401
    assert not User.objects.exists()
    assert "_auth_user_id" not in client.session


def test_user_info_signed_with_a_key_the_provider_does_not_publish_is_refused(client, settings, monkeypatch) -> None:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    rogue_key = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private))
    with local_proconnect(monkeypatch, client_id=CLIENT_ID, users=[AGENT], rogue_key=rogue_key) as provider:
        settings.PROCONNECT_ISSUER_URL = provider.issuer
        settings.PROCONNECT_CLIENT_ID = CLIENT_ID
        settings.PROCONNECT_CLIENT_SECRET = "un-secret-de-test"
        start = client.post("/proconnect/connexion/")
        with requests.Session() as browser_at_provider:
            answer = provider.authorize(browser_at_provider, start["Location"], AGENT.sub)
        back = urlsplit(answer.headers["Location"])
        response = client.get(f"{back.path}?{back.query}")
    assert response.status_code == 401
    assert not User.objects.exists()
