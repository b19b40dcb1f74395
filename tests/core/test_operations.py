from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from config.env import env_bool, env_choice, env_int, env_int_list

BASE_DIR = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def test_healthz_and_readyz_answer(client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ok"}


def test_every_page_carries_the_security_headers(client, programme) -> None:
    response = client.get("/feuille-de-route/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-eval" not in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert len(response["X-Request-ID"]) >= 8


def test_public_pages_load_scripts_only_from_the_site_itself(client, programme) -> None:
    html = client.get("/").content.decode()
    scripts = html.split("<script")[1:]
    assert scripts, "the DSFR scripts are expected"
    for script in scripts:
        assert 'src="/static/' in script.split(">", 1)[0]


def test_the_production_profile_passes_check_deploy_without_warning() -> None:
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},  # set by the browser tests
        "APP_ENV": "production",
        "TRUSTED_PROXY_COUNT": "1",
        "SECRET_KEY": "k" * 20 + "-production-secret-key-for-the-check-only-0123456789",
        "ALLOWED_HOSTS": "alliances.example.gouv.fr",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_production_profile_refuses_to_start_without_a_secret_key() -> None:
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update(APP_ENV="production", ALLOWED_HOSTS="alliances.example.gouv.fr", TRUSTED_PROXY_COUNT="1")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_env_helpers_fail_loudly_on_bad_values(monkeypatch) -> None:
    monkeypatch.setenv("X_BOOL", "peut-être")
    monkeypatch.setenv("X_INT", "douze")
    monkeypatch.setenv("X_CHOICE", "staging")
    with pytest.raises(ImproperlyConfigured):
        env_bool("X_BOOL", False)
    with pytest.raises(ImproperlyConfigured):
        env_int("X_INT", 1)
    with pytest.raises(ImproperlyConfigured):
        env_choice("X_CHOICE", ("local", "production"), "local")
    monkeypatch.setenv("X_DAYS", "7, quatorze")
    with pytest.raises(ImproperlyConfigured, match="X_DAYS"):
        env_int_list("X_DAYS", [7, 14])
    monkeypatch.setenv("X_DAYS", "7, 14")
    assert env_int_list("X_DAYS", [1]) == [7, 14]


def test_ensure_admin_creates_the_administrator_once_and_prints_its_password(capsys) -> None:
    call_command("ensure_admin")
    first = capsys.readouterr().out
    assert "identifiant : admin" in first and "mot de passe :" in first
    call_command("ensure_admin")
    assert "aucun compte créé" in capsys.readouterr().out


def test_unknown_page_is_a_french_404(client) -> None:
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page non trouvée" in response.content.decode()


def test_public_pages_render_in_french_with_title_and_breadcrumb(client, programme) -> None:
    html = client.get("/feuille-de-route/mesures/1/").content.decode()
    assert '<html lang="fr"' in html
    assert "<title>Mesure 1 — Rendre immédiatement" in html
    assert 'class="fr-breadcrumb"' in html


@pytest.mark.parametrize("value", [None, "", "  "], ids=["unset", "empty", "blank"])
def test_the_production_profile_refuses_to_start_without_the_trusted_proxy_count(value) -> None:
    """Guessed wrong, every visitor would share the proxy's address, or forge their own (config/settings.py)."""
    env = {k: v for k, v in os.environ.items() if k not in ("TRUSTED_PROXY_COUNT", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update(
        APP_ENV="production",
        ALLOWED_HOSTS="alliances.example.gouv.fr",
        SECRET_KEY="k" * 20 + "-production-secret-key-for-the-check-only-0123456789",
    )
    if value is not None:
        env["TRUSTED_PROXY_COUNT"] = value
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured: TRUSTED_PROXY_COUNT is required in production" in result.stderr
