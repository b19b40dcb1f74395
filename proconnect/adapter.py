"""django-allauth adapters for ProConnect (docs/adr/0023-proconnect.md).

- ``SocialAccountAdapter``: the ProConnect app comes from the settings only (none from the database, none when off);
  an account is created on the first sign-in, or an existing one is reached by e-mail only when its address is
  verified; an account whose address was never confirmed is never opened by ProConnect.
- ``AccountAdapter``: the platform's account adapter, plus ProConnect's end of session on sign-out.
"""

from __future__ import annotations

import logging
import secrets
from typing import Any

from allauth.account.models import EmailAddress
from allauth.account.utils import filter_users_by_email
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialLogin
from allauth.socialaccount.providers.base import AuthError
from django.http import HttpRequest

from accounts.adapter import AccountAdapter as PlatformAccountAdapter
from proconnect import conf, logout
from proconnect.pages import (
    TITLE_CANCELLED,
    TITLE_ERROR,
    TITLE_NO_EMAIL,
    TITLE_UNVERIFIED,
    render_page,
)

logger = logging.getLogger(__name__)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def list_apps(self, request: HttpRequest | None, provider: str | None = None, client_id: str | None = None):
        app = conf.social_app()
        if app is None or provider not in (None, app.provider) or client_id not in (None, app.client_id):
            return []
        return [app]

    def generate_state_param(self, state: dict[str, Any]) -> str:
        return secrets.token_urlsafe(32)  # ProConnect asks for 32 characters at least

    def can_authenticate_by_email(self, login: SocialLogin, email: str) -> bool:
        return EmailAddress.objects.filter(email__iexact=email, verified=True).exists()

    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        """Known ProConnect accounts and verified addresses sign in; the rest is refused before any write."""
        if sociallogin.is_existing:
            return
        email = sociallogin.email_addresses[0].email if sociallogin.email_addresses else ""
        if not email:
            raise ImmediateHttpResponse(render_page(request, "proconnect/no_email.html", TITLE_NO_EMAIL, status=400))
        if filter_users_by_email(email):
            # An account holds this address, never confirmed: whoever created it may know its password.
            raise ImmediateHttpResponse(
                render_page(
                    request, "proconnect/unverified_account.html", TITLE_UNVERIFIED, {"email": email}, status=409
                )
            )

    def on_authentication_error(
        self,
        request: HttpRequest,
        provider: Any,
        error: str | None = None,
        exception: Exception | None = None,
        extra_context: dict[str, Any] | None = None,
    ) -> None:
        cancelled = error == AuthError.CANCELLED
        if not cancelled:
            logger.warning(
                "ProConnect sign-in failed",
                extra={"error": error, "exception": type(exception).__name__ if exception else None},
            )
        raise ImmediateHttpResponse(
            render_page(
                request,
                "proconnect/error.html",
                TITLE_CANCELLED if cancelled else TITLE_ERROR,
                {"cancelled": cancelled},
                status=200 if cancelled else 401,
            )
        )


class AccountAdapter(PlatformAccountAdapter):
    def get_logout_redirect_url(self, request: HttpRequest) -> str:
        return logout.end_session_url(request) or super().get_logout_redirect_url(request)
