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
    assert WorkflowContentType.objects.get(content_type=case_type).workflow.name == "Validation par les modérateurs"


def test_an_editor_cannot_reach_the_roadmap_forms(client, programme) -> None:
    client.force_login(_member(EDITORIAL_TEAM))
    response = client.get("/admin/snippets/roadmap/review/add/")
    assert response.status_code == 302
    assert not response["Location"].endswith("/add/")


def test_the_editorial_team_can_upload_and_choose_images_and_documents() -> None:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    editor = _member(EDITORIAL_TEAM)
    for policy in (policy_registry.get_by_type(get_image_model()), policy_registry.get_by_type(get_document_model())):
        assert policy.user_has_permission(editor, "add")
        assert policy.user_has_permission(editor, "choose")


def test_wagtail_s_groups_and_workflow_are_named_in_french() -> None:
    from wagtail.models import Task, Workflow

    ensure_roles()
    ensure_roles()  # idempotent
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Modérateurs", "Rédacteurs", EDITORIAL_TEAM, MISSION_TEAM} <= names
    assert not names & {"Moderators", "Editors"}
    assert Workflow.objects.filter(name="Validation par les modérateurs").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()


def test_a_database_that_lost_the_moderation_workflow_gets_it_back() -> None:
    from wagtail.models import Task, Workflow

    Workflow.objects.all().delete()
    Task.objects.all().delete()
    ensure_roles()
    case_type = ContentType.objects.get_by_natural_key("cases", "case")
    workflow = WorkflowContentType.objects.get(content_type=case_type).workflow
    task = workflow.tasks.get().specific
    assert (workflow.name, list(task.groups.values_list("name", flat=True))) == (
        "Validation par les modérateurs",
        [MODERATORS],
    )
    ensure_roles()  # idempotent
    assert Workflow.objects.count() == 1
