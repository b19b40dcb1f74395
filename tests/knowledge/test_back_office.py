"""The mission team corrects the seed's actors, history and observatory figures in the back office."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from core.permissions import MISSION_TEAM, ensure_roles
from knowledge.models import ReferenceActor
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mission_member(reference_data):
    ensure_roles()
    user = UserFactory(username="membre-mission")
    user.groups.add(Group.objects.get(name=MISSION_TEAM))
    return user


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/knowledge/referenceactor/",
        "/admin/snippets/knowledge/milestone/",
        "/admin/snippets/observatory/survey/",
        "/admin/snippets/observatory/surveyfigure/",
    ],
)
def test_the_mission_team_sees_the_seed_records_in_the_back_office(client, mission_member, url) -> None:
    client.force_login(mission_member)
    response = client.get(url)
    assert response.status_code == 200


def test_the_mission_team_corrects_an_actor_and_its_page_shows_it(client, mission_member) -> None:
    client.force_login(mission_member)
    actor = ReferenceActor.objects.get(slug="fonds-i")
    response = client.post(
        f"/admin/snippets/knowledge/referenceactor/edit/{actor.pk}/",
        {
            "name": actor.name,
            "slug": actor.slug,
            "kind": actor.kind,
            "description": actor.description + " (corrigé)",
            "link": actor.link,
            "source": actor.source,
            "source_section": actor.source_section,
            "source_passage": actor.source_passage,
        },
    )
    assert response.status_code == 302
    assert "(corrigé)" in client.get(actor.get_absolute_url()).content.decode()


def test_a_person_without_role_cannot_edit_the_seed_records(client, reference_data) -> None:
    client.force_login(UserFactory(username="visiteur"))
    actor = ReferenceActor.objects.get(slug="fonds-i")
    client.post(f"/admin/snippets/knowledge/referenceactor/edit/{actor.pk}/", {"name": "Changé"})
    assert ReferenceActor.objects.get(pk=actor.pk).name == "Fonds i"
