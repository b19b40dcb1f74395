from __future__ import annotations

import datetime as dt

import pytest
from axes.models import AccessAttempt

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/"
PASSWORD = "un-mot-de-passe-solide-42"


@pytest.fixture
def editor():
    return UserFactory(username="editrice", is_superuser=True, is_staff=True)


def _login(client, password: str, ip: str = "192.0.2.10"):
    return client.post(LOGIN_URL, {"username": "editrice", "password": password}, REMOTE_ADDR=ip)


def _fail_five_times(client) -> None:
    for _ in range(4):
        assert _login(client, "mauvais-mot-de-passe").status_code == 200
    assert _login(client, "mauvais-mot-de-passe").status_code == 429


def test_the_right_password_logs_in(client, editor) -> None:
    response = _login(client, PASSWORD)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_five_wrong_passwords_lock_the_account_out_with_a_french_page(client, editor) -> None:
    _fail_five_times(client)
    response = _login(client, PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Connexion temporairement bloquée" in html
    assert "Réessayez dans 15 minutes" in html
    assert 'class="fr-alert' in html
    assert 14 * 60 < int(response["Retry-After"]) <= 15 * 60
    assert "_auth_user_id" not in client.session


def test_the_cool_off_page_says_the_time_left(client, editor) -> None:
    _fail_five_times(client)
    AccessAttempt.objects.update(attempt_time=dt.datetime.now(tz=dt.UTC) - dt.timedelta(minutes=10, seconds=30))
    response = _login(client, PASSWORD)
    assert "Réessayez dans 5 minutes" in response.content.decode()
    assert 4 * 60 < int(response["Retry-After"]) <= 5 * 60


def test_the_lock_holds_only_for_the_attacker_s_address(client, editor) -> None:
    _fail_five_times(client)
    assert _login(client, PASSWORD, ip="198.51.100.7").status_code == 302


def test_login_works_again_after_the_cool_off(client, editor) -> None:
    _fail_five_times(client)
    assert _login(client, PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=dt.datetime.now(tz=dt.UTC) - dt.timedelta(minutes=16))
    assert _login(client, PASSWORD).status_code == 302


def test_a_forged_forwarded_header_does_not_change_the_counted_address(client, editor) -> None:
    for n in range(5):
        client.post(
            LOGIN_URL,
            {"username": "editrice", "password": "mauvais"},
            REMOTE_ADDR="192.0.2.10",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        )
    assert _login(client, PASSWORD).status_code == 429
