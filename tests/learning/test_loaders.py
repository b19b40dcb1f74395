"""The initial paths of data/learning/paths.yml: real content only, loaded once, editors' work kept."""

from __future__ import annotations

import pytest

from core.loading import LoadReport
from learning.loaders import load_paths
from learning.models import LearningPath, LearningStep

pytestmark = pytest.mark.django_db


def test_the_initial_paths_point_only_to_real_published_items(reference_data) -> None:
    steps = LearningStep.objects.select_related("study", "event")

    assert set(LearningPath.objects.published().values_list("audience", flat=True)) == {
        "decideurs",
        "catalyseurs",
        "chefs-de-projets",
    }
    assert steps.exists()
    for step in steps:
        if step.study_id or step.event_id:
            assert step.item.is_demo is False and step.item.live is True
        assert step.note


def test_a_second_load_changes_nothing(reference_data) -> None:
    report = LoadReport()

    load_paths(report)

    assert report.changed == 0


def test_a_path_edited_in_the_back_office_is_not_overwritten(reference_data, admin_user) -> None:
    path = LearningPath.objects.get(slug="animer-les-demarches-locales")
    path.title = "Titre choisi par l'équipe"
    path.save()
    path.save_revision(user=admin_user).publish(user=admin_user)

    load_paths(LoadReport())

    assert LearningPath.objects.get(slug="animer-les-demarches-locales").title == "Titre choisi par l'équipe"
