from __future__ import annotations

import pytest

from core.loading import LoadReport
from knowledge.loaders import load_studies
from orientation.engine import Questionnaire, read_questionnaire
from orientation.loaders import load_questionnaire
from orientation.models import Choice, QuestionnaireVersion
from reference.loaders import load_forces_of_change


@pytest.fixture
def orientation_data(territories: None, vocabularies: None) -> None:
    """What version 1 of the questionnaire rests on (forces of change, the cited studies), then version 1 itself,
    with the loaders of load_reference_data (without the roadmap and the rest: fast)."""
    report = LoadReport()
    load_forces_of_change(report)
    load_studies(report)
    load_questionnaire(report)


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
