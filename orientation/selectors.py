"""The personal page of next steps: what the answers lead to, each proposal with why it was proposed.

Read at each visit from the answer set's own version (its rules never change once published) and
from what is published today: a rule pointing to a tool or a study that is no longer published is
never shown. Local blocks read the commune's département through indexed equalities (cases by
``departement_code``, catalysts by the départements they cover, listings by ``departement_code``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from hub.kit import SHEETS_BY_SLUG
from orientation import local
from orientation.engine import Questionnaire, QuestionSpec, Situation, fired_rules, situation
from orientation.local import cases_url
from orientation.modalities import ModalityDescription
from orientation.modalities import reference as modality_reference
from orientation.models import AnswerSet
from orientation.proposals import Proposal
from reference.models import ActorKind, ForceOfChange, PartnershipModality
from resources.models import Maturity, Phase, Study, Tool
from territories.models import Commune

SHOWN = 5
TOOLS_SHOWN = 6


@dataclass(frozen=True)
class ModalityView:
    modality: PartnershipModality
    description: ModalityDescription | None
    cases_url: str
    chosen: bool


@dataclass
class OrientationResult:
    questionnaire: Questionnaire
    situation: Situation
    commune: Commune | None
    actor_kind: ActorKind | None
    kit_sheets: list[Proposal] = field(default_factory=list)
    tools: list[Proposal] = field(default_factory=list)
    tools_basis: list[str] = field(default_factory=list)
    tools_url: str = ""
    readings: list[Proposal] = field(default_factory=list)
    modalities: list[ModalityView] = field(default_factory=list)
    cases: list[Proposal] = field(default_factory=list)
    cases_total: int = 0
    cases_demo: int = 0
    cases_url: str = ""
    territory_url: str = ""
    catalysts: list[Proposal] = field(default_factory=list)
    listings: list[Proposal] = field(default_factory=list)
    listings_total: int = 0
    listings_demo: int = 0
    listings_url: str = ""

    @property
    def missing(self) -> list[QuestionSpec]:
        return self.situation.missing

    @property
    def maturity_label(self) -> str:
        return Maturity(self.situation.maturity).label if self.situation.maturity else ""

    @property
    def phase_label(self) -> str:
        return Phase(self.situation.phase).label if self.situation.phase else ""

    @property
    def proposals(self) -> list[Proposal]:
        return [*self.kit_sheets, *self.tools, *self.readings, *self.cases, *self.catalysts, *self.listings]

    @property
    def keys(self) -> list[str]:
        """What this result proposes, as stable keys (kept with the answers, compared on the next attempt)."""
        return [proposal.key for proposal in self.proposals]


def _add(found: dict[str, Proposal], proposal: Proposal, reason: str) -> None:
    if proposal.key not in found:
        found[proposal.key] = proposal
    if reason not in found[proposal.key].reasons:
        found[proposal.key].reasons.append(reason)


def orientation_result(
    *,
    questionnaire: Questionnaire,
    chosen_ids: set[int] | frozenset[int],
    commune: Commune | None,
    hide_demo: bool = False,
) -> OrientationResult:
    current = situation(questionnaire, chosen_ids)
    actor_kind = ActorKind.objects.filter(pk=current.actor_kind_id).first() if current.actor_kind_id else None
    result = OrientationResult(questionnaire=questionnaire, situation=current, commune=commune, actor_kind=actor_kind)
    _from_rules(result, questionnaire, hide_demo)
    _matching_tools(result, hide_demo)
    _modalities(result)
    if commune is not None:
        local.nearby_cases(result, commune, hide_demo)
        local.territory_catalysts(result, commune, hide_demo)
        local.territory_listings(result, commune, hide_demo)
    return result


def _from_rules(result: OrientationResult, questionnaire: Questionnaire, hide_demo: bool) -> None:
    """Kit sheets, tools, studies and forces the routing rules point to (unpublished targets left out)."""
    fired = fired_rules(questionnaire, result.situation)
    ids: dict[str, set[Any]] = {"tool": set(), "study": set(), "force": set()}
    for item in fired:
        if item.rule.target_kind in ids:
            ids[item.rule.target_kind].add(item.rule.target_id)
    tools = Tool.objects.published().filter(pk__in=ids["tool"]) if ids["tool"] else Tool.objects.none()
    studies = Study.objects.published().filter(pk__in=ids["study"]) if ids["study"] else Study.objects.none()
    if hide_demo:
        tools, studies = tools.real(), studies.real()
    targets: dict[tuple[str, Any], Proposal] = {}
    for tool in tools:
        targets[("tool", tool.pk)] = Proposal(
            f"tool:{tool.pk}", tool.title, tool.get_absolute_url(), is_demo=tool.is_demo
        )
    for study in studies:
        targets[("study", study.pk)] = Proposal(
            f"study:{study.pk}", study.title, study.get_absolute_url(), detail=study.publisher, is_demo=study.is_demo
        )
    for force in ForceOfChange.objects.filter(pk__in=ids["force"]) if ids["force"] else []:
        targets[("force", force.pk)] = Proposal(
            f"force:{force.number}",
            f"Force du changement n° {force.number} : {force.name}",
            f"{reverse('knowledge:forces')}#force-{force.number}",
            detail=force.description,
        )
    for slug in {item.rule.target_id for item in fired if item.rule.target_kind == "kit_sheet"}:
        sheet = SHEETS_BY_SLUG.get(str(slug))
        if sheet is not None:
            targets[("kit_sheet", slug)] = Proposal(
                f"kit_sheet:{slug}",
                f"Fiche {sheet.number} — {sheet.title}",
                reverse("hub:kit_sheet", kwargs={"slug": slug}),
                detail=sheet.purpose,
            )
    sheets: dict[str, Proposal] = {}
    readings: dict[str, Proposal] = {}
    rule_tools: dict[str, Proposal] = {}
    for item in fired:
        proposal = targets.get((item.rule.target_kind, item.rule.target_id))
        if proposal is None:
            continue  # unpublished, demo hidden, or gone: never shown
        bucket = {"kit_sheet": sheets, "tool": rule_tools}.get(item.rule.target_kind, readings)
        _add(bucket, proposal, item.rule.reason)
    result.kit_sheets = sorted(sheets.values(), key=lambda p: SHEETS_BY_SLUG[p.key.partition(":")[2]].number)
    result.readings = list(readings.values())
    result.tools = list(rule_tools.values())


def _matching_tools(result: OrientationResult, hide_demo: bool) -> None:
    """Tools of the declared maturity and phase, for the profile (or for everyone); a missing answer filters nothing."""
    current = result.situation
    tools = Tool.objects.published()
    query: list[tuple[str, str]] = []
    basis = []
    if hide_demo:
        tools = tools.real()
    if current.maturity:
        tools = tools.filter(maturity=current.maturity)
        query.append(("maturity", current.maturity))
        basis.append(f"maturité « {result.maturity_label} »")
    if current.phase:
        tools = tools.filter(phase=current.phase)
        query.append(("phase", current.phase))
        basis.append(f"phase « {result.phase_label} »")
    if result.actor_kind is not None:
        for_kind = Tool.audiences.through.objects.filter(tool_id=OuterRef("pk"), actorkind_id=result.actor_kind.pk)
        anyone = Tool.audiences.through.objects.filter(tool_id=OuterRef("pk"))
        tools = tools.filter(Q(Exists(for_kind)) | ~Q(Exists(anyone)))
        query.append(("actor_kind", result.actor_kind.slug))
        basis.append(f"pour les {result.actor_kind.name_plural.lower()} ou pour tous les publics")
    result.tools_basis = basis
    result.tools_url = f"{reverse('resources:tools')}?{urlencode(query)}" if query else reverse("resources:tools")
    reason = (
        "Correspond à votre " + ", ".join(basis)
        if basis
        else "Outil de la plateforme (vos réponses ne le précisent pas)"
    )
    already = {p.key for p in result.tools}
    for tool in tools.order_by("title", "id")[: TOOLS_SHOWN + len(already)]:
        key = f"tool:{tool.pk}"
        if key in already:
            continue
        if len(result.tools) >= TOOLS_SHOWN:
            break
        result.tools.append(
            Proposal(
                key,
                tool.title,
                tool.get_absolute_url(),
                [reason],
                detail=tool.get_format_display(),
                is_demo=tool.is_demo,
            )
        )


def _modalities(result: OrientationResult) -> None:
    """The four modalities side by side (reference order), those the person chose marked, none ranked."""
    chosen = set(result.situation.modality_ids)
    descriptions = modality_reference().descriptions
    departement = result.commune.departement_id if result.commune else ""
    result.modalities = [
        ModalityView(
            modality=modality,
            description=descriptions.get(modality.slug),
            cases_url=cases_url(departement, modality.slug),
            chosen=modality.pk in chosen,
        )
        for modality in PartnershipModality.objects.order_by("position")
    ]


@dataclass(frozen=True)
class KeptResult:
    answer_set: Any
    profile: str
    maturity: str


def results_of(user: Any, *, limit: int = 20) -> list[KeptResult]:
    """A signed-in person's results, newest first, with the profile and maturity they declared (« Mon espace »)."""
    kept = []
    for answer_set in (
        AnswerSet.objects.of_user(user).select_related("version").prefetch_related("choices__question")[:limit]
    ):
        profile = next((c.label for c in answer_set.choices.all() if c.question.role == "profile"), "")
        maturity = next((Maturity(c.maturity).label for c in answer_set.choices.all() if c.maturity), "non précisée")
        kept.append(KeptResult(answer_set=answer_set, profile=profile, maturity=maturity))
    return kept


def personal_data(user: Any) -> list[dict[str, Any]]:
    """The person's answer sets, for « Télécharger mes données »: date, version, commune, answers."""
    return [
        {
            "repondu_le": answer_set.created_at.isoformat(),
            "version_du_questionnaire": answer_set.version.number,
            "commune": answer_set.commune_name,
            "reponses": [
                {"question": choice.question.text, "reponse": choice.label}
                for choice in sorted(answer_set.choices.all(), key=lambda c: (c.question.position, c.sort_order))
            ],
        }
        for answer_set in AnswerSet.objects.of_user(user)
        .select_related("version")
        .prefetch_related("choices__question")
    ]
