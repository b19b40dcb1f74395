"""Read-only API of the learning paths (« apprendre à faire alliance »): published paths and their shown steps."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import ValidationError
from ninja.pagination import LimitOffsetPagination, paginate

from learning import selectors
from learning.models import Audience, LearningPath, LearningStep

router = Router(tags=["Apprendre à faire alliance"])


class StepOut(Schema):
    kind: str
    kind_label: str
    title: str
    url: str
    maturity: str
    phase: str | None
    note: str
    is_demo: bool


class PathOut(Schema):
    slug: str
    title: str
    audience: str
    audience_label: str
    summary: str
    source: str
    url: str
    steps: list[StepOut]


def _step_out(step: LearningStep) -> dict[str, Any]:
    return {
        "kind": step.kind,
        "kind_label": step.kind_label,
        "title": step.title,
        "url": step.url,
        "maturity": step.maturity,
        "phase": step.phase or None,
        "note": step.note,
        "is_demo": step.is_demo,
    }


def _path_out(path: LearningPath) -> dict[str, Any]:
    return {
        "slug": path.slug,
        "title": path.title,
        "audience": path.audience,
        "audience_label": path.get_audience_display(),
        "summary": path.summary,
        "source": path.source,
        "url": path.get_absolute_url(),
        "steps": [_step_out(step) for step in selectors.shown_steps(path)],
    }


@router.get(
    "/paths",
    response=list[PathOut],
    summary="Parcours publiés, par public (les 4 cibles du chantier 4), avec leurs étapes publiées dans l'ordre",
)
@paginate(LimitOffsetPagination)
def list_paths(request: HttpRequest, audience: str = "") -> list[dict[str, Any]]:
    if audience and audience not in Audience.values:
        message = f"Public inconnu. Valeurs possibles : {', '.join(Audience.values)}."
        raise ValidationError([{"loc": ["query", "audience"], "msg": message, "type": "value_error"}])
    return [_path_out(summary.path) for group in selectors.paths_by_audience(audience) for summary in group.paths]
