"""The OpenID Connect client side of ProConnect: django-allauth's OpenID Connect adapter, with what ProConnect
asks of its service providers (docs/adr/0023-proconnect.md):

- a ``nonce`` in every authorisation request, checked in the ID token;
- the ID token's signature always checked against the provider's keys (JWKS);
- the user info answered as a signed JWT (``application/jwt``), checked like the ID token;
- the same ``sub`` in the ID token and the user info.
"""

from __future__ import annotations

import hmac
from typing import Any

import jwt
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.models import SocialApp, SocialToken
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from allauth.utils import build_absolute_uri
from django.http import HttpRequest
from django.urls import reverse

from proconnect.conf import PROVIDER_ID

# The algorithms of ProConnect's signed tokens with a public key (JWKS); HS256 (signed with the secret) is not taken.
SIGNING_ALGORITHMS = ("RS256", "ES256")


class ProConnectOAuth2Adapter(OpenIDConnectOAuth2Adapter):
    def __init__(self, request: HttpRequest, provider_id: str = PROVIDER_ID) -> None:
        super().__init__(request, provider_id)
        self.expected_nonce: str | None = None  # from the state of the authorisation request (callback view)
        self.id_token = ""  # the raw ID token of a completed login, for the end of session
        self.subject = ""

    @property
    def openid_config(self) -> dict[str, Any]:
        config = super().openid_config
        expected = self.get_provider().app.settings["server_url"].rstrip("/")
        if str(config.get("issuer", "")).rstrip("/") != expected:
            raise OAuth2Error("The discovery document names another issuer.")
        return config

    def get_callback_url(self, request: HttpRequest, app: SocialApp) -> str:
        return build_absolute_uri(request, reverse("proconnect_callback"), self.redirect_uri_protocol)

    def complete_login(self, request: HttpRequest, app: SocialApp, token: SocialToken, **kwargs: Any):
        raw_id_token = kwargs["response"].get("id_token")
        if not raw_id_token:
            raise OAuth2Error("No ID token in the token response.")
        claims = self._verify_jwt(raw_id_token, app, required=("sub", "exp", "iat"))
        nonce = str(claims.get("nonce", ""))
        if not self.expected_nonce or not hmac.compare_digest(nonce, self.expected_nonce):
            raise OAuth2Error("The ID token's nonce is not the one of this sign-in.")
        userinfo = self._fetch_user_info(token.token)
        if str(userinfo.get("sub", "")) != str(claims.get("sub", "")):
            raise OAuth2Error("The user info is not about the subject of the ID token.")
        self.id_token = raw_id_token
        self.subject = str(claims["sub"])
        return self.get_provider().sociallogin_from_response(request, {"userinfo": userinfo, "id_token": claims})

    def _fetch_user_info(self, access_token: str) -> dict[str, Any]:
        with get_adapter().get_requests_session() as session:
            response = session.get(self.profile_url, headers={"Authorization": f"Bearer {access_token}"})
            response.raise_for_status()
        if response.headers.get("Content-Type", "").split(";")[0].strip() == "application/jwt":
            return self._verify_jwt(response.text.strip(), self.get_provider().app)
        return response.json()

    def _verify_jwt(self, credential: str, app: SocialApp, *, required: tuple[str, ...] = ()) -> dict[str, Any]:
        """The claims of a JWT signed by one of the provider's keys (by ``kid``, or its only key), for this client."""
        try:
            header = jwt.get_unverified_header(credential)
            algorithm = header.get("alg")
            if algorithm not in SIGNING_ALGORITHMS:
                raise OAuth2Error(f"Unexpected signing algorithm {algorithm!r}.")
            with get_adapter().get_requests_session() as session:
                response = session.get(self.openid_config["jwks_uri"])
                response.raise_for_status()
            keys = [
                key
                for key in jwt.PyJWKSet.from_dict(response.json()).keys
                if header.get("kid") in (None, key.key_id) and key.public_key_use in (None, "sig")
            ]
            if len(keys) != 1:
                raise OAuth2Error("No single key of the provider matches the token.")
            return jwt.decode(
                credential,
                key=keys[0].key,
                algorithms=[algorithm],
                audience=app.client_id,
                issuer=self.openid_config["issuer"],
                options={"require": ["iss", "aud", *required]},
            )
        except (jwt.PyJWTError, ValueError) as error:
            raise OAuth2Error("Invalid signed token.") from error
