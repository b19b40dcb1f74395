"""Writes of the learning paths: a path and its steps are saved together, as one revision."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from learning.models import LearningPath, LearningStep
from resources.models import Event, Study, Tool


@dataclass(frozen=True)
class StepSpec:
    """One step to save: exactly one of ``tool``, ``study``, ``event``, ``kit_sheet``."""

    maturity: str
    phase: str = ""
    tool: Tool | None = None
    study: Study | None = None
    event: Event | None = None
    kit_sheet: str = ""
    note: str = ""


@transaction.atomic
def learning_path_save(
    *,
    path: LearningPath | None = None,
    title: str,
    slug: str,
    audience: str,
    summary: str,
    steps: Sequence[StepSpec],
    source: str = "",
    publish: bool = False,
    user: AbstractBaseUser | None = None,
) -> LearningPath:
    """Create or update ``path`` with ``steps`` in this order (replacing its steps); publish when asked.

    Invalid values raise ValidationError (French messages) before anything is written.
    """
    if path is None:
        path = LearningPath(live=False)
    path.title, path.slug, path.audience, path.summary, path.source = title, slug, audience, summary, source
    path.full_clean(exclude=["steps"])
    new_steps = []
    for order, spec in enumerate(steps):
        step = LearningStep(
            maturity=spec.maturity,
            phase=spec.phase,
            tool=spec.tool,
            study=spec.study,
            event=spec.event,
            kit_sheet=spec.kit_sheet,
            note=spec.note,
            sort_order=order,
        )
        try:
            step.full_clean(exclude=["path"])
        except ValidationError as error:
            raise ValidationError(f"Étape {order + 1} : {' '.join(error.messages)}") from error
        new_steps.append(step)
    path.steps = new_steps
    path.save()
    revision = path.save_revision(user=user)
    if publish:
        revision.publish(user=user, skip_permission_checks=True)
        path.refresh_from_db()
    return path
