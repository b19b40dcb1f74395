"""A case's partner can be an organisation of the directory: chosen by identifier, linked both ways."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from cases.models import Case
from core.permissions import MODERATORS, ensure_roles
from organisations.models import RegisterSource
from organisations.selectors import organisation_by_identifier
from tests.accounts.factories import AccountFactory
from tests.factories import UserFactory
from tests.hubfeeds.test_proposals import _proposal
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def association(vocabularies):
    return OrganisationFactory(
        name="Ressourcerie du Panier (exemple fictif)",
        source=RegisterSource.RNA,
        register_id="W133000001",
        rna="W133000001",
    )


@pytest.mark.parametrize("text", ["W133000001", " w133 000 001 ", "/annuaire/{pk}/", "http://x.fr/annuaire/{pk}/"])
def test_an_organisation_is_found_by_rna_number_or_directory_address(association, text) -> None:
    assert organisation_by_identifier(text.format(pk=association.pk)) == association


def test_an_organisation_is_found_by_siren_or_siret(vocabularies) -> None:
    company = OrganisationFactory(source=RegisterSource.SIRENE, register_id="552100554", siren="552100554")
    assert organisation_by_identifier("552 100 554") == company
    assert organisation_by_identifier("55210055400013") == company


def test_an_unknown_identifier_finds_nothing(association) -> None:
    assert organisation_by_identifier("W999999999") is None
    assert organisation_by_identifier("n'importe quoi") is None


def test_a_proposed_partner_chosen_in_the_directory_is_linked_and_listed_once_published(client, association) -> None:
    ensure_roles()
    client.force_login(AccountFactory(username="camille", email="camille@example.invalid"))
    data = _proposal(partner_1_name="", partner_1_kind="", partner_1_organisation="W133000001")
    assert client.post("/proposer-un-exemple/", data).status_code == 302
    case = Case.objects.get()
    partner = case.partners.first()
    assert (partner.organisation, partner.name, partner.kind.slug) == (
        association,
        "Ressourcerie du Panier (exemple fictif)",
        "association",
    )
    client.logout()
    assert case.title not in client.get(f"/annuaire/{association.pk}/").content.decode()  # not yet published

    moderator = UserFactory(username="moderatrice")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    case.current_workflow_state.current_task_state.approve(user=moderator)
    assert case.title in client.get(f"/annuaire/{association.pk}/").content.decode()
    assert f'href="/annuaire/{association.pk}/"' in client.get(case.get_absolute_url()).content.decode()


def test_an_unknown_partner_identifier_is_refused_in_french(client, association) -> None:
    client.force_login(AccountFactory(username="camille", email="camille@example.invalid"))
    response = client.post("/proposer-un-exemple/", _proposal(partner_1_organisation="W000000000"))
    assert "Aucune organisation de l&#x27;annuaire ne correspond" in response.content.decode()
    assert not Case.objects.exists()


def _partner_of_proposal(client, text: str):
    client.force_login(AccountFactory(username="camille", email="camille@example.invalid"))
    data = _proposal(partner_1_name="", partner_1_kind="", partner_1_organisation=text)
    assert client.post("/proposer-un-exemple/", data).status_code == 302
    return Case.objects.get().partners.first().organisation


@pytest.mark.parametrize("text", ["ressourcerie du panier (exemple fictif)", "Ressourcerie du Panier — W133000001"])
def test_a_partner_is_chosen_without_javascript_by_its_name_or_as_the_autocomplete_writes_it(
    client, association, text
) -> None:
    ensure_roles()
    assert _partner_of_proposal(client, text) == association


def test_two_homonyms_ask_for_an_identifier_in_french(client, association) -> None:
    OrganisationFactory(name="Ressourcerie du Panier (exemple fictif)")
    client.force_login(AccountFactory(username="camille", email="camille@example.invalid"))
    data = _proposal(partner_1_organisation="Ressourcerie du Panier (exemple fictif)")
    html = client.post("/proposer-un-exemple/", data).content.decode()
    assert "Plusieurs organisations de l&#x27;annuaire s&#x27;appellent" in html
    assert not Case.objects.exists()


def test_the_organisations_api_finds_an_organisation_by_siret(client, vocabularies) -> None:
    company = OrganisationFactory(name="Entreprise fictive", source=RegisterSource.SIRENE, register_id="552100554")
    OrganisationFactory(name="Autre entreprise fictive 55210055400013")
    items = client.get("/api/v1/organisations?q=552 100 554 00013").json()["items"]
    assert [item["id"] for item in items] == [company.pk]


def test_the_proposal_page_offers_the_autocomplete_as_a_static_script(client, vocabularies) -> None:
    client.force_login(AccountFactory(username="camille", email="camille@example.invalid"))
    html = client.get("/proposer-un-exemple/").content.decode()
    assert 'data-source="/api/v1/organisations"' in html
    assert html.count("data-partner-organisation") == 4
    assert "/static/alerts/partner-autocomplete.js" in html
