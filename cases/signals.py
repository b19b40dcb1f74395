"""Moderation in the back office (Wagtail's « Moderators approval » workflow) decides the fate of a
proposed case: publishing it marks the proposal « publié »; « Demander des modifications » marks it
« refusé » with the moderator's comment as its reason; a new submission puts it back « en attente ».
The handlers only translate Wagtail's events into ``proposal_decide``.

Wagtail also e-mails the person who submitted: for a proposal that person is told by the platform's
own notification (French, signed, with its unsubscribe link), so Wagtail's message is not sent to
them; editors who submit in the back office keep Wagtail's."""

from __future__ import annotations

from typing import Any

from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier, WorkflowStateRejectionEmailNotifier
from wagtail.models import WorkflowState
from wagtail.signals import published, workflow_approved, workflow_rejected, workflow_submitted

from cases.models import Case, CaseProposal, ProposalStatus
from cases.services import proposal_decide


def _proposal(case: object) -> CaseProposal | None:
    if not isinstance(case, Case):
        return None
    return CaseProposal.objects.select_related("case", "proposer").filter(case_id=case.pk).first()


def _on_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    proposal = _proposal(instance)
    if proposal is not None:
        proposal_decide(proposal=proposal, status=ProposalStatus.PUBLISHED)


def _on_rejected(sender: Any, instance: WorkflowState, **kwargs: Any) -> None:
    proposal = _proposal(instance.content_object)
    if proposal is not None:
        task_state = instance.current_task_state
        comment = task_state.specific.get_comment() if task_state else ""
        proposal_decide(proposal=proposal, status=ProposalStatus.REJECTED, reason=comment or "")


def _on_submitted(sender: Any, instance: WorkflowState, **kwargs: Any) -> None:
    proposal = _proposal(instance.content_object)
    if proposal is not None and proposal.status == ProposalStatus.REJECTED:
        proposal_decide(proposal=proposal, status=ProposalStatus.PENDING)


class _SkipProposerMixin:
    def get_recipient_users(self, workflow_state: WorkflowState, **kwargs: Any) -> set[Any]:
        recipients = super().get_recipient_users(workflow_state, **kwargs)  # type: ignore[misc]
        proposal = _proposal(workflow_state.content_object)
        return {user for user in recipients if proposal is None or user.pk != proposal.proposer_id}


class ApprovalNotifier(_SkipProposerMixin, WorkflowStateApprovalEmailNotifier):
    pass


class RejectionNotifier(_SkipProposerMixin, WorkflowStateRejectionEmailNotifier):
    pass


WAGTAIL_NOTIFIERS = [
    (workflow_approved, ApprovalNotifier(), "workflow_state_approved_email_notification"),
    (workflow_rejected, RejectionNotifier(), "workflow_state_rejected_email_notification"),
]


def connect() -> None:
    for signal, notifier, dispatch_uid in WAGTAIL_NOTIFIERS:
        signal.disconnect(sender=WorkflowState, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=WorkflowState, dispatch_uid=dispatch_uid)
    published.connect(_on_published, sender=Case, dispatch_uid="cases_proposal_published")
    workflow_rejected.connect(_on_rejected, dispatch_uid="cases_proposal_rejected")
    workflow_submitted.connect(_on_submitted, dispatch_uid="cases_proposal_submitted")
