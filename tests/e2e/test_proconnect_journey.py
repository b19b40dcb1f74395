"""An agent clicks « S'identifier avec ProConnect », signs in at a real OpenID Connect provider running on a local
port (answering as ProConnect), comes back signed in with an account created, then signs out of both."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model

from tests.e2e.accessibility import assert_accessible
from tests.proconnect.conftest import AGENT, CLIENT_ID, provider  # noqa: F401 (the local provider fixture)

pytestmark = pytest.mark.e2e


@pytest.fixture
def proconnect_on(settings, provider):  # noqa: F811
    settings.PROCONNECT_ISSUER_URL = provider.issuer
    settings.PROCONNECT_CLIENT_ID = CLIENT_ID
    settings.PROCONNECT_CLIENT_SECRET = "un-secret-de-test"
    # what config/settings.py adds to the CSP when PROCONNECT_ISSUER_URL is set at start-up
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    settings.CONTENT_SECURITY_POLICY = {
        **settings.CONTENT_SECURITY_POLICY,
        "DIRECTIVES": {**directives, "form-action": [*directives["form-action"], provider.issuer]},
    }
    return provider


def test_an_agent_signs_in_with_proconnect_and_signs_out_of_both(page, proconnect_on) -> None:
    provider_origin = proconnect_on.issuer
    # The provider's own pages link a stylesheet on a CDN: no network here, and nothing of ours.
    page.route(re.compile(r"^https://"), lambda route: route.abort())

    page.goto("/connexion/")
    assert_accessible(page)
    page.get_by_role("button", name="S’identifier avec ProConnect").click()

    page.wait_for_url(f"{provider_origin}/oauth2/authorize**")
    page.get_by_role("button", name=AGENT.sub).click()

    page.wait_for_url("**/mon-espace/")
    page.console_errors.clear()  # the provider's page and its blocked stylesheet are not ours to check
    main = page.locator("main").inner_text()
    assert AGENT.claims["email"] in main
    assert_accessible(page)
    user = get_user_model().objects.get(email=AGENT.claims["email"])
    assert (user.first_name, user.last_name) == ("Claude", "Martin")

    page.get_by_role("button", name="Se déconnecter").first.click()
    page.wait_for_url(f"{provider_origin}/oauth2/end_session**")
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(re.compile(r"^http://localhost:\d+/$"))
    assert urlsplit(page.url).path == "/"
    assert page.get_by_role("link", name="Se connecter").first.is_visible()
