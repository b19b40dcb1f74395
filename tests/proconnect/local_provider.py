"""A real OpenID Connect provider on a local port, answering as ProConnect does, for the tests.

It is the ``oidc-provider-mock`` package (pinned in requirements-dev.txt): a Flask + Authlib OpenID provider with
discovery, signed ID tokens (RS256, JWKS), the authorisation code flow, a sign-in page where a person picks who they
are, and RP-initiated logout. It runs in a thread of the test process, on a free port of 127.0.0.1; django-allauth
talks to it over HTTP exactly as it talks to ProConnect. Three ProConnect habits are added to it:

- ProConnect's scopes are claim names (``given_name``, ``usual_name``…): the provider accepts them;
- it requires a ``nonce``;
- its user info is a JWT signed with the provider's key (``application/jwt``), with ``iss`` and ``aud``.
"""

from __future__ import annotations

import json
import threading
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import jwt
import pytest
from werkzeug.serving import make_server

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)  # Authlib's own deprecations, on import
    import flask
    import oidc_provider_mock
    from oidc_provider_mock import _app as provider_app
    from oidc_provider_mock._storage import Client, storage

PROCONNECT_SCOPES = ("given_name", "usual_name", "uid", "siret", "idp_id")


@dataclass(frozen=True)
class LocalProvider:
    issuer: str
    client_id: str

    def authorize(self, session, authorize_url: str, sub: str):
        """A person signs in at the provider as ``sub``: the provider's answer (a redirection to the callback)."""
        return session.post(authorize_url, data={"sub": sub}, allow_redirects=False)

    def set_user(self, session, sub: str, claims: dict[str, object]) -> None:
        session.put(f"{self.issuer}/users/{sub}", json=claims).raise_for_status()


def _sign_userinfo(client_id: str, rogue_key: dict[str, str] | None):
    def sign(response: flask.Response) -> flask.Response:
        if flask.request.path != "/userinfo" or response.status_code != 200:
            return response
        key = rogue_key or storage.jwk.as_dict(is_private=True)
        claims = {**response.get_json(), "iss": flask.request.host_url.rstrip("/"), "aud": client_id}
        private_key = jwt.algorithms.RSAAlgorithm.from_jwk(json.dumps(key))
        headers = {"kid": key["kid"]} if "kid" in key else None  # as the provider's ID tokens
        token = jwt.encode(claims, private_key, algorithm="RS256", headers=headers)
        return flask.Response(token, content_type="application/jwt")

    return sign


@contextmanager
def local_proconnect(
    monkeypatch: pytest.MonkeyPatch,
    *,
    client_id: str,
    users: Sequence[oidc_provider_mock.User] = (),
    rogue_key: dict[str, str] | None = None,
) -> Iterator[LocalProvider]:
    """The provider, started; ``rogue_key`` (a private JWK) signs the user info with a key it does not publish."""
    monkeypatch.setattr(Client, "SCOPES_SUPPORTED", (*Client.SCOPES_SUPPORTED, *PROCONNECT_SCOPES))
    for scope in PROCONNECT_SCOPES:
        monkeypatch.setitem(provider_app._SCOPES_TO_CLAIMS, scope, [scope])
    app = oidc_provider_mock.app(require_nonce=True, user_claims=users)
    app.after_request(_sign_userinfo(client_id, rogue_key))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield LocalProvider(issuer=f"http://127.0.0.1:{server.server_port}", client_id=client_id)
    finally:
        server.shutdown()
        thread.join(5)
        server.server_close()
