"""Learning paths: steps ordered by maturity then phase, unpublished items hidden, audience filter."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from learning import selectors
from learning.models import LearningPath
from learning.services import StepSpec, learning_path_save
from resources.services import study_save
from tests.resources.factories import EventFactory, StudyFactory, ToolFactory

pytestmark = pytest.mark.django_db


def _path(*, steps: list[StepSpec], audience: str = "catalyseurs", slug: str = "parcours", publish: bool = True):
    return learning_path_save(
        title=f"Parcours {slug}", slug=slug, audience=audience, summary="Pour essayer.", steps=steps, publish=publish
    )


def test_steps_are_ordered_by_maturity_then_phase_then_the_editors_order() -> None:
    deepen = StudyFactory.create(title="Approfondir")
    evaluate = ToolFactory.create(title="Évaluer")
    design = ToolFactory.create(title="Concevoir")
    general = StudyFactory.create(title="Toutes phases")
    path = _path(
        steps=[
            StepSpec(maturity="approfondir", study=deepen),
            StepSpec(maturity="se-lancer", phase="evaluer", tool=evaluate),
            StepSpec(maturity="se-lancer", phase="concevoir", tool=design),
            StepSpec(maturity="se-lancer", study=general),
            StepSpec(maturity="decouvrir", kit_sheet="argumentaire"),
            StepSpec(maturity="decouvrir", kit_sheet="cartographie-des-outils"),
        ]
    )

    titles = [step.title for step in selectors.shown_steps(path)]

    assert titles == [
        "Fiche 1 : Argumentaire « l'ODD 17 en pratique : pourquoi et comment faire alliance ? »",
        "Fiche 4 : Cartographie des outils disponibles",
        "Toutes phases",
        "Concevoir",
        "Évaluer",
        "Approfondir",
    ]


def test_steps_are_grouped_by_maturity_without_empty_stages() -> None:
    path = _path(
        steps=[
            StepSpec(maturity="approfondir", study=StudyFactory.create()),
            StepSpec(maturity="decouvrir", tool=ToolFactory.create()),
        ]
    )

    stages = selectors.stages(selectors.shown_steps(path))

    assert [(stage.label, len(stage.steps)) for stage in stages] == [("Découvrir", 1), ("Approfondir", 1)]


def test_a_step_whose_item_is_a_draft_or_expired_is_not_shown() -> None:
    shown = StudyFactory.create(title="Publiée")
    draft = StudyFactory.create(title="Brouillon", draft=True)
    expired = StudyFactory.create(title="Expirée")
    expired.expire_at = timezone.now() - dt.timedelta(days=1)
    expired.save(update_fields=["expire_at"])
    draft_event = EventFactory.create(draft=True)
    path = _path(
        steps=[
            StepSpec(maturity="decouvrir", study=shown),
            StepSpec(maturity="decouvrir", study=draft),
            StepSpec(maturity="decouvrir", study=expired),
            StepSpec(maturity="decouvrir", event=draft_event),
        ]
    )

    assert [step.title for step in selectors.shown_steps(path)] == ["Publiée"]
    assert selectors.paths_by_audience("catalyseurs")[0].paths[0].step_count == 1


def test_a_step_is_hidden_once_its_item_is_unpublished() -> None:
    study = StudyFactory.create()
    path = _path(steps=[StepSpec(maturity="decouvrir", study=study)])

    study.unpublish()

    assert selectors.shown_steps(path) == []


def test_a_draft_path_is_neither_listed_nor_found() -> None:
    _path(slug="brouillon", steps=[StepSpec(maturity="decouvrir", kit_sheet="argumentaire")], publish=False)

    assert selectors.published_path("brouillon") is None
    assert all(not group.paths for group in selectors.paths_by_audience())


def test_every_audience_of_chantier_4_is_listed_even_without_a_path() -> None:
    _path(slug="decideurs", audience="decideurs", steps=[])

    groups = selectors.paths_by_audience()

    assert [(group.label, len(group.paths)) for group in groups] == [
        ("Les jeunes", 0),
        ("Les chefs de projets sectoriels et/ou territoriaux", 0),
        ("Les « catalyseurs »", 0),
        ("Les décideurs", 1),
    ]


def test_the_audience_filter_keeps_only_that_audience_and_its_paths() -> None:
    _path(slug="catalyse", audience="catalyseurs", steps=[])
    _path(slug="decision", audience="decideurs", steps=[])

    groups = selectors.paths_by_audience("decideurs")

    assert [(group.audience, [s.path.slug for s in group.paths]) for group in groups] == [("decideurs", ["decision"])]


def test_a_step_with_two_items_is_refused_and_nothing_is_written() -> None:
    with pytest.raises(ValidationError, match="Étape 1 : Choisissez un seul élément"):
        _path(steps=[StepSpec(maturity="decouvrir", study=StudyFactory.create(), kit_sheet="argumentaire")])

    assert not LearningPath.objects.exists()


def test_a_step_with_no_item_is_refused() -> None:
    with pytest.raises(ValidationError, match="Choisissez un seul élément"):
        _path(steps=[StepSpec(maturity="decouvrir")])


def test_a_demo_item_keeps_its_label_in_a_path() -> None:
    path = _path(
        steps=[
            StepSpec(
                maturity="decouvrir",
                study=study_save(
                    title="Fictive", summary="s", publisher="p", published_on=None, is_demo=True, publish=True
                ),
            )
        ]
    )

    assert [step.is_demo for step in selectors.shown_steps(path)] == [True]
