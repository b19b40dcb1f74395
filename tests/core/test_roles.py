"""Who may write what in the back office (permissions checked by Wagtail on the server)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from wagtail.models import WorkflowContentType

from core.permissions import EDITORIAL_TEAM, MISSION_TEAM, MODERATORS, ensure_roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _member(role: str):
    ensure_roles()
    user = UserFactory()
    user.groups.add(Group.objects.get(name=role))
    return user


def test_the_editorial_team_drafts_hub_content_but_cannot_publish_it() -> None:
    editor = _member(EDITORIAL_TEAM)
    assert editor.has_perm("cases.add_case")
    assert editor.has_perm("resources.change_tool")
    assert not editor.has_perm("cases.publish_case")
    assert editor.has_perm("catalysts.change_catalyst")
    assert not editor.has_perm("roadmap.add_review")


def test_moderators_publish_hub_content_but_not_the_roadmap() -> None:
    moderator = _member(MODERATORS)
    assert moderator.has_perm("cases.publish_case")
    assert moderator.has_perm("resources.publish_event")
    assert not moderator.has_perm("roadmap.change_measure")


def test_the_mission_team_writes_the_roadmap_only() -> None:
    member = _member(MISSION_TEAM)
    assert member.has_perm("roadmap.publish_measure")
    assert not member.has_perm("cases.add_case")


def test_hub_content_goes_through_the_moderation_workflow() -> None:
    ensure_roles()
    case_type = ContentType.objects.get_by_natural_key("cases", "case")
    assert WorkflowContentType.objects.get(content_type=case_type).workflow.name == "Moderators approval"


def test_an_editor_cannot_reach_the_roadmap_forms(client, programme) -> None:
    client.force_login(_member(EDITORIAL_TEAM))
    response = client.get("/admin/snippets/roadmap/review/add/")
    assert response.status_code == 302
    assert not response["Location"].endswith("/add/")
