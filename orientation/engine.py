"""The orientation's rules, read from one version: which questions apply, what is missing, which rules fire.

Pure functions over a ``Questionnaire`` (plain data read once from the database): the same version
and the same answers always give the same situation and the same rules, whatever the moment. An
answer « je ne sais pas » is a missing answer, never a zero; a question that does not apply to the
profile is neither asked nor counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Prefetch

from orientation.models import Choice, Question, QuestionnaireVersion, QuestionRole, Rule


@dataclass(frozen=True)
class ChoiceSpec:
    id: int
    key: str
    label: str
    is_unknown: bool = False
    actor_kind_id: int | None = None
    maturity: str = ""
    phase: str = ""
    modality_id: int | None = None


@dataclass(frozen=True)
class QuestionSpec:
    id: int
    key: str
    text: str
    help_text: str
    kind: str
    role: str
    audience_ids: frozenset[int]
    choices: tuple[ChoiceSpec, ...]

    @property
    def is_multiple(self) -> bool:
        return self.kind == "multiple"

    def applies_to(self, actor_kind_id: int | None) -> bool:
        return not self.audience_ids or actor_kind_id in self.audience_ids

    def choice(self, key: str) -> ChoiceSpec | None:
        return next((choice for choice in self.choices if choice.key == key), None)


@dataclass(frozen=True)
class RuleSpec:
    id: int
    position: int
    condition_ids: frozenset[int]
    target_kind: str
    target_id: int | str
    reason: str


@dataclass(frozen=True)
class Questionnaire:
    version_id: int
    number: int
    title: str
    introduction: str
    questions: tuple[QuestionSpec, ...]
    rules: tuple[RuleSpec, ...]

    @property
    def profile_question(self) -> QuestionSpec | None:
        return next((q for q in self.questions if q.role == QuestionRole.PROFILE), None)

    def questions_for(self, actor_kind_id: int | None) -> list[QuestionSpec]:
        """The questions asked to a profile, the profile question first."""
        return [q for q in self.questions if q.applies_to(actor_kind_id)]

    def choices_by_id(self) -> dict[int, ChoiceSpec]:
        return {choice.id: choice for question in self.questions for choice in question.choices}


def read_questionnaire(version: QuestionnaireVersion) -> Questionnaire:
    """The version's questions, choices and rules as plain data (three queries)."""
    questions = (
        Question.objects.filter(version=version)
        .order_by("position", "id")
        .prefetch_related("audiences", Prefetch("choices", queryset=Choice.objects.order_by("sort_order", "id")))
    )
    rules = Rule.objects.filter(version=version).order_by("position", "id").prefetch_related("conditions")
    return Questionnaire(
        version_id=version.pk,
        number=version.number,
        title=version.title,
        introduction=version.introduction,
        questions=tuple(
            QuestionSpec(
                id=q.pk,
                key=q.key,
                text=q.text,
                help_text=q.help_text,
                kind=q.kind,
                role=q.role,
                audience_ids=frozenset(kind.pk for kind in q.audiences.all()),
                choices=tuple(
                    ChoiceSpec(
                        id=c.pk,
                        key=c.key,
                        label=c.label,
                        is_unknown=c.is_unknown,
                        actor_kind_id=c.actor_kind_id,
                        maturity=c.maturity,
                        phase=c.phase,
                        modality_id=c.modality_id,
                    )
                    for c in q.choices.all()
                ),
            )
            for q in questions
        ),
        rules=tuple(
            RuleSpec(
                id=r.pk,
                position=r.position,
                condition_ids=frozenset(c.choice_id for c in r.conditions.all()),
                target_kind=r.target_kind,
                target_id=r.target_id,
                reason=r.reason,
            )
            for r in rules
            if r.target_id is not None
        ),
    )


def questionnaire_of(version: QuestionnaireVersion) -> Questionnaire:
    """``read_questionnaire``, kept in the shared cache once the version is published: a published version
    never changes (its questions, answers and rules are frozen), so every server can keep it for good.
    Measured: 6 queries and ~140 ms under load at national scale, against a cache read (ADR 0030)."""
    if version.is_editable:
        return read_questionnaire(version)
    questionnaire = cache.get_or_set(
        f"orientation:questionnaire:{version.pk}", lambda: read_questionnaire(version), None
    )
    assert isinstance(questionnaire, Questionnaire)  # get_or_set returns the value it read or computed
    return questionnaire


@dataclass
class Situation:
    """What the answers say, question by question, and what they leave unknown."""

    profile: ChoiceSpec | None
    answers: dict[str, list[ChoiceSpec]] = field(default_factory=dict)
    missing: list[QuestionSpec] = field(default_factory=list)
    asked: list[QuestionSpec] = field(default_factory=list)

    @property
    def actor_kind_id(self) -> int | None:
        return self.profile.actor_kind_id if self.profile else None

    def _values(self, attribute: str) -> list[str]:
        return [getattr(c, attribute) for chosen in self.answers.values() for c in chosen if getattr(c, attribute)]

    @property
    def maturity(self) -> str:
        """The maturity the person declared, or "" (not given, or « je ne sais pas »)."""
        values = self._values("maturity")
        return values[0] if values else ""

    @property
    def phase(self) -> str:
        values = self._values("phase")
        return values[0] if values else ""

    @property
    def modality_ids(self) -> list[int]:
        return [int(value) for value in self._values("modality_id")]

    @property
    def chosen_ids(self) -> frozenset[int]:
        return frozenset(c.id for chosen in self.answers.values() for c in chosen)


def situation(questionnaire: Questionnaire, chosen_ids: set[int] | frozenset[int]) -> Situation:
    """Read the chosen answers: the profile first, then the questions that apply to it.

    Answers to questions that do not apply to the profile are ignored; « je ne sais pas » (or no
    answer) puts the question in ``missing``; « je ne sais pas » ticked beside real answers of a
    multiple question is dropped, the real answers are kept.
    """
    profile_question = questionnaire.profile_question
    profile = None
    if profile_question is not None:
        profile = next((c for c in profile_question.choices if c.id in chosen_ids and not c.is_unknown), None)
    result = Situation(profile=profile)
    for question in questionnaire.questions_for(profile.actor_kind_id if profile else None):
        result.asked.append(question)
        chosen = [c for c in question.choices if c.id in chosen_ids and not c.is_unknown]
        if not question.is_multiple:
            chosen = chosen[:1]
        if chosen:
            result.answers[question.key] = chosen
        else:
            result.missing.append(question)
    return result


@dataclass(frozen=True)
class FiredRule:
    rule: RuleSpec
    because: tuple[ChoiceSpec, ...]


def fired_rules(questionnaire: Questionnaire, current: Situation) -> list[FiredRule]:
    """The rules whose every answer was given (in the order of the rules)."""
    chosen = current.chosen_ids
    by_id = questionnaire.choices_by_id()
    return [
        FiredRule(rule=rule, because=tuple(by_id[i] for i in sorted(rule.condition_ids) if i in by_id))
        for rule in questionnaire.rules
        if rule.condition_ids and rule.condition_ids <= chosen
    ]
