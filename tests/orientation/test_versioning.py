"""Versions of the questionnaire: loaded once, frozen once published, copied into drafts; answers keep their version."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from core.loading import LoadReport
from orientation import services
from orientation.engine import read_questionnaire
from orientation.loaders import QuestionnaireFileError, load_questionnaire
from orientation.models import AnswerSet, Choice, Question, QuestionnaireVersion, Rule, VersionStatus
from orientation.selectors import orientation_result
from tests.orientation.conftest import chosen


def test_version_1_is_loaded_published_with_its_provenance(version) -> None:
    assert version.status == VersionStatus.PUBLISHED
    assert "data/orientation/questionnaire.yml" in version.provenance
    assert QuestionnaireVersion.objects.current() == version
    assert version.questions.count() == 14
    assert version.rules.count() == 29


def test_loading_again_changes_nothing(version) -> None:
    report = LoadReport()
    load_questionnaire(report)
    assert report.changed == 0
    assert QuestionnaireVersion.objects.count() == 1


def test_an_unknown_reference_in_the_file_stops_the_load_with_its_name(orientation_data) -> None:
    data = {
        "number": 42,
        "title": "Essai",
        "questions": [
            {
                "key": "profil",
                "text": "Vous êtes…",
                "role": "profile",
                "choices": [{"key": "x", "label": "X", "actor_kind": "martien"}],
            }
        ],
    }
    with pytest.raises(QuestionnaireFileError, match="martien"):
        load_questionnaire(LoadReport(), data=data)
    assert not QuestionnaireVersion.objects.filter(number=42).exists()


def test_a_published_version_refuses_every_change(version) -> None:
    question = version.questions.get(key="maturite")
    question.text = "Autre texte"
    with pytest.raises(ValidationError, match="publiée"):
        question.full_clean()
    rule = version.rules.first()
    with pytest.raises(ValidationError, match="publiée"):
        rule.full_clean()
    version.title = "Autre titre"
    with pytest.raises(ValidationError, match="publiée"):
        version.full_clean()


def test_a_copy_is_a_draft_with_every_question_answer_and_rule(version) -> None:
    copy = services.version_copy(version=version)
    assert (copy.number, copy.status, copy.based_on) == (2, VersionStatus.DRAFT, version)
    assert copy.questions.count() == version.questions.count()
    assert (
        Choice.objects.filter(question__version=copy).count()
        == Choice.objects.filter(question__version=version).count()
    )
    assert copy.rules.count() == version.rules.count()
    for rule in copy.rules.prefetch_related("conditions__choice__question"):
        assert {c.choice.question.version_id for c in rule.conditions.all()} == {copy.pk}
    assert QuestionnaireVersion.objects.current() == version  # a draft is not answered


def test_publishing_a_new_version_leaves_old_results_as_they_were(version) -> None:
    answers = {"profil": ["association"], "maturite": ["decouvrir"]}
    old = services.answer_set_create(version=version, choices=Choice.objects.filter(pk__in=chosen(version, answers)))
    before = orientation_result(
        questionnaire=read_questionnaire(old.version), chosen_ids=chosen(version, answers), commune=None
    )

    draft = services.version_copy(version=version)
    Rule.objects.filter(version=draft, reason__startswith="Vous découvrez").delete()
    Question.objects.filter(version=draft, key="maturite").update(text="Quelle est votre expérience des alliances ?")
    services.version_publish(version=draft)

    old = AnswerSet.objects.get(pk=old.pk)
    assert old.version == version
    after = orientation_result(
        questionnaire=read_questionnaire(old.version),
        chosen_ids=set(old.choices.values_list("pk", flat=True)),
        commune=None,
    )
    assert [p.key for p in after.kit_sheets] == [p.key for p in before.kit_sheets] == ["kit_sheet:argumentaire"]
    new = orientation_result(questionnaire=read_questionnaire(draft), chosen_ids=chosen(draft, answers), commune=None)
    assert new.kit_sheets == []
    current = QuestionnaireVersion.objects.current()
    assert current is not None and current.number == 2


def test_a_version_without_profile_question_cannot_be_published(version) -> None:
    draft = services.version_copy(version=version)
    Question.objects.filter(version=draft, key="profil").delete()
    with pytest.raises(ValidationError, match="profil"):
        services.version_publish(version=draft)
    assert QuestionnaireVersion.objects.get(pk=draft.pk).status == VersionStatus.DRAFT


def test_a_draft_receives_no_answers(version) -> None:
    draft = services.version_copy(version=version)
    with pytest.raises(ValidationError, match="pas publié"):
        services.answer_set_create(version=draft, choices=[])


def test_answers_of_another_version_are_refused(version) -> None:
    draft = services.version_copy(version=version)
    services.version_publish(version=draft)
    with pytest.raises(ValidationError, match=r"n'appartient"):
        services.answer_set_create(version=draft, choices=Choice.objects.filter(question__version=version)[:1])
    assert not AnswerSet.objects.exists()
