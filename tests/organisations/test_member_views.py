"""Pages of the people who represent organisations: every write checks rights on the server."""

from __future__ import annotations

import pytest
from django.core import mail

from organisations.models import Claim, Invitation, Membership, Organisation, OrganisationChange, Role
from tests.accounts.factories import AccountFactory
from tests.organisations.member_factories import OrganisationFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(vocabularies):
    return OrganisationFactory(name="Ressourcerie fictive", website="https://www.ressourcerie-exemple.fr")


def test_the_directory_page_offers_to_claim(client, organisation) -> None:
    html = client.get(f"/annuaire/{organisation.pk}/").content.decode()
    assert f'href="/annuaire/{organisation.pk}/je-represente-cette-organisation/"' in html


def test_claiming_requires_signing_in(client, organisation) -> None:
    response = client.post(f"/annuaire/{organisation.pk}/je-represente-cette-organisation/", {})
    assert response.status_code == 302 and response["Location"].startswith("/connexion/")
    assert not Claim.objects.exists()


def test_a_claim_by_domain_leads_to_the_management_page(client, organisation) -> None:
    client.force_login(AccountFactory(username="camille", email="camille@ressourcerie-exemple.fr"))
    response = client.post(f"/annuaire/{organisation.pk}/je-represente-cette-organisation/", {"evidence": ""})
    assert response["Location"] == f"/annuaire/{organisation.pk}/gerer/"
    assert "Modifier la page" in client.get(response["Location"]).content.decode()


def test_a_claim_without_evidence_answers_in_french(client, organisation) -> None:
    client.force_login(AccountFactory(username="camille", email="camille@gmail.com"))
    response = client.post(f"/annuaire/{organisation.pk}/je-represente-cette-organisation/", {"evidence": ""})
    assert response.status_code == 200
    assert "comment vous la représentez" in response.content.decode()
    assert not Claim.objects.exists()


def test_a_member_edits_the_page_and_sees_the_history(client, organisation) -> None:
    client.force_login(member_of(organisation))
    response = client.post(f"/annuaire/{organisation.pk}/gerer/", {"presentation": "Nous réparons.", "name": "Piraté"})
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.presentation, organisation.name) == ("Nous réparons.", "Ressourcerie fictive")
    html = client.get(f"/annuaire/{organisation.pk}/gerer/").content.decode()
    assert "Historique des modifications" in html and "Nous réparons." in html


def test_a_bad_contact_address_is_refused_in_french(client, organisation) -> None:
    client.force_login(member_of(organisation))
    response = client.post(f"/annuaire/{organisation.pk}/gerer/", {"contact_email": "pas-une-adresse"})
    assert response.status_code == 400
    assert "Saisissez une adresse e-mail valide" in response.content.decode()
    assert not OrganisationChange.objects.exists()


def test_a_logo_that_is_not_an_image_is_refused(client, organisation) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(member_of(organisation))
    fake = SimpleUploadedFile("logo.png", b"%PDF-1.4 not an image", content_type="image/png")
    response = client.post(f"/annuaire/{organisation.pk}/gerer/", {"logo": fake})
    assert response.status_code == 400
    assert "PNG, JPEG ou WebP" in response.content.decode()
    organisation.refresh_from_db()
    assert not organisation.logo


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("gerer/", {"presentation": "Piraté"}),
        ("gerer/inviter/", {"invited_email": "complice@example.invalid", "role": "admin"}),
        ("gerer/membres/{membership}/retirer/", {}),
    ],
)
def test_a_member_of_another_organisation_is_refused_every_write(client, organisation, path, data) -> None:
    admin = member_of(organisation)
    client.force_login(member_of(OrganisationFactory(), username="autre"))
    membership = Membership.objects.get(user=admin)
    response = client.post(f"/annuaire/{organisation.pk}/" + path.format(membership=membership.pk), data)
    assert response.status_code == 403
    assert "Accès refusé" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.presentation == ""
    assert not Invitation.objects.exists()
    assert Membership.objects.filter(organisation=organisation).count() == 1


def test_a_member_of_another_organisation_cannot_read_the_management_page(client, organisation) -> None:
    member_of(organisation)
    client.force_login(member_of(OrganisationFactory(), username="autre"))
    assert client.get(f"/annuaire/{organisation.pk}/gerer/").status_code == 403


def test_an_invitation_is_sent_then_accepted_from_its_link(
    client, organisation, django_capture_on_commit_callbacks
) -> None:
    client.force_login(member_of(organisation))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/annuaire/{organisation.pk}/gerer/inviter/", {"invited_email": "d@example.invalid", "role": "member"}
        )
    assert response.status_code == 302
    link = next(word for word in mail.outbox[-1].body.split() if "/annuaire/invitation/" in word)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    client.force_login(AccountFactory(username="dominique", email="d@example.invalid"))
    assert client.post(path).status_code == 302
    assert Membership.objects.get(user__username="dominique").role == Role.MEMBER
    assert client.get(path).status_code == 404  # used once


def test_an_invitation_to_a_members_address_answers_in_french(client, organisation) -> None:
    client.force_login(member_of(organisation, email="admin@example.invalid"))
    response = client.post(
        f"/annuaire/{organisation.pk}/gerer/inviter/", {"invited_email": "admin@example.invalid", "role": "member"}
    )
    assert response.status_code == 400
    assert "appartient déjà à un membre" in response.content.decode()


def test_invitations_past_the_rate_limit_are_refused_in_french(client, organisation, settings) -> None:
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "organisation_invite": "2/h/user"}
    client.force_login(member_of(organisation))
    url = f"/annuaire/{organisation.pk}/gerer/inviter/"
    for n in (1, 2):
        assert client.post(url, {"invited_email": f"p{n}@example.invalid", "role": "member"}).status_code == 302
    response = client.post(url, {"invited_email": "p3@example.invalid", "role": "member"})
    assert response.status_code == 429
    assert "invitations envoyées en peu de temps : aucune invitation n&#x27;est partie" in response.content.decode()
    assert not Invitation.objects.filter(email="p3@example.invalid").exists()


def test_the_last_administrator_is_kept_with_a_french_message(client, organisation) -> None:
    admin = member_of(organisation)
    client.force_login(admin)
    membership = Membership.objects.get(user=admin)
    response = client.post(f"/annuaire/{organisation.pk}/gerer/membres/{membership.pk}/retirer/", follow=True)
    assert "dernier administrateur" in response.content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_my_space_lists_my_organisations_and_roles(client, organisation) -> None:
    client.force_login(member_of(organisation, role=Role.MEMBER))
    html = client.get("/mon-espace/").content.decode()
    assert "Ressourcerie fictive" in html and "membre" in html


def test_a_new_organisation_is_proposed_and_stays_out_of_the_directory(client, vocabularies) -> None:
    client.force_login(AccountFactory(username="agent", email="agent@example.invalid"))
    response = client.post(
        "/annuaire/ajouter-une-organisation/",
        {
            "kind": "",
            "name": "Service fictif",
            "purpose": "x",
            "evidence": "Je suis la cheffe de service.",
        },
    )
    assert "Choisissez le type d&#x27;organisation." in response.content.decode()
    assert not Organisation.objects.exists()


def test_moderators_review_claims_in_the_back_office(client, organisation) -> None:
    from django.contrib.auth.models import Group

    from core.permissions import MODERATORS, ensure_roles
    from organisations import members
    from tests.factories import UserFactory

    ensure_roles()
    claimant = AccountFactory(username="camille", email="camille@gmail.com")
    claim = members.claim_start(organisation=organisation, user=claimant, evidence="Je suis la trésorière depuis 2022.")
    moderator = UserFactory(username="moderatrice", is_staff=True)
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    html = client.get("/admin/organisations/demandes/").content.decode()
    assert "Je suis la trésorière depuis 2022." in html
    assert f'action="/admin/organisations/demandes/{claim.pk}/"' in html
    assert f'<label for="reason-claim-{claim.pk}">Motif du refus</label>' in html
    client.post(f"/admin/organisations/demandes/{claim.pk}/", {"decision": "approve"})
    assert Membership.objects.get(organisation=organisation).user == claimant


def test_the_back_office_review_is_refused_to_members(client, organisation) -> None:
    client.force_login(member_of(organisation))
    assert client.get("/admin/organisations/demandes/").status_code in (302, 403)
