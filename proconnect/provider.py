"""ProConnect as a django-allauth provider: the OpenID Connect provider with ProConnect's claims and rules.

django-allauth finds ``provider_classes`` in the ``provider`` module of each installed app.
"""

from __future__ import annotations

import secrets
from typing import Any

from allauth.socialaccount.providers.base import AuthProcess
from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.http import urlencode

from proconnect.client import ProConnectOAuth2Adapter
from proconnect.conf import PROVIDER_ID


def _claims(data: dict[str, Any]) -> dict[str, Any]:
    """The user info (ProConnect's claims), else the ID token."""
    return data.get("userinfo") or data.get("id_token") or {}


class ProConnectProvider(OpenIDConnectProvider):
    id = PROVIDER_ID
    name = "ProConnect"
    oauth2_adapter_class = ProConnectOAuth2Adapter

    def get_login_url(self, request: HttpRequest, **kwargs: Any) -> str:
        url = reverse("proconnect_login")
        return f"{url}?{urlencode(kwargs)}" if kwargs else url

    def get_callback_url(self) -> str:
        return reverse("proconnect_callback")

    def get_oauth2_adapter(self, request: HttpRequest) -> ProConnectOAuth2Adapter:
        return ProConnectOAuth2Adapter(request)

    # ProConnect refuses any parameter it does not know, and the sign-in is only ever a sign-in: nothing that the
    # request carries (``auth_params``, ``scope``, ``process``) reaches the authorisation request.
    def get_auth_params_from_request(self, request: HttpRequest, action: str) -> dict[str, str]:
        return self.get_auth_params()

    def get_scope_from_request(self, request: HttpRequest) -> list[str]:
        return self.get_scope()

    def get_redirect_from_request_kwargs(self, request: HttpRequest) -> dict[str, Any]:
        kwargs = super().get_redirect_from_request_kwargs(request)
        kwargs["process"] = AuthProcess.LOGIN
        return kwargs

    def redirect(
        self, request: HttpRequest, process: str, next_url: str | None = None, data: Any = None, **kwargs: Any
    ) -> HttpResponse:
        """The authorisation request, with a fresh nonce kept in the sign-in's state (checked on return)."""
        nonce = secrets.token_urlsafe(32)
        auth_params = kwargs.pop("auth_params", None) or self.get_auth_params()
        auth_params["nonce"] = nonce
        return super().redirect(request, process, next_url, data, auth_params=auth_params, nonce=nonce, **kwargs)

    def extract_common_fields(self, data: dict[str, Any]) -> dict[str, Any]:
        claims = _claims(data)
        return {
            "email": claims.get("email"),
            "first_name": claims.get("given_name"),
            "last_name": claims.get("usual_name") or claims.get("family_name"),
        }


provider_classes = [ProConnectProvider]
