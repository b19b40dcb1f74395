"""Writes of the case base. Each service is one transaction: it saves all or nothing.

Rights are checked by the caller (the back office checks Wagtail permissions); these services
record who acted in the revision history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import Topic
from accounts.notifications import absolute, notify
from cases.models import MIN_PARTNERS, Case, CasePartner, CaseProposal, CaseSource, ProposalStatus
from hub.slugs import unique_slug
from hub.territory import TerritoryLevel
from organisations.models import Organisation
from reference.models import ActorKind, PartnershipModality, SdgTarget


@dataclass(frozen=True)
class PartnerInput:
    name: str
    kind: ActorKind | None
    role: str
    organisation: Organisation | None = None


def _partner_errors(partners: Sequence[PartnerInput]) -> list[str]:
    errors = []
    if len(partners) < MIN_PARTNERS:
        errors.append(f"Une alliance réunit au moins {MIN_PARTNERS} partenaires : indiquez-les tous.")
    for number, partner in enumerate(partners, start=1):
        if not partner.name.strip():
            errors.append(f"Indiquez le nom du partenaire n° {number}.")
        if partner.kind is None:
            errors.append(f"Choisissez le type d'acteur du partenaire n° {number}.")
        if not partner.role.strip():
            errors.append(f"Indiquez le rôle du partenaire n° {number} dans l'alliance.")
    return errors


@transaction.atomic
def case_save(
    *,
    case: Case | None = None,
    title: str,
    summary: str,
    partners: Sequence[PartnerInput],
    modality: PartnershipModality | None,
    objectives: str,
    start_year: int,
    end_year: int | None = None,
    sdg_targets: Sequence[SdgTarget] = (),
    territory_level: str = TerritoryLevel.FRANCE,
    territory_code: str = "",
    results: str = "",
    sources: Sequence[tuple[str, str]] = (),
    last_verified_on: dt.date | None = None,
    slug: str = "",
    is_demo: bool = False,
    is_generated: bool = False,
    publish: bool = False,
    user: AbstractBaseUser | None = None,
) -> Case:
    """Create a case (``case=None``) or replace the content of one, as a new revision.

    With ``publish`` the revision goes live (and into search); otherwise it stays a draft that
    waits for review. Fewer than two partners, a partner without kind, name or role, or an
    unknown territory: ValidationError in French, nothing saved.
    """
    errors: dict[str, list[str]] = {}
    partner_errors = _partner_errors(partners)
    if partner_errors:
        errors["partners"] = partner_errors
    if modality is None:
        errors["modality"] = ["Choisissez la modalité de partenariat."]
    if errors:
        raise ValidationError(errors)
    if case is None:
        case = Case(live=False, slug=slug or unique_slug(Case, title))
    elif slug:
        case.slug = slug
    case.title = title
    case.summary = summary
    case.modality = modality
    case.objectives = objectives
    case.start_year = start_year
    case.end_year = end_year
    case.territory_level = territory_level
    case.territory_code = territory_code
    case.results = results
    case.last_verified_on = last_verified_on
    case.is_demo = is_demo
    case.is_generated = is_generated
    case.full_clean(exclude=["sdg_targets"])
    case.partners = [
        CasePartner(name=p.name.strip(), kind=p.kind, role=p.role.strip(), organisation=p.organisation, sort_order=i)
        for i, p in enumerate(partners)
    ]
    case.sources = [CaseSource(url=url, label=label, sort_order=i) for i, (url, label) in enumerate(sources)]
    for source in case.sources.all():
        source.full_clean(exclude=["case"])
    case.sdg_targets = list(sdg_targets)
    case.save()
    revision = case.save_revision(user=user)
    if publish:
        revision.publish(user=user, skip_permission_checks=True)
        case.refresh_from_db()
    return case


@transaction.atomic
def case_submit_for_review(*, case: Case, user: AbstractBaseUser) -> bool:
    """Send the case's latest revision into its moderation workflow (Wagtail's « Moderators approval »).

    The moderators then find it in « En attente de votre relecture » on the back office's dashboard
    (and by e-mail when they asked for it). False when no workflow is assigned to cases: the draft
    then simply waits for an editor.
    """
    workflow = case.get_workflow()
    if workflow is None or case.workflow_in_progress:
        return False
    workflow.start(case, user)
    return True


@transaction.atomic
def case_unpublish(*, case: Case, user: AbstractBaseUser | None = None) -> Case:
    """Withdraw a case from the public (pages, search, API); its drafts and revisions are kept."""
    case.unpublish(user=user)
    return case


@transaction.atomic
def proposal_create(*, case: Case, proposer: AbstractBaseUser) -> CaseProposal:
    """Record that ``proposer`` proposed ``case``: it waits for moderation (« en attente »)."""
    if CaseProposal.objects.filter(case=case).exists():
        raise ValidationError("Cet exemple a déjà été proposé.")
    proposal = CaseProposal(case=case, proposer=proposer)
    proposal.full_clean()
    proposal.save()
    return proposal


@transaction.atomic
def proposal_decide(*, proposal: CaseProposal, status: str, reason: str = "") -> CaseProposal:
    """Set what the moderators decided (« publié », « refusé » with their reason, or back to
    « en attente » when the proposer resubmits). The proposer is told by e-mail once the decision
    commits, unless they turned these notifications off. Same status again: nothing changes, no
    e-mail."""
    if status not in ProposalStatus.values:
        raise ValidationError({"status": "Statut de proposition inconnu."})
    reason = reason.strip() if status == ProposalStatus.REJECTED else ""
    if proposal.status == status and proposal.reason == reason:
        return proposal
    proposal.status = status
    proposal.reason = reason
    proposal.decided_at = None if status == ProposalStatus.PENDING else timezone.now()
    proposal.full_clean()
    proposal.save()
    notify(
        user=proposal.proposer,
        topic=Topic.PROPOSALS,
        subject=f"Votre proposition est {proposal.get_status_display()}",
        template="cases/email/proposal_status",
        context={
            "proposal": proposal,
            "case_url": absolute(proposal.case.get_absolute_url()),
            "my_space_url": absolute(reverse("accounts:dashboard")),
        },
    )
    return proposal
