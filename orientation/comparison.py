"""How a result moved since the previous one: the answers that changed, what is newly proposed, what no longer is.

The previous result is what was proposed when it was given (``AnswerSet.recommended``), not what its
answers would give today. An item that is no longer proposed is named only if it is still public
(a tool unpublished since is counted, never shown).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse

from alliances.models import Listing
from cases.models import Case
from catalysts.models import Catalyst
from hub.kit import SHEETS_BY_SLUG
from orientation.engine import questionnaire_of, situation
from orientation.models import AnswerSet
from orientation.proposals import Proposal
from orientation.selectors import OrientationResult
from reference.models import ForceOfChange
from resources.models import Study, Tool


@dataclass(frozen=True)
class AnswerChange:
    question: str
    before: str
    after: str


@dataclass
class Movement:
    previous: AnswerSet
    answer_changes: list[AnswerChange] = field(default_factory=list)
    added: list[Proposal] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    removed_unpublished: int = 0
    version_changed: bool = False

    @property
    def moved(self) -> bool:
        return bool(self.answer_changes or self.added or self.removed or self.removed_unpublished)


NONE = "sans réponse"


def movement(previous: AnswerSet, result: OrientationResult, *, commune_name: str) -> Movement:
    found = Movement(previous=previous, version_changed=previous.version_id != result.questionnaire.version_id)
    before = situation(questionnaire_of(previous.version), set(previous.choices.values_list("pk", flat=True)))
    if previous.commune_name != commune_name:
        found.answer_changes.append(AnswerChange("Commune", previous.commune_name or NONE, commune_name or NONE))
    for question in result.situation.asked:
        old = ", ".join(c.label for c in before.answers.get(question.key, [])) or NONE
        new = ", ".join(c.label for c in result.situation.answers.get(question.key, [])) or NONE
        if old != new:
            found.answer_changes.append(AnswerChange(question.text, old, new))
    previous_keys = set(previous.recommended)
    current_keys = set(result.keys)
    found.added = [p for p in result.proposals if p.key not in previous_keys]
    gone = [key for key in previous.recommended if key not in current_keys]
    titles = _public_titles(gone)
    found.removed = [titles[key] for key in gone if key in titles]
    found.removed_unpublished = len(gone) - len(found.removed)
    return found


def _public_titles(keys: list[str]) -> dict[str, tuple[str, str]]:
    """(title, url) of the keys whose item is still public."""
    ids: dict[str, list[int]] = {}
    titles: dict[str, tuple[str, str]] = {}
    for key in keys:
        kind, _, value = key.partition(":")
        if kind == "kit_sheet" and value in SHEETS_BY_SLUG:
            sheet = SHEETS_BY_SLUG[value]
            titles[key] = (f"Fiche {sheet.number} — {sheet.title}", reverse("hub:kit_sheet", kwargs={"slug": value}))
        elif value.isascii() and value.isdigit():
            ids.setdefault(kind, []).append(int(value))
    querysets = {
        "tool": Tool.objects.published(),
        "study": Study.objects.published(),
        "case": Case.objects.published(),
        "catalyst": Catalyst.objects.active(),
        "listing": Listing.objects.open(),
    }
    for kind, queryset in querysets.items():
        for item in queryset.filter(pk__in=ids.get(kind, [])):
            titles[f"{kind}:{item.pk}"] = (str(getattr(item, "title", None) or item), item.get_absolute_url())
    for force in ForceOfChange.objects.filter(number__in=ids.get("force", [])):
        titles[f"force:{force.number}"] = (
            f"Force du changement n° {force.number} : {force.name}",
            f"{reverse('knowledge:forces')}#force-{force.number}",
        )
    return titles
