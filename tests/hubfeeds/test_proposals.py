from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from cases.models import Case
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/proposer-un-exemple/"


@pytest.fixture
def signed_in(client):
    client.force_login(UserFactory(username="proposante", email="p@example.invalid"))
    return client


def _proposal(**changes: str) -> dict[str, str]:
    data = {
        "title": "Une ressourcerie partagée",
        "summary": "Une association et une entreprise ouvrent une ressourcerie.",
        "objectives": "Réemployer les objets du quartier.",
        "modality": "mecenat",
        "start_year": "2024",
        "end_year": "",
        "territory_level": "france",
        "territory_code": "",
        "sdg_targets": "12.5, 17.17",
        "results": "",
        "partner_1_name": "Association fictive",
        "partner_1_kind": "association",
        "partner_1_role": "anime la ressourcerie",
        "partner_2_name": "Entreprise fictive",
        "partner_2_kind": "entreprise",
        "partner_2_role": "prête le local",
    }
    return {**data, **changes}


def test_a_proposal_is_saved_as_a_draft_invisible_to_the_public(signed_in, client, vocabularies) -> None:
    response = signed_in.post(URL, _proposal())
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.live is False
    assert [p.kind.slug for p in case.partners.all()] == ["association", "entreprise"]
    assert sorted(case.sdg_targets.values_list("code", flat=True)) == ["12.5", "17.17"]
    assert case.latest_revision.user.username == "proposante"
    signed_in.logout()
    assert client.get(case.get_absolute_url()).status_code == 404
    assert "Une ressourcerie partagée" not in client.get("/recherche/?q=ressourcerie").content.decode()
    assert "Une ressourcerie partagée" not in client.get("/exemples-inspirants/flux.xml").content.decode()


def test_a_proposal_with_one_partner_is_refused_in_french(signed_in, vocabularies) -> None:
    response = signed_in.post(URL, _proposal(partner_2_name="", partner_2_kind="", partner_2_role=""))
    assert "Une alliance réunit au moins 2 partenaires" in response.content.decode()
    assert not Case.objects.exists()


def test_a_partner_of_unknown_kind_is_refused_in_french(signed_in, vocabularies) -> None:
    response = signed_in.post(URL, _proposal(partner_2_kind="extraterrestre"))
    assert "Type d&#x27;acteur inconnu" in response.content.decode()
    assert not Case.objects.exists()


def test_an_unknown_sdg_target_is_refused_in_french(signed_in, vocabularies) -> None:
    response = signed_in.post(URL, _proposal(sdg_targets="12.5, 99.9"))
    assert "Cible d&#x27;ODD inconnue : 99.9." in response.content.decode()
    assert not Case.objects.exists()


def test_proposing_requires_signing_in(client, db) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/")


def test_the_proposal_form_renders(signed_in, vocabularies) -> None:
    html = signed_in.get(URL).content.decode()
    assert "Proposer un exemple inspirant" in html
    assert 'name="partner_4_kind"' in html


def test_a_proposal_waits_in_the_moderation_workflow_until_a_moderator_approves_it(
    signed_in, client, vocabularies
) -> None:
    from core.permissions import MODERATORS, ensure_roles

    ensure_roles()  # routes the hub's content, cases included, through « Validation par les modérateurs »
    assert signed_in.post(URL, _proposal()).status_code == 302
    case = Case.objects.get()
    state = case.current_workflow_state
    assert state is not None and state.requested_by.username == "proposante"
    assert state.current_task_state.revision == case.latest_revision
    assert case.live is False

    moderator = UserFactory(username="moderatrice")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    state.current_task_state.approve(user=moderator)
    case.refresh_from_db()
    assert case.live is True
    client.logout()
    assert client.get(case.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("level", "text", "code"),
    [
        ("commune", "marseille", "13055"),
        ("departement", "Bouches-du-Rhône", "13"),
        ("region", "Provence-Alpes-Côte d'Azur", "93"),
        ("commune", "13055", "13055"),
    ],
)
def test_the_territory_is_chosen_by_its_name(signed_in, vocabularies, territories, level, text, code) -> None:
    assert signed_in.post(URL, _proposal(territory_level=level, territory_code=text)).status_code == 302
    assert Case.objects.get().territory_code == code


def test_a_territory_name_of_several_communes_asks_which_in_french(signed_in, vocabularies, territories) -> None:
    html = signed_in.post(URL, _proposal(territory_level="commune", territory_code="Saint-Denis")).content.decode()
    assert "Plusieurs territoires de l&#x27;échelle « commune » correspondent à « Saint-Denis »" in html
    assert not Case.objects.exists()


def test_an_unknown_territory_name_is_refused_in_french(signed_in, vocabularies, territories) -> None:
    html = signed_in.post(URL, _proposal(territory_level="departement", territory_code="Atlantide")).content.decode()
    assert "Aucun territoire de l&#x27;échelle « département » ne s&#x27;appelle « Atlantide »" in html
    assert not Case.objects.exists()


def test_sdg_targets_are_ticked_by_name(signed_in, vocabularies) -> None:
    html = signed_in.get(URL).content.decode()
    assert 'name="sdg_targets" value="12.5"' in html and "Cible 12.5 — " in html
    assert signed_in.post(URL, _proposal(sdg_targets=["12.5", "17.17"])).status_code == 302
    assert sorted(Case.objects.get().sdg_targets.values_list("code", flat=True)) == ["12.5", "17.17"]


def test_ticked_sdg_targets_stay_ticked_when_the_form_comes_back_with_errors(signed_in, vocabularies) -> None:
    html = signed_in.post(URL, _proposal(title="", sdg_targets=["12.5"])).content.decode()
    assert 'value="12.5" checked' in html
    assert 'value="17.17" checked' not in html


def test_the_proposal_form_is_a_three_step_dsfr_stepper_keeping_input_on_errors(signed_in, vocabularies) -> None:
    html = signed_in.post(URL, _proposal(start_year="")).content.decode()
    for state in ("Étape 1 sur 3", "Étape 2 sur 3", "Étape 3 sur 3"):
        assert f'<span class="fr-stepper__state">{state}</span>' in html
    assert 'value="Une ressourcerie partagée"' in html and 'value="prête le local"' in html
