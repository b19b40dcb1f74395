"""The orientation result the bench measures: an association of the most populous commune, with typical answers.

Created once (marked generated, no account) and found again on the next run: the bench always measures
the same result page, whatever the data.
"""

from __future__ import annotations

from django.urls import reverse

from orientation import services
from orientation.engine import questionnaire_of
from orientation.models import AnswerSet, Choice, QuestionnaireVersion
from orientation.selectors import orientation_result
from territories.models import Commune

ANSWERS = {
    "profil": ["association"],
    "maturite": ["se-lancer"],
    "situation-association": ["employeuse"],
    "objectifs": ["besoin-du-territoire", "ressources"],
    "partenaires": ["entreprises", "collectivites"],
    "modalites": ["mecenat", "cooperation-economique"],
    "phase": ["concevoir"],
    "echelle": ["departementale"],
    "besoins": ["exemples", "accompagnement", "partenaires"],
}


def bench_result_path() -> str | None:
    """The address of the bench's result (created on first use), or None without a published version."""
    version = QuestionnaireVersion.objects.current()
    commune = Commune.objects.select_related("departement").order_by("-population", "code").first()
    if version is None or commune is None:
        return None
    existing = AnswerSet.objects.filter(is_generated=True, version=version, commune_code=commune.code).first()
    if existing is None:
        choices = [
            choice
            for question_key, keys in ANSWERS.items()
            for choice in Choice.objects.filter(question__version=version, question__key=question_key, key__in=keys)
        ]
        result = orientation_result(
            questionnaire=questionnaire_of(version), chosen_ids={c.pk for c in choices}, commune=commune
        )
        existing = services.answer_set_create(
            version=version,
            choices=choices,
            commune_code=commune.code,
            commune_name=f"{commune.name} ({commune.departement_id})",
            recommended=result.keys,
            is_generated=True,
        )
    return reverse("orientation:result", kwargs={"token": existing.token})
