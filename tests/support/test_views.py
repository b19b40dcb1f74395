"""The requester's pages: ask (commune resolved like « Près de chez moi »), follow, write, withdraw;
bad input answered in French with nothing stored."""

from __future__ import annotations

import pytest
from django.core import mail

from support.models import RequestStatus, SupportMessage, SupportRequest
from tests.support.factories import catalyst_with_team, requester, support_request, team_member

pytestmark = pytest.mark.django_db

VALID = {"purpose": "Créer un jardin partagé avec une entreprise voisine.", "commune": "Lyon", "modality": ""}


@pytest.fixture
def rhone(territories, vocabularies):
    return catalyst_with_team(name="Catalyseur du Rhône", departements=["69"])


@pytest.fixture
def person(client):
    user = requester()
    client.force_login(user)
    return user


def test_asking_needs_to_be_signed_in(client, rhone) -> None:
    response = client.post("/accompagnement/demander/", VALID)
    assert response.status_code == 302 and response["Location"].startswith("/connexion/")
    assert not SupportRequest.objects.exists()


def test_the_form_is_in_french_with_the_commune_autocomplete(client, rhone, person) -> None:
    html = client.get("/accompagnement/demander/").content.decode()
    assert "<h1>Je cherche un accompagnement</h1>" in html
    assert "data-commune-autocomplete" in html and "nearby/commune-autocomplete.js" in html
    assert "Je ne sais pas encore" in html and "Mécénat" in html
    assert '<div hidden>\n    <label for="id_site_web">' in html


def test_a_request_is_routed_and_explained_to_the_requester(
    client, rhone, person, django_capture_on_commit_callbacks
) -> None:
    team_member(rhone)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accompagnement/demander/", {**VALID, "modality": "mecenat"}, follow=True)
    created = SupportRequest.objects.get()
    assert response.redirect_chain[-1][0] == f"/accompagnement/mes-demandes/{created.pk}/"
    html = response.content.decode()
    assert "Votre demande a été transmise à « Catalyseur du Rhône » parce qu&#x27;il couvre le département" in html
    assert created.modality is not None
    assert "nouvelle" in html and created.modality.slug == "mecenat"
    assert len(mail.outbox) == 1
    dashboard = client.get("/mon-espace/").content.decode()
    assert f"Demande n° {created.pk} — Lyon (69)" in dashboard and "Catalyseur du Rhône" in dashboard


def test_the_inseecode_from_the_autocomplete_wins_over_the_text(client, rhone, person) -> None:
    client.post("/accompagnement/demander/", {**VALID, "commune": "Lyon (69)", "code": "69266"})
    assert SupportRequest.objects.get().territory_code == "69266"


def test_an_unknown_commune_is_answered_in_french_and_nothing_stored(client, rhone, person) -> None:
    response = client.post("/accompagnement/demander/", {**VALID, "commune": "Zzyzxville"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Aucune commune ne correspond à « Zzyzxville »" in html
    assert 'aria-invalid="true"' in html and "Erreur : Je cherche un accompagnement" in html
    assert "Créer un jardin partagé" in html  # what was typed is kept
    assert not SupportRequest.objects.exists()


def test_a_postcode_shared_by_several_communes_asks_which_one(client, rhone, person) -> None:
    response = client.post("/accompagnement/demander/", {**VALID, "commune": "69400"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Plusieurs communes correspondent à « 69400 »" in html
    assert 'name="code" value="69264"' in html and "Villefranche-sur-Saône" in html and "Gleizé" in html
    assert not SupportRequest.objects.exists()
    client.post("/accompagnement/demander/", {**VALID, "commune": "69400", "code": ["", "69264"]})
    assert SupportRequest.objects.get().territory_code == "69264"


def test_a_partial_postcode_asks_for_five_digits(client, rhone, person) -> None:
    html = client.post("/accompagnement/demander/", {**VALID, "commune": "694"}).content.decode()
    assert "n&#x27;est pas un code postal complet" in html
    assert not SupportRequest.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"purpose": ""}, "Décrivez en quelques phrases"),
        ({"purpose": "a" * 3001}, "3000 caractères au plus (vous en avez saisi 3001)"),
        ({"commune": ""}, "Indiquez la commune"),
        ({"modality": "inconnue"}, "Modalité inconnue"),
    ],
)
def test_bad_input_is_named_in_french_and_nothing_stored(client, rhone, person, data, message) -> None:
    response = client.post("/accompagnement/demander/", {**VALID, **data})
    assert response.status_code == 400 and message in response.content.decode()
    assert not SupportRequest.objects.exists()


def test_an_organisation_one_does_not_represent_cannot_be_chosen(client, rhone, person) -> None:
    from tests.organisations.member_factories import OrganisationFactory, member_of

    mine = OrganisationFactory.create(name="Mon association")
    member_of(mine, username="autre")  # someone else's organisation
    from organisations.models import Membership

    own = OrganisationFactory.create(name="Association du demandeur")
    Membership.objects.create(organisation=own, user=person)
    response = client.post("/accompagnement/demander/", {**VALID, "organisation": mine.pk})
    assert response.status_code == 400 and "Vous ne représentez pas cette organisation" in response.content.decode()
    client.post("/accompagnement/demander/", {**VALID, "organisation": own.pk})
    assert SupportRequest.objects.get().organisation == own


def test_the_honeypot_stores_nothing(client, rhone, person) -> None:
    response = client.post("/accompagnement/demander/", {**VALID, "site_web": "http://spam.example"})
    assert response.status_code == 400 and "réservé à la détection des robots" in response.content.decode()
    assert not SupportRequest.objects.exists()


def test_past_the_per_account_limit_a_french_message_and_nothing_stored(client, rhone, person, settings) -> None:
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "support_request": "1/d/user"}
    assert client.post("/accompagnement/demander/", VALID).status_code == 302
    response = client.post("/accompagnement/demander/", {**VALID, "purpose": "Une deuxième demande."})
    assert response.status_code == 429 and "celle-ci n&#x27;a pas été enregistrée" in response.content.decode()
    assert SupportRequest.objects.count() == 1


def test_someone_else_cannot_see_my_request(client, rhone, person) -> None:
    created = support_request(user=requester("quelquun"))
    assert client.get(f"/accompagnement/mes-demandes/{created.pk}/").status_code == 404
    assert client.post(f"/accompagnement/mes-demandes/{created.pk}/retirer/").status_code == 404
    assert SupportRequest.objects.get().status == RequestStatus.NEW


def test_the_requester_reads_the_answer_as_plain_text_and_replies(client, rhone, person) -> None:
    member = team_member(rhone)
    created = support_request(user=person)
    from support import services

    services.support_request_take(support_request=created, user=member)
    services.support_message_send(
        support_request=created, user=member, body="<script>alert(1)</script>\n<b>Rendez-vous</b> mardi"
    )
    html = client.get(f"/accompagnement/mes-demandes/{created.pk}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>&lt;b&gt;Rendez-vous&lt;/b&gt; mardi" in html
    assert "<script>alert(1)" not in html
    assert "prise en charge" in html and "Catalyseur du Rhône" in html
    response = client.post(f"/accompagnement/mes-demandes/{created.pk}/message/", {"body": "Merci !"})
    assert response.status_code == 302
    assert SupportMessage.objects.filter(sender="requester", body="Merci !").exists()


def test_the_requester_withdraws_and_can_no_longer_write(client, rhone, person) -> None:
    created = support_request(user=person)
    assert client.post(f"/accompagnement/mes-demandes/{created.pk}/retirer/").status_code == 302
    created.refresh_from_db()
    assert created.status == RequestStatus.CLOSED and created.outcome == "withdrawn"
    response = client.post(f"/accompagnement/mes-demandes/{created.pk}/retirer/")
    assert response.status_code == 400 and "déjà close" in response.content.decode()
    response = client.post(f"/accompagnement/mes-demandes/{created.pk}/message/", {"body": "Encore moi"})
    assert response.status_code == 400 and "aucun message ne peut plus" in response.content.decode()
    assert not SupportMessage.objects.exists()


def test_my_data_download_includes_my_requests(client, rhone, person) -> None:
    support_request(user=person)
    data = client.get("/mon-espace/mes-donnees.json").json()
    [item] = data["demandes_d_accompagnement"]
    assert item["commune"] == "Lyon (69)" and item["statut"] == "nouvelle"
    assert item["transmise_a"].startswith("Votre demande a été transmise à « Catalyseur du Rhône »")


def test_the_entry_points_link_to_the_form(client, rhone) -> None:
    assert 'href="/accompagnement/demander/"' in client.get("/faire-alliance/").content.decode()
    assert 'href="/accompagnement/demander/"' in client.get("/accompagnement/catalyseurs/").content.decode()
    detail = client.get(f"/accompagnement/catalyseurs/{rhone.slug}/").content.decode()
    assert 'href="/accompagnement/demander/"' in detail
