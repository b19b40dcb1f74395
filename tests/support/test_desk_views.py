"""The catalysts' dashboard: who sees what, filters, actions, refusals in French."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from core.permissions import MODERATORS, ensure_roles
from support import services
from support.models import RequestStatus, SupportMessage, SupportRequest
from tests.support.factories import catalyst_with_team, requester, support_request, team_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def rhone(territories, vocabularies):
    return catalyst_with_team(name="Catalyseur du Rhône", departements=["69"])


@pytest.fixture
def isere(territories, vocabularies):
    return catalyst_with_team(name="Catalyseur de l'Isère", departements=["38"])


def test_a_member_is_led_to_the_dashboard_of_their_catalyst(client, rhone) -> None:
    client.force_login(team_member(rhone))
    response = client.get("/accompagnement/tableau-de-bord/")
    assert response.status_code == 302
    assert response["Location"] == f"/accompagnement/tableau-de-bord/catalyseur/{rhone.slug}/"


def test_the_dashboard_lists_the_requests_with_status_and_age(client, rhone, isere) -> None:
    lyon = support_request(commune="69123", purpose="Demande lyonnaise")
    support_request(commune="38185", purpose="Demande grenobloise")
    SupportRequest.objects.filter(pk=lyon.pk).update(created_at=timezone.now() - dt.timedelta(days=9))
    client.force_login(team_member(rhone))
    html = client.get(f"/accompagnement/tableau-de-bord/catalyseur/{rhone.slug}/").content.decode()
    assert "Demande lyonnaise" in html and "Demande grenobloise" not in html
    assert "9 jours" in html and "1 nouvelle" in html
    assert "<caption>Demandes d'accompagnement transmises à Catalyseur du Rhône" in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("statut=prise-en-charge", "Prise", "Nouvelle"),
        ("statut=nouvelle", "Nouvelle", "Prise"),
        ("anciennete=7", "Prise", "Nouvelle"),
    ],
)
def test_the_filters_narrow_the_list(client, rhone, query, shown, hidden) -> None:
    member = team_member(rhone)
    taken = support_request(purpose="Prise")
    services.support_request_take(support_request=taken, user=member)
    SupportRequest.objects.filter(pk=taken.pk).update(created_at=timezone.now() - dt.timedelta(days=8))
    support_request(purpose="Nouvelle")
    client.force_login(member)
    html = client.get(f"/accompagnement/tableau-de-bord/catalyseur/{rhone.slug}/?{query}").content.decode()
    assert f'<span class="fr-text--sm">{shown}</span>' in html
    assert f'<span class="fr-text--sm">{hidden}</span>' not in html


@pytest.mark.parametrize("query", ["statut=rien", "modalite=inconnue", "departement=13", "anciennete=abc", "page=x"])
def test_a_bad_filter_is_ignored_with_a_french_warning(client, rhone, query) -> None:
    support_request(purpose="Demande lyonnaise")
    client.force_login(team_member(rhone))
    response = client.get(f"/accompagnement/tableau-de-bord/catalyseur/{rhone.slug}/?{query}")
    html = response.content.decode()
    assert response.status_code == 200 and "Demande lyonnaise" in html
    if not query.startswith("page"):
        assert "il a été ignoré" in html


def test_someone_outside_the_team_is_refused_in_french(client, rhone, isere) -> None:
    client.force_login(team_member(isere))
    response = client.get(f"/accompagnement/tableau-de-bord/catalyseur/{rhone.slug}/")
    assert response.status_code == 403 and "Vous ne faites pas partie de l&#x27;équipe" in response.content.decode()
    client.force_login(requester("visiteur"))
    response = client.get("/accompagnement/tableau-de-bord/")
    assert response.status_code == 403 and "réservé aux membres des équipes" in response.content.decode()
    assert client.get("/accompagnement/tableau-de-bord/plateforme/").status_code == 403


def test_acting_on_a_request_outside_ones_territory_is_refused_and_nothing_changes(client, rhone, isere) -> None:
    created = support_request(commune="69123")
    client.force_login(team_member(isere))
    for path, data in [
        ("", None),
        ("prendre-en-charge/", {}),
        ("repondre/", {"body": "Bonjour"}),
        ("clore/", {"outcome": "no_follow_up"}),
    ]:
        url = f"/accompagnement/demandes/{created.pk}/{path}"
        response = client.get(url) if data is None else client.post(url, data)
        assert response.status_code == 403, path
        assert "n&#x27;a pas été transmise à votre catalyseur" in response.content.decode()
    created.refresh_from_db()
    assert created.status == RequestStatus.NEW and not SupportMessage.objects.exists()


def test_not_signed_in_is_sent_to_sign_in(client, rhone) -> None:
    created = support_request()
    response = client.post(f"/accompagnement/demandes/{created.pk}/prendre-en-charge/")
    assert response.status_code == 302 and response["Location"].startswith("/connexion/")
    assert SupportRequest.objects.get().status == RequestStatus.NEW


def test_take_answer_close_from_the_request_page(client, rhone) -> None:
    created = support_request()
    client.force_login(team_member(rhone))
    url = f"/accompagnement/demandes/{created.pk}/"
    assert "Prendre en charge" in client.get(url).content.decode()
    assert client.post(url + "prendre-en-charge/").status_code == 302
    response = client.post(url + "prendre-en-charge/")
    assert response.status_code == 400 and "déjà prise en charge par Catalyseur du Rhône" in response.content.decode()
    assert client.post(url + "repondre/", {"body": "Appelons-nous."}).status_code == 302
    response = client.post(url + "repondre/", {"body": ""})
    assert response.status_code == 400 and "Écrivez votre message." in response.content.decode()
    response = client.post(url + "clore/", {"outcome": "withdrawn"})
    assert response.status_code == 400
    assert "Choisissez l&#x27;issue de la demande dans la liste." in response.content.decode()
    assert client.post(url + "clore/", {"outcome": "supported", "note": "Bonne route"}).status_code == 302
    created.refresh_from_db()
    assert (created.status, created.outcome) == (RequestStatus.CLOSED, "supported")
    assert list(created.messages.values_list("body", flat=True)) == ["Appelons-nous.", "Bonne route"]


def test_the_answer_honeypot_sends_nothing(client, rhone) -> None:
    created = support_request()
    member = team_member(rhone)
    services.support_request_take(support_request=created, user=member)
    client.force_login(member)
    response = client.post(f"/accompagnement/demandes/{created.pk}/repondre/", {"body": "Spam", "site_web": "x"})
    assert response.status_code == 400 and not SupportMessage.objects.exists()


def test_the_platform_team_handles_the_requests_nobody_covers(client, rhone) -> None:
    ensure_roles()
    moderator = requester("moderatrice")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    uncovered = support_request(commune="13055", purpose="Demande marseillaise")
    covered = support_request(commune="69123", purpose="Demande lyonnaise")
    client.force_login(moderator)
    html = client.get("/accompagnement/tableau-de-bord/plateforme/").content.decode()
    assert "Demande marseillaise" in html and "Demande lyonnaise" not in html
    assert client.post(f"/accompagnement/demandes/{uncovered.pk}/prendre-en-charge/").status_code == 302
    assert client.post(f"/accompagnement/demandes/{covered.pk}/prendre-en-charge/").status_code == 403
    uncovered.refresh_from_db()
    assert uncovered.handled_by_platform and uncovered.status == RequestStatus.IN_PROGRESS


def test_the_brokered_section_is_there_for_a_catalyst(client, rhone) -> None:
    client.force_login(team_member(rhone))
    html = client.get(f"/accompagnement/tableau-de-bord/catalyseur/{rhone.slug}/").content.decode()
    assert "Ce que Catalyseur du Rhône a facilité" in html


def test_the_unserved_demand_page_and_csv_count_without_personal_data(client, rhone) -> None:
    support_request(commune="13055", purpose="Texte privé de la demande")
    support_request(commune="13055")
    support_request(commune="69123")
    html = client.get("/accompagnement/demandes-sans-catalyseur/").content.decode()
    assert "<caption>Demandes d'accompagnement sans catalyseur, par département</caption>" in html
    assert "Bouches-du-Rhône (13)" in html and "Rhône (69)</a>" not in html
    assert "Texte privé" not in html
    response = client.get("/accompagnement/demandes-sans-catalyseur.csv")
    body = response.content.decode("utf-8-sig")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert body.splitlines() == [
        "code_departement,departement,region,demandes,demandes_12_derniers_mois",
        "13,Bouches-du-Rhône,Provence-Alpes-Côte d'Azur,2,2",
    ]


def test_the_unserved_demand_is_in_the_api(client, rhone) -> None:
    support_request(commune="13055")
    data = client.get("/api/v1/support/unserved-demand").json()
    assert data == {
        "count": 1,
        "items": [
            {
                "departement": "13",
                "name": "Bouches-du-Rhône",
                "region": "Provence-Alpes-Côte d'Azur",
                "requests": 1,
                "last_year": 1,
            }
        ],
    }


def test_the_matches_a_catalyst_proposed_show_on_its_dashboard(client, rhone, isere) -> None:
    from alliances.models import Match
    from tests.organisations.member_factories import OrganisationFactory

    first, second = (
        OrganisationFactory.create(name="Ressourcerie fictive"),
        OrganisationFactory.create(name="Entreprise fictive"),
    )
    Match.objects.create(requester=first, recipient=second, catalyst=rhone)
    Match.objects.create(requester=second, recipient=first, catalyst=isere)
    client.force_login(team_member(rhone))
    html = client.get(f"/accompagnement/tableau-de-bord/catalyseur/{rhone.slug}/").content.decode()
    assert "<caption>Mises en relation proposées par Catalyseur du Rhône</caption>" in html
    assert html.count("Ressourcerie fictive et Entreprise fictive") == 1
    assert "Entreprise fictive et Ressourcerie fictive" not in html
