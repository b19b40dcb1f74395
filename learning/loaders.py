"""Load the initial learning paths of data/learning/paths.yml (real platform content only).

Each step names a study or event of data/seed/ by its slug, or one of the kit's sheets. A step
that names an item the platform does not hold stops the load with a French message (the data file
is wrong, nothing is guessed). A path is matched by its slug; an unchanged one is left alone, and
one that a person has edited in the back office is never overwritten.
"""

from __future__ import annotations

from typing import Any

from core.loading import LoadReport, read_yaml
from hub.kit import SHEETS_BY_SLUG
from learning.models import LearningPath
from learning.services import StepSpec, learning_path_save
from resources.models import Event, Study

LABEL = "parcours d'apprentissage"


def _step(record: dict[str, Any], path_slug: str) -> StepSpec:
    common = {"maturity": record["maturity"], "phase": record.get("phase", ""), "note": record.get("note", "")}
    if "study" in record:
        study = Study.objects.real().filter(slug=record["study"]).first()
        if study is None:
            raise ValueError(f"Parcours « {path_slug} » : aucune étude réelle d'identifiant « {record['study']} ».")
        return StepSpec(study=study, **common)
    if "event" in record:
        event = Event.objects.real().filter(slug=record["event"]).first()
        if event is None:
            raise ValueError(f"Parcours « {path_slug} » : aucun événement réel d'identifiant « {record['event']} ».")
        return StepSpec(event=event, **common)
    if record.get("kit_sheet") in SHEETS_BY_SLUG:
        return StepSpec(kit_sheet=record["kit_sheet"], **common)
    raise ValueError(f"Parcours « {path_slug} » : étape sans étude, événement ni fiche du kit connue ({record}).")


def _unchanged(path: LearningPath, values: dict[str, str], steps: list[StepSpec]) -> bool:
    if not path.live or any(getattr(path, name) != value for name, value in values.items()):
        return False
    current = [
        (s.maturity, s.phase, s.study_id, s.event_id, s.kit_sheet, s.note) for s in path.steps.order_by("sort_order")
    ]
    wanted = [
        (s.maturity, s.phase, s.study.pk if s.study else None, s.event.pk if s.event else None, s.kit_sheet, s.note)
        for s in steps
    ]
    return current == wanted


def _edited_by_person(path: LearningPath) -> bool:
    revision = path.latest_revision
    return revision is not None and revision.user_id is not None


def load_paths(report: LoadReport) -> None:
    for record in read_yaml("learning/paths.yml"):
        slug = record["slug"]
        values = {
            "title": record["title"],
            "audience": record["audience"],
            "summary": record["summary"],
            "source": record["source"],
        }
        steps = [_step(step, slug) for step in record["steps"]]
        existing = LearningPath.objects.filter(slug=slug).first()
        if existing is not None and (_edited_by_person(existing) or _unchanged(existing, values, steps)):
            report.add(LABEL, "unchanged")
            continue
        learning_path_save(path=existing, slug=slug, steps=steps, publish=True, **values)
        report.add(LABEL, "created" if existing is None else "updated")
