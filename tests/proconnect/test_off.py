"""ProConnect unset: no button, no address that does anything; half a configuration fails loudly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_all_or_none

BASE_DIR = Path(__file__).resolve().parents[2]
NAMES = ("PROCONNECT_ISSUER_URL", "PROCONNECT_CLIENT_ID", "PROCONNECT_CLIENT_SECRET")


@pytest.mark.django_db
def test_without_settings_the_sign_in_page_has_no_proconnect_button(client) -> None:
    html = client.get("/connexion/").content.decode()
    assert "ProConnect" not in html
    assert "<h1>Se connecter</h1>" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/proconnect/connexion/", "/proconnect/retour/?code=a&state=b", "/proconnect/deconnexion/"]
)
def test_without_settings_every_proconnect_address_is_not_found(client, path) -> None:
    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404


@pytest.mark.django_db
def test_with_settings_the_sign_in_page_shows_the_official_button(client, settings) -> None:
    settings.PROCONNECT_ISSUER_URL = "https://proconnect.example.gouv.fr/api/v2"
    settings.PROCONNECT_CLIENT_ID = "client"
    settings.PROCONNECT_CLIENT_SECRET = "secret"
    html = client.get("/connexion/?next=/recherche/").content.decode()
    assert '<form method="post" action="/proconnect/connexion/">' in html
    assert '<span class="fr-connect__login">S’identifier avec</span>' in html
    assert '<span class="fr-connect__brand">ProConnect</span>' in html
    assert 'href="https://www.proconnect.gouv.fr/"' in html
    assert "Qu’est-ce que ProConnect ? - nouvelle fenêtre" in html
    assert '<input type="hidden" name="next" value="/recherche/">' in html


def test_no_proconnect_variable_means_off(monkeypatch) -> None:
    for name in NAMES:
        monkeypatch.delenv(name, raising=False)
    assert env_all_or_none(*NAMES) is None


def test_part_of_the_proconnect_variables_fails_loudly_without_showing_the_secret(monkeypatch) -> None:
    monkeypatch.delenv("PROCONNECT_ISSUER_URL", raising=False)
    monkeypatch.setenv("PROCONNECT_CLIENT_ID", "client")
    monkeypatch.setenv("PROCONNECT_CLIENT_SECRET", "tres-secret")
    with pytest.raises(ImproperlyConfigured, match="without PROCONNECT_ISSUER_URL") as error:
        env_all_or_none(*NAMES)
    assert "tres-secret" not in str(error.value)


def _check(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith("PROCONNECT_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    production = {
        "APP_ENV": "production",
        "SECRET_KEY": "k" * 20 + "-production-secret-key-for-the-check-only-0123456789",
        "ALLOWED_HOSTS": "alliances.example.gouv.fr",
        "TRUSTED_PROXY_COUNT": "1",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env={**clean, **production, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_production_check_fails_when_only_part_of_proconnect_is_set() -> None:
    result = _check({"PROCONNECT_CLIENT_ID": "client"})
    assert result.returncode != 0
    assert "PROCONNECT_CLIENT_ID set without PROCONNECT_ISSUER_URL, PROCONNECT_CLIENT_SECRET" in result.stderr


def test_the_production_check_passes_with_proconnect_fully_set_over_https() -> None:
    result = _check(
        {
            "PROCONNECT_ISSUER_URL": "https://proconnect.example.gouv.fr/api/v2",
            "PROCONNECT_CLIENT_ID": "client",
            "PROCONNECT_CLIENT_SECRET": "secret",
        }
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_production_check_refuses_a_proconnect_issuer_without_https() -> None:
    result = _check(
        {
            "PROCONNECT_ISSUER_URL": "http://proconnect.example.gouv.fr/api/v2",
            "PROCONNECT_CLIENT_ID": "client",
            "PROCONNECT_CLIENT_SECRET": "secret",
        }
    )
    assert result.returncode != 0
    assert "PROCONNECT_ISSUER_URL must be a URL starting with https://" in result.stderr
