"""ProConnect's end of session (RP-initiated logout): signing out of the platform after a ProConnect sign-in also
ends the ProConnect session, through a redirection of the browser to ProConnect's ``end_session_endpoint``."""

from __future__ import annotations

import logging
import secrets

import requests
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from django.core import signing
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode

from proconnect import conf

logger = logging.getLogger(__name__)

# The ``state`` of the end of session is signed, not stored: the session it belonged to is gone when ProConnect
# sends the browser back, and a signed value is checked by whichever app server answers.
STATE_SALT = "proconnect.logout"
STATE_MAX_AGE = 60 * 60


def end_session_url(request: HttpRequest) -> str | None:
    """Where to send the browser on sign-out after a ProConnect sign-in, or None (then the platform's own page)."""
    id_token = request.session.get(conf.ID_TOKEN_SESSION_KEY)
    if not id_token or not conf.is_enabled():
        return None
    from proconnect.client import ProConnectOAuth2Adapter

    try:
        endpoint = ProConnectOAuth2Adapter(request).openid_config.get("end_session_endpoint")
    except (requests.RequestException, ValueError, OAuth2Error):
        # ProConnect unreachable: the platform's session still ends; ProConnect's expires by itself.
        logger.warning("ProConnect discovery failed on sign-out", exc_info=True)
        return None
    if not endpoint:
        return None
    query = {
        "id_token_hint": id_token,
        "state": signing.dumps(secrets.token_urlsafe(32), salt=STATE_SALT),
        "post_logout_redirect_uri": request.build_absolute_uri(reverse("proconnect_logout_callback")),
    }
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{urlencode(query)}"


def is_valid_state(state: str) -> bool:
    try:
        signing.loads(state, salt=STATE_SALT, max_age=STATE_MAX_AGE)
    except signing.BadSignature:
        return False
    return True
