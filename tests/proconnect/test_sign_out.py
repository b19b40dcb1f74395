"""Signing out after a ProConnect sign-in ends the ProConnect session too (RP-initiated logout)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import requests

pytestmark = pytest.mark.django_db


def test_signing_out_sends_to_the_provider_s_end_of_session_with_the_id_token(client, sign_in, proconnect) -> None:
    sign_in()
    id_token = client.session["proconnect_id_token"]
    response = client.post("/deconnexion/")
    assert "_auth_user_id" not in client.session
    url = urlsplit(response["Location"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{proconnect.issuer}/oauth2/end_session"
    query = parse_qs(url.query)
    assert query["id_token_hint"] == [id_token]
    assert query["post_logout_redirect_uri"] == ["http://testserver/proconnect/deconnexion/"]
    assert len(query["state"][0]) >= 32


def test_the_provider_sends_back_to_the_platform_which_checks_the_state(client, sign_in, proconnect) -> None:
    sign_in()
    end_session = client.post("/deconnexion/")["Location"]
    with requests.Session() as browser_at_provider:
        page = browser_at_provider.get(end_session)
        assert page.status_code == 200
        redirect_uri = parse_qs(urlsplit(end_session).query)["post_logout_redirect_uri"][0]
        state = parse_qs(urlsplit(end_session).query)["state"][0]
        back = browser_at_provider.post(
            f"{proconnect.issuer}/oauth2/end_session/confirm",
            data={"redirect_uri": f"{redirect_uri}?state={state}"},
            allow_redirects=False,
        )
    back_url = urlsplit(back.headers["Location"])
    response = client.get(f"{back_url.path}?{back_url.query}")
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_a_forged_return_from_the_end_of_session_is_refused_in_french(client, proconnect) -> None:
    response = client.get("/proconnect/deconnexion/?state=" + "y" * 40)
    assert response.status_code == 400
    assert "Lien de retour invalide" in response.content.decode()


def test_signing_out_of_a_password_account_stays_on_the_platform(client, proconnect) -> None:
    from tests.accounts.factories import AccountFactory

    client.force_login(AccountFactory(email="camille@example.invalid"))
    response = client.post("/deconnexion/")
    assert response["Location"] == "/"


def test_an_unreachable_provider_does_not_prevent_signing_out(client, sign_in, settings) -> None:
    sign_in()
    settings.PROCONNECT_ISSUER_URL = "http://127.0.0.1:9"  # nothing listens there
    response = client.post("/deconnexion/")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "_auth_user_id" not in client.session
