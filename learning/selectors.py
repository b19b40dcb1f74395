"""Reads of the learning paths: the published paths per audience and, in each, the steps shown.

A step is shown only when its item is published (``published()`` of the resources: live and not
expired) or is one of the kit's 4 sheets; the steps are ordered by maturity, then phase, then the
editor's order (``LearningStep.rank``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from hub.kit import SHEETS_BY_SLUG
from learning.models import Audience, LearningPath, LearningStep
from resources.models import Event, Maturity, Study, Tool


@dataclass
class PathSummary:
    path: LearningPath
    step_count: int


@dataclass
class AudienceGroup:
    audience: str
    label: str
    paths: list[PathSummary] = field(default_factory=list)


@dataclass(frozen=True)
class MaturityStage:
    maturity: str
    label: str
    steps: list[LearningStep]


def _shown_steps() -> Q:
    return (
        Q(kit_sheet__in=list(SHEETS_BY_SLUG))
        | Q(tool__in=Tool.objects.published())
        | Q(study__in=Study.objects.published())
        | Q(event__in=Event.objects.published())
    )


def shown_steps(path: LearningPath) -> list[LearningStep]:
    """The steps of ``path`` whose item is published, in the path's order."""
    steps = LearningStep.objects.filter(path=path).filter(_shown_steps()).select_related("tool", "study", "event")
    return sorted(steps, key=lambda step: step.rank)


def stages(steps: list[LearningStep]) -> list[MaturityStage]:
    """The steps grouped by maturity (Découvrir, Se lancer, Approfondir), leaving out the empty ones."""
    by_maturity: dict[str, list[LearningStep]] = defaultdict(list)
    for step in steps:
        by_maturity[step.maturity].append(step)
    return [
        MaturityStage(maturity=value, label=str(label), steps=by_maturity[value])
        for value, label in Maturity.choices
        if by_maturity[value]
    ]


def paths_by_audience(audience: str = "") -> list[AudienceGroup]:
    """Every audience of chantier 4 (or only ``audience``) with its published paths and their shown steps."""
    groups = [
        AudienceGroup(value, str(label)) for value, label in Audience.choices if not audience or value == audience
    ]
    published = LearningPath.objects.published()
    if audience:
        published = published.for_audience(audience)
    paths = list(published.order_by("audience", "title"))
    counts: dict[int, int] = defaultdict(int)
    for path_id in (
        LearningStep.objects.filter(path__in=[p.pk for p in paths])
        .filter(_shown_steps())
        .values_list("path_id", flat=True)
    ):
        counts[path_id] += 1
    by_audience = {group.audience: group for group in groups}
    for path in paths:
        by_audience[path.audience].paths.append(PathSummary(path=path, step_count=counts[path.pk]))
    return groups


def published_path(slug: str) -> LearningPath | None:
    return LearningPath.objects.published().filter(slug=slug).first()
