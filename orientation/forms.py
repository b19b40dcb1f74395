"""The two steps of the questionnaire, built from the version people answer today.

Step 1 asks the profile and the commune (the commune is resolved like « Près de chez moi »: a
postcode shared by several communes asks which). Step 2 asks the questions of that profile, every
one optional: a question left blank or answered « je ne sais pas » is listed as missing on the
result, the other answers are kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.http import QueryDict

from core.params import text_param
from orientation.engine import ChoiceSpec, Questionnaire, QuestionSpec
from territories import selectors as territory_selectors
from territories.models import Commune

FIELD_PREFIX = "q-"
UNKNOWN_ANSWER = "Réponse inconnue pour « {question} » : choisissez parmi les réponses proposées."


@dataclass
class StartAnswers:
    """Step 1 read from the address: a profile, a commune (or the communes to choose from), errors."""

    profile: ChoiceSpec | None = None
    commune: Commune | None = None
    commune_query: str = ""
    commune_choices: list[Commune] = field(default_factory=list)
    commune_total: int = 0
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return self.profile is not None and not self.errors and not self.commune_choices


def read_start(questionnaire: Questionnaire, query: QueryDict) -> StartAnswers:
    """Profile (``profil``) and commune (``commune`` text, or ``code``, the INSEE code picked in a list)."""
    found = StartAnswers()
    profile_question = questionnaire.profile_question
    key = text_param(query, "profil", max_length=50)
    if profile_question is not None:
        found.profile = profile_question.choice(key) if key else None
        if found.profile is None:
            found.errors["profil"] = (
                "Indiquez qui vous êtes." if not key else "Profil inconnu : choisissez l'un des profils proposés."
            )
    code = text_param(query, "code", max_length=5)
    found.commune_query = text_param(query, "commune", max_length=100)
    q = found.commune_query
    if code:
        commune = Commune.objects.select_related("departement").filter(code=code).first()
        # The code stands when the text is empty (a commune picked in a list) or still names it (the
        # autocomplete wrote « Laon (02) »); a text typed over it, without JavaScript, is read instead.
        if commune is not None and (not q or q.casefold() in _names(commune)):
            found.commune = commune
            found.commune_query = ""
            return found
    if not q:
        found.errors["commune"] = "Indiquez votre commune ou son code postal (5 chiffres)."
    elif q.isascii() and q.isdigit() and len(q) != 5:
        found.errors["commune"] = (
            f"« {q} » n'est pas un code postal complet : indiquez ses 5 chiffres, ou le nom de la commune."
        )
    else:
        choice = territory_selectors.choose_commune(q)
        if choice.commune is not None:
            found.commune = choice.commune
        elif not choice.total:
            found.errors["commune"] = (
                f"Aucune commune ne correspond à « {q} ». Vérifiez l'orthographe, "
                "ou indiquez le code postal (5 chiffres)."
            )
        else:
            found.commune_choices = choice.communes
            found.commune_total = choice.total
    return found


def _names(commune: Commune) -> set[str]:
    return {commune.name.casefold(), f"{commune.name} ({commune.departement_id})".casefold(), commune.code}


class QuestionsForm(forms.Form):
    """Every question of a profile but the profile one; answers are choice keys, all optional."""

    def __init__(self, *args: Any, questions: list[QuestionSpec], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            choices = [(choice.key, choice.label) for choice in question.choices]
            messages = {"invalid_choice": UNKNOWN_ANSWER.format(question=question.text)}
            if question.is_multiple:
                messages["invalid_list"] = messages["invalid_choice"]
                self.fields[FIELD_PREFIX + question.key] = forms.MultipleChoiceField(
                    label=question.text, choices=choices, required=False, error_messages=messages
                )
            else:
                self.fields[FIELD_PREFIX + question.key] = forms.ChoiceField(
                    label=question.text, choices=choices, required=False, error_messages=messages
                )

    def chosen(self) -> list[ChoiceSpec]:
        """The choices given (after ``is_valid``)."""
        found: list[ChoiceSpec] = []
        for question in self.questions:
            value = self.cleaned_data.get(FIELD_PREFIX + question.key)
            keys = value if isinstance(value, list) else ([value] if value else [])
            found += [c for c in question.choices if c.key in keys]
        return found

    def rows(self, hints: dict[int, str] | None = None) -> list[dict[str, Any]]:
        """For the template: each question with its field name, its choices (ticked or not, with the
        description of their modality from ``hints``), its error."""
        hints = hints or {}
        rows = []
        for question in self.questions:
            name = FIELD_PREFIX + question.key
            bound = self[name]
            value = bound.value()
            values = set(value if isinstance(value, list) else [value] if value else [])
            rows.append(
                {
                    "question": question,
                    "name": name,
                    "choices": [
                        (choice, choice.key in values, hints.get(choice.modality_id or 0, ""))
                        for choice in question.choices
                    ],
                    "errors": self.errors.get(name, []),
                }
            )
        return rows


def initial_from(questions: list[QuestionSpec], chosen_keys: dict[str, set[str]]) -> dict[str, Any]:
    """Initial values from an earlier answer set's choices, matched by question and choice keys."""
    initial: dict[str, Any] = {}
    for question in questions:
        keys = [c.key for c in question.choices if c.key in chosen_keys.get(question.key, set())]
        if keys:
            initial[FIELD_PREFIX + question.key] = keys if question.is_multiple else keys[0]
    return initial
