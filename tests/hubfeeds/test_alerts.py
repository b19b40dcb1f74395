from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from accounts.models import NotificationPreferences, Topic
from accounts.services import notification_preferences_set
from alerts.models import Frequency, SavedSearch
from alerts.services import alerts_send
from tests.accounts.factories import AccountFactory
from tests.cases.factories import CaseFactory
from tests.factories import UserFactory
from tests.resources.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/recherches-enregistrees/abonnement/"
LIST = "/recherches-enregistrees/"


@pytest.fixture
def user():
    return AccountFactory(username="camille", email="camille@example.invalid")


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def _saved(user, query: str = "q=recyclerie", frequency: str = Frequency.DAILY, **fields) -> SavedSearch:
    return SavedSearch.objects.create(user=user, query=query, frequency=frequency, **fields)


# The search page


def test_an_anonymous_visitor_sees_a_link_to_sign_in_instead_of_the_form(client, vocabularies) -> None:
    html = client.get("/recherche/?q=recyclerie").content.decode()
    assert 'action="/recherches-enregistrees/abonnement/"' not in html
    assert "/connexion/?next=/recherche/%3Fq%3Drecyclerie" in html
    assert "Connectez-vous pour vous abonner à cette recherche" in html


def test_a_signed_in_user_sees_the_subscribe_form_with_the_current_query(signed_in, vocabularies) -> None:
    html = signed_in.get("/recherche/?q=recyclerie&region=84").content.decode()
    assert 'action="/recherches-enregistrees/abonnement/"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="query" value="q=recyclerie&amp;region=84"' in html
    assert "S&#x27;abonner à cette recherche" in html or "S'abonner à cette recherche" in html


def test_the_search_page_links_to_the_feed_of_the_search(client, vocabularies) -> None:
    html = client.get("/recherche/?q=recyclerie").content.decode()
    assert 'href="/recherche/flux.xml?q=recyclerie"' in html


# Subscribing


def test_subscribing_saves_the_normalised_query(signed_in, user, territories, vocabularies) -> None:
    response = signed_in.post(
        SUBSCRIBE, {"query": "sdg=12&q=++economie++circulaire+&page=3&region=84&sdg=3&inconnu=1", "frequency": "weekly"}
    )
    assert response.status_code == 302
    assert response["Location"] == LIST
    saved = SavedSearch.objects.get(user=user)
    assert saved.query == "q=economie+circulaire&sdg=12&sdg=3&region=84"
    assert saved.frequency == Frequency.WEEKLY


def test_subscribing_twice_to_the_same_search_changes_its_frequency(signed_in, user, vocabularies) -> None:
    signed_in.post(SUBSCRIBE, {"query": "q=recyclerie", "frequency": "daily"})
    signed_in.post(SUBSCRIBE, {"query": "q=recyclerie", "frequency": "weekly"})
    assert list(SavedSearch.objects.values_list("query", "frequency")) == [("q=recyclerie", "weekly")]


def test_an_unknown_frequency_is_a_french_form_error_and_nothing_is_saved(signed_in, vocabularies) -> None:
    response = signed_in.post(SUBSCRIBE, {"query": "q=recyclerie", "frequency": "hourly"})
    assert response.status_code == 200
    assert "Fréquence inconnue : choisissez « chaque jour » ou « chaque semaine »." in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_a_missing_frequency_is_a_french_form_error(signed_in, vocabularies) -> None:
    response = signed_in.post(SUBSCRIBE, {"query": "q=recyclerie"})
    assert "Choisissez la fréquence des alertes" in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_an_over_long_query_is_refused_in_french(signed_in, vocabularies) -> None:
    response = signed_in.post(SUBSCRIBE, {"query": "q=" + "a" * 2500, "frequency": "daily"})
    assert "trop longue" in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_an_anonymous_subscription_redirects_to_sign_in_and_saves_nothing(client, db) -> None:
    response = client.post(SUBSCRIBE, {"query": "q=recyclerie", "frequency": "daily"})
    assert response.status_code == 302
    assert response["Location"] == "/connexion/?next=%2Frecherche%2F%3Fq%3Drecyclerie"
    assert not SavedSearch.objects.exists()


def test_a_forged_csrf_token_is_refused_with_403(user, db) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post(
        SUBSCRIBE, {"query": "q=recyclerie", "frequency": "daily", "csrfmiddlewaretoken": "forged" * 8}
    )
    assert response.status_code == 403
    assert not SavedSearch.objects.exists()


def test_subscribing_with_get_is_not_allowed(signed_in, db) -> None:
    assert signed_in.get(SUBSCRIBE).status_code == 405


# Listing and deleting


def test_my_saved_searches_lists_only_mine_described_in_french(signed_in, user, vocabularies) -> None:
    _saved(user, "q=recyclerie&section=case")
    _saved(UserFactory(username="autre"), "q=secret-d-un-autre")
    html = signed_in.get(LIST).content.decode()
    assert "Texte : « recyclerie »" in html
    assert "Rubrique : Exemples inspirants" in html
    assert "secret-d-un-autre" not in html


def test_my_saved_searches_requires_signing_in(client, db) -> None:
    response = client.get(LIST)
    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/?next=")


def test_deleting_my_saved_search(signed_in, user, vocabularies) -> None:
    saved = _saved(user)
    response = signed_in.post(f"/recherches-enregistrees/{saved.pk}/supprimer/")
    assert response.status_code == 302
    assert not SavedSearch.objects.exists()


def test_deleting_another_users_saved_search_is_a_404(signed_in, db) -> None:
    theirs = _saved(UserFactory(username="autre"))
    assert signed_in.post(f"/recherches-enregistrees/{theirs.pk}/supprimer/").status_code == 404
    assert SavedSearch.objects.filter(pk=theirs.pk).exists()


def test_deleting_with_get_is_not_allowed(signed_in, user, db) -> None:
    saved = _saved(user)
    assert signed_in.get(f"/recherches-enregistrees/{saved.pk}/supprimer/").status_code == 405
    assert SavedSearch.objects.exists()


# Signing in and out (django-allauth's /connexion/, by e-mail; more in tests/accounts/test_login.py)


def test_the_public_sign_in_page_signs_in_and_goes_back_to_the_search(client, user, db) -> None:
    assert "Se connecter" in client.get("/connexion/").content.decode()
    response = client.post(
        "/connexion/",
        {"login": "camille@example.invalid", "password": "un-mot-de-passe-solide-42", "next": "/recherche/?q=a"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/recherche/?q=a"


def test_a_wrong_password_is_a_french_error(client, user, db) -> None:
    response = client.post("/connexion/", {"login": "camille@example.invalid", "password": "faux"})
    assert response.status_code == 200
    assert "L’adresse e-mail ou le mot de passe sont incorrects." in response.content.decode()


def test_sign_in_never_redirects_to_another_site(client, user, db) -> None:
    response = client.post(
        "/connexion/",
        {"login": "camille@example.invalid", "password": "un-mot-de-passe-solide-42", "next": "https://example.com/"},
    )
    assert response["Location"] == "/mon-espace/"


def test_signing_out(signed_in, db) -> None:
    assert signed_in.post("/deconnexion/").status_code == 302
    assert signed_in.get(LIST).status_code == 302


# The alert command


def test_the_daily_alert_mails_new_published_results_in_french_with_an_unsubscribe_link(client, user, vocabularies):
    saved = _saved(user, "q=recyclerie", created_at=timezone.now() - dt.timedelta(days=1))
    CaseFactory(title="Une recyclerie solidaire")
    CaseFactory(title="Une recyclerie en brouillon", draft=True)
    CaseFactory(title="Une alliance sans rapport")
    out = io.StringIO()
    call_command("send_search_alerts", "--frequency", "daily", stdout=out)
    assert "1 alerte(s) envoyée(s)" in out.getvalue()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["camille@example.invalid"]
    assert message.subject == "[Alliances & Territoires] 1 nouveau résultat pour votre recherche"
    assert "Une recyclerie solidaire" in message.body
    assert "brouillon" not in message.body
    assert "sans rapport" not in message.body
    assert "Texte : « recyclerie »" in message.body
    assert message.body.startswith("Bonjour,")
    assert "L'équipe Alliances & Territoires" in message.body
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    assert "Une recyclerie solidaire" in html and "brouillon" not in html
    assert "Texte : « recyclerie »" in html
    assert "Gérer vos préférences : http://127.0.0.1:8000/mon-espace/notifications/" in message.body
    saved.refresh_from_db()
    assert saved.last_sent_at is not None

    every_alert = re.search(r"Ne plus recevoir ces messages : http://127\.0\.0\.1:8000(\S+)", message.body).group(1)
    assert f'href="http://127.0.0.1:8000{every_alert}"' in html
    assert every_alert.startswith("/notifications/desabonnement/")

    link = re.search(r"Ne plus recevoir cette alerte : http://127\.0\.0\.1:8000(\S+)", message.body).group(1)
    assert "Confirmer le désabonnement" in client.get(link).content.decode()
    client.post(link)
    assert not SavedSearch.objects.exists()
    assert client.get(link).status_code == 404


def test_results_already_announced_or_published_before_subscribing_are_not_sent_again(user, vocabularies) -> None:
    CaseFactory(title="Une recyclerie ancienne")
    _saved(user, "q=recyclerie")
    call_command("send_search_alerts", frequency="daily")
    assert mail.outbox == []


def test_a_second_run_sends_only_what_was_published_since_the_first(user, vocabularies) -> None:
    _saved(user, "q=recyclerie", created_at=timezone.now() - dt.timedelta(days=1))
    CaseFactory(title="Une recyclerie de quartier")
    call_command("send_search_alerts", frequency="daily")
    call_command("send_search_alerts", frequency="daily")
    assert len(mail.outbox) == 1


def test_the_weekly_run_ignores_daily_searches(user, vocabularies) -> None:
    _saved(user, "section=news", created_at=timezone.now() - dt.timedelta(days=1))
    NewsItemFactory()
    call_command("send_search_alerts", frequency="weekly")
    assert mail.outbox == []
    call_command("send_search_alerts", frequency="daily")
    assert len(mail.outbox) == 1


def test_the_footer_link_turns_every_alert_off_and_the_searches_stay_saved(client, user, vocabularies) -> None:
    saved = _saved(user, "q=recyclerie", created_at=timezone.now() - dt.timedelta(days=1))
    CaseFactory(title="Une recyclerie solidaire")
    call_command("send_search_alerts", frequency="daily")
    (message,) = mail.outbox
    assert isinstance(message, EmailMultiAlternatives)
    found = re.search(r"Ne plus recevoir ces messages : http://127\.0\.0\.1:8000(\S+)", str(message.body))
    assert found
    link = found.group(1)
    client.post(link)
    assert not NotificationPreferences.objects.get(user=user).wants(Topic.ALERTS)
    assert SavedSearch.objects.filter(pk=saved.pk).exists()


def test_a_person_who_turned_alerts_off_gets_none_and_nothing_piles_up(user, vocabularies) -> None:
    saved = _saved(user, "q=recyclerie", created_at=timezone.now() - dt.timedelta(days=1))
    CaseFactory(title="Une recyclerie solidaire")
    notification_preferences_set(user=user, alerts=False)
    out = io.StringIO()
    call_command("send_search_alerts", frequency="daily", stdout=out)
    assert mail.outbox == []
    assert "0 alerte(s) envoyée(s)" in out.getvalue()
    assert "1 non envoyée(s) (alertes désactivées dans les préférences)" in out.getvalue()
    saved.refresh_from_db()
    assert saved.last_sent_at is not None  # turning them back on does not send what was published meanwhile
    notification_preferences_set(user=user, alerts=True)
    assert alerts_send(frequency="daily").sent == 0
    CaseFactory(title="Une autre recyclerie")
    assert alerts_send(frequency="daily").sent == 1
    assert "Une autre recyclerie" in mail.outbox[0].body and "solidaire" not in mail.outbox[0].body


def test_a_failed_alert_leaves_the_search_to_try_again(user, vocabularies, monkeypatch) -> None:
    saved = _saved(user, "q=recyclerie", created_at=timezone.now() - dt.timedelta(days=1))
    CaseFactory(title="Une recyclerie solidaire")

    def fail(self, fail_silently=False):
        raise ConnectionRefusedError("relais indisponible")

    with monkeypatch.context() as patched:
        patched.setattr(EmailMultiAlternatives, "send", fail)
        assert alerts_send(frequency="daily").failed == 1
    saved.refresh_from_db()
    assert saved.last_sent_at is None
    assert alerts_send(frequency="daily").sent == 1


def test_an_unknown_frequency_stops_the_command(db) -> None:
    with pytest.raises(CommandError):
        call_command("send_search_alerts", "--frequency", "hourly")


def test_a_forged_unsubscribe_token_is_a_404(client, user, db) -> None:
    saved = _saved(user)
    assert client.get("/recherches-enregistrees/desabonnement/faux:jeton/").status_code == 404
    assert client.post("/recherches-enregistrees/desabonnement/faux:jeton/").status_code == 404
    assert SavedSearch.objects.filter(pk=saved.pk).exists()
