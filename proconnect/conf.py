"""Whether ProConnect is on, and the django-allauth app that the settings describe (never one from the database)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    from allauth.socialaccount.models import SocialApp

PROVIDER_ID = "proconnect"
# The ID token of the ProConnect sign-in, kept in the session for ProConnect's end of session (id_token_hint).
ID_TOKEN_SESSION_KEY = "proconnect_id_token"  # noqa: S105 (a session key name, not a secret)


def is_enabled() -> bool:
    return bool(settings.PROCONNECT_ISSUER_URL and settings.PROCONNECT_CLIENT_ID and settings.PROCONNECT_CLIENT_SECRET)


def social_app() -> SocialApp | None:
    """The ProConnect client of the settings (unsaved), or None when ProConnect is off."""
    if not is_enabled():
        return None
    from allauth.socialaccount.models import SocialApp

    return SocialApp(
        provider=PROVIDER_ID,
        provider_id=PROVIDER_ID,
        name="ProConnect",
        client_id=settings.PROCONNECT_CLIENT_ID,
        secret=settings.PROCONNECT_CLIENT_SECRET,
        settings={
            "server_url": settings.PROCONNECT_ISSUER_URL,
            "scope": list(settings.PROCONNECT_SCOPES),
            # ProConnect's identity providers give professional addresses that they checked (docs/adr/0023).
            "verified_email": True,
            # An existing account is reached by e-mail only when its own address is verified (adapter).
            "email_authentication": True,
        },
    )
