from __future__ import annotations

import pytest

from cases.models import Case
from reference.models import ActorKind, PartnershipModality
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.mark.parametrize(
    "model", ["cases/case", "resources/tool", "resources/study", "resources/newsitem", "resources/event"]
)
def test_editors_can_open_the_add_form_of_every_hub_snippet(admin_client, vocabularies, model) -> None:
    assert admin_client.get(f"/admin/snippets/{model}/add/").status_code == 200


def _form(partner_count: int) -> dict[str, str]:
    association = ActorKind.objects.get(slug="association").pk
    mecenat = PartnershipModality.objects.get(slug="mecenat").pk
    partners = {}
    for i in range(partner_count):
        partners |= {
            f"partners-{i}-name": f"Partenaire fictif {i}",
            f"partners-{i}-kind": str(association),
            f"partners-{i}-role": "porte le projet",
            f"partners-{i}-ORDER": str(i + 1),
        }
    return {
        "title": "Alliance incomplète",
        "slug": "alliance-incomplete",
        "summary": "x",
        "modality": str(mecenat),
        "objectives": "x",
        "territory_level": "france",
        "start_year": "2020",
        "partners-TOTAL_FORMS": str(partner_count),
        "partners-INITIAL_FORMS": "0",
        "partners-MIN_NUM_FORMS": "2",
        "partners-MAX_NUM_FORMS": "1000",
        "sources-TOTAL_FORMS": "0",
        "sources-INITIAL_FORMS": "0",
        "sources-MIN_NUM_FORMS": "0",
        "sources-MAX_NUM_FORMS": "1000",
        **partners,
    }


def test_a_case_proposed_in_the_back_office_with_one_partner_is_refused(admin_client, vocabularies) -> None:
    response = admin_client.post("/admin/snippets/cases/case/add/", _form(1))
    assert response.status_code == 200  # the form comes back with its errors
    assert "au moins 2 partenaires" in response.content.decode()
    assert not Case.objects.exists()


def test_a_case_with_two_partners_is_saved_as_a_draft_waiting_for_review(admin_client, vocabularies) -> None:
    response = admin_client.post("/admin/snippets/cases/case/add/", _form(2))
    assert response.status_code == 302
    case = Case.objects.get()
    assert (case.partners.count(), case.live) == (2, False)
