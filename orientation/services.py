"""Writes of the orientation: publish or copy a version of the questionnaire, keep a set of answers."""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from orientation.models import (
    AnswerSet,
    Choice,
    Question,
    QuestionnaireVersion,
    QuestionRole,
    RuleCondition,
    VersionStatus,
)


def version_problems(version: QuestionnaireVersion) -> list[str]:
    """What keeps a version from being published, in French (empty: it can be)."""
    problems = []
    questions = list(version.questions.prefetch_related("choices"))
    profiles = [q for q in questions if q.role == QuestionRole.PROFILE]
    if len(profiles) != 1:
        problems.append("La version doit avoir exactement une question de rôle « profil ».")
    elif any(c.actor_kind_id is None for c in profiles[0].choices.all() if not c.is_unknown):
        problems.append("Chaque réponse de la question « profil » doit désigner un type d'acteur.")
    for question in questions:
        if len([c for c in question.choices.all() if not c.is_unknown]) < 1:
            problems.append(f"La question « {question.text} » n'a aucune réponse possible.")
    for rule in version.rules.prefetch_related("conditions__choice__question"):
        conditions = list(rule.conditions.all())
        if not conditions:
            problems.append(f"La règle {rule.position} n'a aucune condition.")
        if any(c.choice.question.version_id != version.pk for c in conditions):
            problems.append(f"La règle {rule.position} dépend d'une réponse d'une autre version.")
        if rule.target_id is None:
            problems.append(f"La règle {rule.position} ne dit pas ce qu'elle propose.")
    return problems


@transaction.atomic
def version_publish(*, version: QuestionnaireVersion) -> QuestionnaireVersion:
    """Publish a draft: from now on it is the version people answer, and it never changes again."""
    version = QuestionnaireVersion.objects.select_for_update().get(pk=version.pk)
    if not version.is_editable:
        raise ValidationError("Cette version est déjà publiée.")
    problems = version_problems(version)
    if problems:
        raise ValidationError(problems)
    version.status = VersionStatus.PUBLISHED
    version.published_at = timezone.now()
    version.save(update_fields=["status", "published_at"])
    return version


@transaction.atomic
def version_copy(*, version: QuestionnaireVersion) -> QuestionnaireVersion:
    """A new draft with the next number, holding a copy of every question, answer and rule of ``version``."""
    number = (QuestionnaireVersion.objects.aggregate(top=Max("number"))["top"] or 0) + 1
    copy = QuestionnaireVersion.objects.create(
        number=number,
        title=version.title,
        introduction=version.introduction,
        provenance=f"Copie de la version {version.number}.",
        based_on=version,
    )
    choice_map: dict[int, Choice] = {}
    for question in version.questions.prefetch_related("audiences", "choices"):
        new_question = Question.objects.create(
            version=copy,
            key=question.key,
            position=question.position,
            text=question.text,
            help_text=question.help_text,
            kind=question.kind,
            role=question.role,
        )
        new_question.audiences.set(question.audiences.all())
        new_question.save()
        for choice in question.choices.all():
            old_pk = choice.pk
            choice.pk = None
            choice.id = None
            choice.question = new_question
            choice.save()
            choice_map[old_pk] = choice
    for rule in version.rules.prefetch_related("conditions"):
        conditions = list(rule.conditions.all())
        rule.pk = None
        rule.id = None
        rule.version = copy
        rule.save()
        for condition in conditions:
            RuleCondition.objects.create(
                rule=rule, choice=choice_map[condition.choice_id], sort_order=condition.sort_order
            )
    return copy


def new_token() -> str:
    """An unguessable address for a result (144 random bits)."""
    return secrets.token_urlsafe(18)


@transaction.atomic
def answer_set_create(
    *,
    version: QuestionnaireVersion,
    choices: Iterable[Choice],
    commune_code: str = "",
    commune_name: str = "",
    user: User | AnonymousUser | None = None,
    previous: AnswerSet | None = None,
    recommended: list[str] | None = None,
    is_generated: bool = False,
) -> AnswerSet:
    """Keep one person's answers under ``version`` (which must be published), and what was proposed."""
    if not QuestionnaireVersion.objects.published().filter(pk=version.pk).exists():
        raise ValidationError("Ce questionnaire n'est pas publié : il ne reçoit pas de réponses.")
    chosen = list(choices)
    if any(choice.question.version_id != version.pk for choice in chosen):
        raise ValidationError("Une réponse n'appartient pas à cette version du questionnaire.")
    answer_set = AnswerSet.objects.create(
        token=new_token(),
        version=version,
        user=user if isinstance(user, User) else None,
        commune_code=commune_code,
        commune_name=commune_name,
        previous=previous,
        recommended=recommended or [],
        is_generated=is_generated,
    )
    answer_set.choices.set(chosen)
    return answer_set


def answer_set_delete(*, answer_set: AnswerSet, user: object) -> None:
    """A signed-in person deletes one of their results."""
    if answer_set.user_id is None or answer_set.user_id != getattr(user, "pk", None):
        raise ValidationError("Vous ne pouvez supprimer que vos propres résultats.")
    answer_set.delete()
