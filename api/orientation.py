"""Read-only API of the orientation questionnaire « Par où commencer ? »: its published versions, with their
questions, answers and routing rules (people's answers are personal and never exposed)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from orientation.models import Choice, Question, QuestionnaireVersion, Rule

router = Router(tags=["Orientation « Par où commencer ? »"])


class ChoiceOut(Schema):
    key: str
    label: str
    is_unknown: bool
    profile: str | None
    maturity: str | None
    phase: str | None
    modality: str | None

    @staticmethod
    def resolve_profile(obj: Choice) -> str | None:
        return obj.actor_kind.slug if obj.actor_kind else None

    @staticmethod
    def resolve_maturity(obj: Choice) -> str | None:
        return obj.maturity or None

    @staticmethod
    def resolve_phase(obj: Choice) -> str | None:
        return obj.phase or None

    @staticmethod
    def resolve_modality(obj: Choice) -> str | None:
        return obj.modality.slug if obj.modality else None


class QuestionOut(Schema):
    key: str
    text: str
    help_text: str
    kind: str
    role: str
    profiles: list[str]
    choices: list[ChoiceOut]

    @staticmethod
    def resolve_profiles(obj: Question) -> list[str]:
        return [kind.slug for kind in obj.audiences.all()]

    @staticmethod
    def resolve_choices(obj: Question) -> list[Choice]:
        return list(obj.choices.all())


class ConditionOut(Schema):
    question: str
    answer: str


class RuleOut(Schema):
    position: int
    when: list[ConditionOut]
    proposes: str
    target: str
    reason: str

    @staticmethod
    def resolve_when(obj: Rule) -> list[dict[str, str]]:
        return [{"question": c.choice.question.key, "answer": c.choice.key} for c in obj.conditions.all()]

    @staticmethod
    def resolve_proposes(obj: Rule) -> str:
        return obj.target_kind

    @staticmethod
    def resolve_target(obj: Rule) -> str:
        if obj.target_kind == "tool" and obj.tool:
            return obj.tool.slug
        if obj.target_kind == "study" and obj.study:
            return obj.study.slug
        if obj.target_kind == "force" and obj.force:
            return str(obj.force.number)
        return obj.kit_sheet


class VersionOut(Schema):
    number: int
    title: str
    introduction: str
    published_at: dt.datetime | None
    provenance: str
    questions: list[QuestionOut]
    rules: list[RuleOut]

    @staticmethod
    def resolve_questions(obj: QuestionnaireVersion) -> list[Question]:
        return list(obj.questions.all())

    @staticmethod
    def resolve_rules(obj: QuestionnaireVersion) -> list[Rule]:
        return list(obj.rules.all())


@router.get(
    "/versions",
    response=list[VersionOut],
    summary="Versions publiées du questionnaire, la plus récente d'abord (questions, réponses, règles)",
)
@paginate(LimitOffsetPagination)
def list_versions(request: HttpRequest) -> QuerySet[QuestionnaireVersion]:
    choices = Choice.objects.select_related("actor_kind", "modality").order_by("sort_order", "id")
    questions = Question.objects.order_by("position", "id").prefetch_related(
        "audiences", Prefetch("choices", queryset=choices)
    )
    rules = (
        Rule.objects.order_by("position", "id")
        .select_related("tool", "study", "force")
        .prefetch_related("conditions__choice__question")
    )
    return (
        QuestionnaireVersion.objects.published()
        .order_by("-number")
        .prefetch_related(Prefetch("questions", queryset=questions), Prefetch("rules", queryset=rules))
    )
