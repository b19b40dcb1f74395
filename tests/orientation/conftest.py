from __future__ import annotations

import pytest

from orientation.engine import Questionnaire, read_questionnaire
from orientation.models import Choice, QuestionnaireVersion


@pytest.fixture
def version(orientation_data: None) -> QuestionnaireVersion:
    """Version 1, loaded from data/orientation/questionnaire.yml."""
    return QuestionnaireVersion.objects.get(number=1)


@pytest.fixture
def questionnaire(version: QuestionnaireVersion) -> Questionnaire:
    return read_questionnaire(version)


def chosen(version: QuestionnaireVersion, answers: dict[str, list[str]]) -> set[int]:
    """The ids of the answers ``{question key: [choice keys]}`` in ``version``."""
    ids = set()
    for question_key, choice_keys in answers.items():
        for choice_key in choice_keys:
            ids.add(Choice.objects.get(question__version=version, question__key=question_key, key=choice_key).pk)
    return ids
