"""Load the first version of the questionnaire from data/orientation/questionnaire.yml, once.

A version that exists is never rewritten (answer sets keep it): the loader creates the file's
version only when no version bears its number, then publishes it. Later versions are the editors'
(back office). Unknown references in the file (profile, modality, study, force, question or answer)
stop the load with a French message naming them: the file is reference data, not input to guess at.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from core.loading import LoadReport, read_yaml
from hub.kit import SHEETS_BY_SLUG
from orientation import services
from orientation.models import Choice, Question, QuestionnaireVersion, Rule, RuleCondition, TargetKind
from reference.models import ActorKind, ForceOfChange, PartnershipModality
from resources.models import Study

DATA_FILE = "orientation/questionnaire.yml"


class QuestionnaireFileError(ValueError):
    pass


def load_questionnaire(report: LoadReport, *, data: dict[str, Any] | None = None) -> QuestionnaireVersion:
    data = read_yaml(DATA_FILE) if data is None else data
    label = str(QuestionnaireVersion._meta.verbose_name_plural)
    existing = QuestionnaireVersion.objects.filter(number=data["number"]).first()
    if existing is not None:
        report.add(label, "unchanged")
        return existing
    with transaction.atomic():
        version = _create(data)
        services.version_publish(version=version)
    report.add(label, "created")
    return version


def _create(data: dict[str, Any]) -> QuestionnaireVersion:
    version = QuestionnaireVersion.objects.create(
        number=data["number"],
        title=data["title"],
        introduction=data.get("introduction", ""),
        provenance=data.get("provenance", ""),
    )
    kinds = {kind.slug: kind for kind in ActorKind.objects.all()}
    modalities = {modality.slug: modality for modality in PartnershipModality.objects.all()}
    choices: dict[tuple[str, str], Choice] = {}
    for position, item in enumerate(data["questions"], start=1):
        question = Question.objects.create(
            version=version,
            key=item["key"],
            position=position,
            text=item["text"],
            help_text=item.get("help_text", ""),
            kind=item.get("kind", "single"),
            role=item.get("role", "other"),
        )
        question.audiences.set([_get(kinds, slug, "profil") for slug in item.get("audiences", [])])
        question.save()
        for sort_order, entry in enumerate(item["choices"]):
            choices[(question.key, entry["key"])] = Choice.objects.create(
                question=question,
                sort_order=sort_order,
                key=entry["key"],
                label=entry["label"],
                is_unknown=entry.get("unknown", False),
                actor_kind=_get(kinds, entry["actor_kind"], "profil") if entry.get("actor_kind") else None,
                maturity=entry.get("maturity", ""),
                phase=entry.get("phase", ""),
                modality=_get(modalities, entry["modality"], "modalité") if entry.get("modality") else None,
            )
    for position, item in enumerate(data.get("rules", []), start=1):
        rule = Rule.objects.create(version=version, position=position, reason=item["reason"], **_target(item))
        for sort_order, (question_key, choice_key) in enumerate(item["when"].items()):
            choice = _get(choices, (question_key, choice_key), "réponse")
            RuleCondition.objects.create(rule=rule, choice=choice, sort_order=sort_order)
    return version


def _target(item: dict[str, Any]) -> dict[str, Any]:
    if "kit_sheet" in item:
        if item["kit_sheet"] not in SHEETS_BY_SLUG:
            raise QuestionnaireFileError(f"{DATA_FILE} : fiche du kit inconnue « {item['kit_sheet']} ».")
        return {"target_kind": TargetKind.KIT_SHEET, "kit_sheet": item["kit_sheet"]}
    if "study" in item:
        study = Study.objects.filter(slug=item["study"]).first()
        if study is None:
            raise QuestionnaireFileError(f"{DATA_FILE} : étude inconnue « {item['study']} ».")
        return {"target_kind": TargetKind.STUDY, "study": study}
    if "force" in item:
        force = ForceOfChange.objects.filter(number=item["force"]).first()
        if force is None:
            raise QuestionnaireFileError(f"{DATA_FILE} : force du changement inconnue « {item['force']} ».")
        return {"target_kind": TargetKind.FORCE, "force": force}
    raise QuestionnaireFileError(f"{DATA_FILE} : une règle ne dit pas ce qu'elle propose ({item}).")


def _get(mapping: dict[Any, Any], key: Any, what: str) -> Any:
    if key not in mapping:
        raise QuestionnaireFileError(f"{DATA_FILE} : {what} inconnu(e) « {key} ».")
    return mapping[key]
