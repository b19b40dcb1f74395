"""The mission team edits the roadmap in Wagtail; nobody else can write it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import ModelLogEntry

from core.permissions import MISSION_TEAM, ensure_roles
from roadmap.models import Measure, Review, ReviewStatus
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ADD_REVIEW_URL = "/admin/snippets/roadmap/review/add/"


@pytest.fixture
def mission_member(programme):
    ensure_roles()
    user = UserFactory(username="membre-mission")
    user.groups.add(Group.objects.get(name=MISSION_TEAM))
    return user


@pytest.fixture
def editor_without_role(programme):
    """Can enter the back office, but does not belong to the mission team."""
    user = UserFactory(username="redacteur")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def _review_form(programme, **overrides) -> dict:
    data = {
        "programme": programme.pk,
        "measure": Measure.objects.get(programme=programme, number=4).pk,
        "workstream": "",
        "date": "2021-10-01",
        "status": ReviewStatus.objects.get(slug="lancee").pk,
        "progress": "",
        "text": "Les événements de référence ont intégré les alliances.",
        "next_steps": "",
        "next_step_date": "",
        "status_justification": "",
        "source": "",
        "evidence_links-TOTAL_FORMS": "0",
        "evidence_links-INITIAL_FORMS": "0",
        "evidence_links-MIN_NUM_FORMS": "0",
        "evidence_links-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_the_mission_team_adds_a_review_with_its_author_and_history(client, programme, mission_member) -> None:
    client.force_login(mission_member)
    response = client.post(ADD_REVIEW_URL, _review_form(programme))
    assert response.status_code == 302
    review = Review.objects.get(measure__number=4)
    assert review.author == mission_member
    assert review.progress == 10
    entry = ModelLogEntry.objects.get(action="wagtail.create", object_id=str(review.pk))
    assert entry.user == mission_member


def test_a_review_dated_in_the_future_is_a_french_form_error(client, programme, mission_member) -> None:
    client.force_login(mission_member)
    response = client.post(ADD_REVIEW_URL, _review_form(programme, date="2999-01-01"))
    assert response.status_code == 200
    assert "La date du bilan ne peut pas être dans le futur." in response.content.decode()
    assert not Review.objects.filter(measure__number=4).exists()


def test_a_review_without_status_is_a_form_error(client, programme, mission_member) -> None:
    client.force_login(mission_member)
    response = client.post(ADD_REVIEW_URL, _review_form(programme, status=""))
    assert response.status_code == 200
    assert "Champ requis." in response.content.decode()
    assert not Review.objects.filter(measure__number=4).exists()


def test_a_user_without_the_role_cannot_write(client, programme, editor_without_role) -> None:
    client.force_login(editor_without_role)
    response = client.post(ADD_REVIEW_URL, _review_form(programme))
    assert response.status_code == 302  # Wagtail sends the user back with « permission » message
    assert not Review.objects.filter(measure__number=4).exists()
    ajax = client.post(ADD_REVIEW_URL, _review_form(programme), headers={"x-requested-with": "XMLHttpRequest"})
    assert ajax.status_code == 403


def test_an_anonymous_write_is_refused(client, programme) -> None:
    response = client.post(ADD_REVIEW_URL, _review_form(programme))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert not Review.objects.filter(measure__number=4).exists()


def test_editing_a_measure_keeps_a_revision_with_author(client, programme, mission_member) -> None:
    client.force_login(mission_member)
    measure = Measure.objects.get(programme=programme, number=2)
    url = f"/admin/snippets/roadmap/measure/edit/{measure.pk}/"
    form = client.get(url).context["form"]
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data.update(
        programme=programme.pk,
        workstreams=[],
        facilitators="Réseaux d'ingénierie territoriale",
    )
    data["action-publish"] = "action-publish"
    data.pop("workstreams")
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    measure.refresh_from_db()
    assert measure.facilitators == "Réseaux d'ingénierie territoriale"
    revision = measure.latest_revision
    assert revision is not None and revision.user == mission_member


def test_the_mission_team_freezes_a_bilan_from_the_back_office(client, programme, mission_member) -> None:
    client.force_login(mission_member)
    response = client.post(
        "/admin/snippets/roadmap/bilan/add/",
        {
            "programme": programme.pk,
            "title": "Bilan à 18 mois",
            "slug": "bilan-18-mois",
            "date": "2021-11-07",
            "summary": "État des mesures à 18 mois.",
            "is_published": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    bilan = programme.bilans.get(slug="bilan-18-mois")
    assert bilan.author == mission_member
    assert bilan.entries.count() == 21
    assert ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(bilan.pk)).exists()
    assert client.get("/feuille-de-route/bilans/bilan-18-mois/").status_code == 200


def test_a_bilan_dated_in_the_future_is_refused_in_the_back_office(client, programme, mission_member) -> None:
    client.force_login(mission_member)
    response = client.post(
        "/admin/snippets/roadmap/bilan/add/",
        {"programme": programme.pk, "title": "Bilan futur", "slug": "bilan-futur", "date": "2999-01-01"},
    )
    assert response.status_code == 200
    assert "La date d&#x27;un bilan ne peut pas être dans le futur." in response.content.decode()
    assert not programme.bilans.filter(slug="bilan-futur").exists()
