from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from contact.models import ContactMessage
from core.permissions import MISSION_TEAM, ensure_roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LISTING = "/admin/snippets/contact/contactmessage/"


@pytest.fixture
def message() -> ContactMessage:
    return ContactMessage.objects.create(subject="question", email="camille@example.invalid", message="Bonjour.")


@pytest.fixture
def mission_member(reference_data):
    ensure_roles()
    user = UserFactory(username="mission")
    user.groups.add(Group.objects.get(name=MISSION_TEAM))
    return user


def test_the_mission_team_reads_the_messages(client, mission_member, message) -> None:
    client.force_login(mission_member)
    assert "camille@example.invalid" in client.get(LISTING).content.decode()
    inspect = client.get(f"{LISTING}inspect/{message.pk}/")
    assert inspect.status_code == 200 and "Bonjour." in inspect.content.decode()


def test_nobody_adds_or_edits_a_message_in_the_back_office(client, message) -> None:
    client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))
    assert client.get(f"{LISTING}add/").status_code in (302, 403)
    assert client.get(f"{LISTING}edit/{message.pk}/").status_code in (302, 403)
    assert client.get(f"{LISTING}inspect/{message.pk}/").status_code == 200
