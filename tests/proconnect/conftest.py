from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
import requests
from oidc_provider_mock import User

from tests.proconnect.local_provider import LocalProvider, local_proconnect

CLIENT_ID = "alliances-territoires-tests"
AGENT = User(
    sub="agent-0001",
    claims={
        "email": "claude.agent@interieur.gouv.fr",
        "given_name": "Claude",
        "usual_name": "Martin",
        "uid": "cmartin",
        "siret": "11000201100044",
        "idp_id": "fia1v2",
    },
)


@pytest.fixture
def provider(monkeypatch) -> Iterator[LocalProvider]:
    with local_proconnect(monkeypatch, client_id=CLIENT_ID, users=[AGENT]) as local:
        yield local


@pytest.fixture
def proconnect(settings, provider: LocalProvider) -> LocalProvider:
    """ProConnect on, pointing at the local provider."""
    settings.PROCONNECT_ISSUER_URL = provider.issuer
    settings.PROCONNECT_CLIENT_ID = CLIENT_ID
    settings.PROCONNECT_CLIENT_SECRET = "un-secret-de-test"
    return provider


@pytest.fixture
def sign_in(client, proconnect: LocalProvider):
    """Click « S'identifier avec ProConnect », sign in at the provider as ``sub``, come back: the last response."""

    def run(sub: str = AGENT.sub, *, next_url: str | None = None):
        response = client.post("/proconnect/connexion/", {"next": next_url} if next_url else {})
        assert response.status_code == 302, response.content.decode()[:500]
        with requests.Session() as browser_at_provider:
            answer = proconnect.authorize(browser_at_provider, response["Location"], sub)
        assert answer.status_code == 302, answer.text[:500]
        back = urlsplit(answer.headers["Location"])
        return client.get(f"{back.path}?{back.query}")

    return run
