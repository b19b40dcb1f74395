from __future__ import annotations

import pytest

from catalysts.models import Catalyst
from reference.models import ActorKind

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["catalysts/catalyst", "catalysts/supportscheme"])
def test_snippets_are_listed_and_editable_in_the_back_office(admin_client, geography, model) -> None:
    assert admin_client.get(f"/admin/snippets/{model}/").status_code == 200
    assert admin_client.get(f"/admin/snippets/{model}/add/").status_code == 200


def test_an_editor_creates_a_catalyst_covering_a_region(admin_client, geography) -> None:
    kind = ActorKind.objects.get(slug="association")
    response = admin_client.post(
        "/admin/snippets/catalysts/catalyst/add/",
        {
            "name": "Catalyseur fictif de Provence",
            "slug": "catalyseur-fictif-de-provence",
            "kind": kind.pk,
            "description": "Exemple fictif.",
            "support_offered": "Animation.",
            "audiences": [kind.pk],
            "regions": ["93"],
            "contact_email": "contact@provence.example.org",
            "is_active": "on",
            "is_demo": "on",
        },
    )
    assert response.status_code == 302
    catalyst = Catalyst.objects.get(slug="catalyseur-fictif-de-provence")
    assert "13" in catalyst.covered_departement_codes()


def test_a_catalyst_without_any_contact_is_refused(admin_client, geography) -> None:
    kind = ActorKind.objects.get(slug="association")
    response = admin_client.post(
        "/admin/snippets/catalysts/catalyst/add/",
        {"name": "Sans contact", "slug": "sans-contact", "kind": kind.pk, "description": "x", "support_offered": "x"},
    )
    assert response.status_code == 200 and not Catalyst.objects.exists()
