"""Notification preferences and « Télécharger mes données » in Mon espace."""

from __future__ import annotations

import json

import pytest

from accounts.models import NotificationPreferences
from alerts.models import SavedSearch
from tests.accounts.factories import AccountFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, account):
    client.force_login(account)
    return client


def test_my_preferences_are_saved(signed_in, account) -> None:
    response = signed_in.post("/mon-espace/notifications/", {"proposals": "on"})
    assert response.status_code == 302
    preferences = NotificationPreferences.objects.get(user=account)
    assert (preferences.proposals, preferences.organisations) == (True, False)


def test_the_preferences_page_shows_my_current_choices(signed_in, account) -> None:
    NotificationPreferences.objects.create(user=account, proposals=False)
    html = signed_in.get("/mon-espace/notifications/").content.decode()
    assert "L&#x27;avancement de mes propositions" in html
    assert html.count("checked") == 3  # organisations, alerts, reminders


def test_preferences_require_signing_in(client, db) -> None:
    response = client.post("/mon-espace/notifications/", {})
    assert response.status_code == 302 and response["Location"].startswith("/connexion/")
    assert not NotificationPreferences.objects.exists()


def test_my_data_download_is_json_with_my_searches_only(signed_in, account, vocabularies) -> None:
    SavedSearch.objects.create(user=account, query="q=recyclerie", frequency="daily")
    SavedSearch.objects.create(user=AccountFactory(username="autre"), query="q=secret", frequency="daily")
    response = signed_in.get("/mon-espace/mes-donnees.json")
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["compte"]["adresse_email"] == "camille@example.invalid"
    assert [s["recherche"] for s in data["recherches_enregistrees"]] == ["q=recyclerie"]
    assert data["preferences_de_notification"] == {
        "proposals": True,
        "organisations": True,
        "alerts": True,
        "reminders": True,
    }


def test_my_space_links_to_preferences_and_data(signed_in) -> None:
    html = signed_in.get("/mon-espace/").content.decode()
    assert 'href="/mon-espace/notifications/"' in html
    assert 'href="/mon-espace/mes-donnees.json"' in html
