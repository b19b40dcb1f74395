"""Writes of the facilitators' bilans: draft, submit, return with a comment, publish (docs/adr/0032).

draft → submitted → returned | published, and returned → submitted after correction. A facilitator
writes only the measures the mission team assigned to them; only the mission team returns and
publishes. Every service checks rights on the server, runs in one transaction and records a step of
history; a refused write raises ``PermissionDenied`` or a French ``ValidationError`` and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from accounts.notifications import notify
from core.dates import french_date
from core.uploads import document_problem
from indicators.models import Indicator
from indicators.models import Status as IndicatorStatus
from indicators.services import value_approve, value_return, value_save, value_submit
from roadmap.models import (
    Measure,
    ReviewStatus,
    ReviewSubmission,
    SubmissionEvent,
    SubmissionFile,
    SubmissionLink,
    SubmissionStatus,
)
from roadmap.permissions import is_facilitator, is_mission_team
from roadmap.services import review_add

Action = SubmissionEvent.Action
ALLOWED: dict[str, set[str]] = {
    SubmissionStatus.DRAFT: {SubmissionStatus.SUBMITTED},
    SubmissionStatus.RETURNED: {SubmissionStatus.SUBMITTED},
    SubmissionStatus.SUBMITTED: {SubmissionStatus.RETURNED, SubmissionStatus.PUBLISHED},
    SubmissionStatus.PUBLISHED: set(),
}
EVIDENCE_EXTENSIONS = ("pdf", "docx", "odt", "xlsx", "ods", "csv", "txt")
PUBLISHED_SOURCE = "Bilan rédigé par un facilitateur de la mesure, validé et publié par l'équipe de la mission"


@dataclass(frozen=True)
class IndicatorEntry:
    """A value of one of the measure's indicators, entered with the bilan (``indicators.services``)."""

    indicator: Indicator
    period_start: dt.date | None
    value: object = None
    numerator: object = None
    denominator: object = None


# indicators.services' field names → the bilan form's
INDICATOR_FIELDS = {
    "period": "indicator_period",
    "value": "indicator_value",
    "numerator": "indicator_numerator",
    "denominator": "indicator_denominator",
}


@dataclass
class BilanContent:
    """What a facilitator writes in a bilan; evidence is added to what the bilan already has."""

    date: dt.date
    review_status: ReviewStatus | None
    text: str
    progress: int | None = None
    next_steps: str = ""
    next_step_date: dt.date | None = None
    links: Sequence[tuple[str, str]] = ()
    files: Sequence[tuple[UploadedFile, str]] = ()
    removed_link_ids: Sequence[int] = field(default_factory=list)
    removed_file_ids: Sequence[int] = field(default_factory=list)
    indicator_entry: IndicatorEntry | None = None


def _check_facilitator(user: Any, measure: Measure) -> None:
    if not is_facilitator(user, measure):
        raise PermissionDenied(
            f"Vous n'êtes pas facilitateur de la mesure {measure.number} : vous ne pouvez pas rédiger son bilan."
        )


def _check_mission_team(user: Any) -> None:
    if not is_mission_team(user):
        raise PermissionDenied("Seule l'équipe de la mission valide, renvoie ou publie les bilans proposés.")


def _transition(submission: ReviewSubmission, *, to: str, actor: Any, action: str, comment: str = "") -> None:
    before = submission.status
    if to not in ALLOWED[before]:
        before_label, to_label = SubmissionStatus(before).label, SubmissionStatus(to).label
        raise ValidationError(f"Un bilan « {before_label} » ne peut pas passer à l'état « {to_label} ».")
    submission.status = to
    submission.updated_at = timezone.now()
    submission.save(update_fields=["status", "updated_at"])
    SubmissionEvent.objects.create(
        submission=submission, actor=actor, action=action, from_status=before, to_status=to, comment=comment
    )


def evidence_file_problem(upload: UploadedFile) -> str | None:
    name = PurePath(upload.name or "").name[:100]
    if PurePath(name).suffix.lower().lstrip(".") not in EVIDENCE_EXTENSIONS:
        kinds = ", ".join(extension.upper() for extension in EVIDENCE_EXTENSIONS)
        return f"« {name} » : type de fichier refusé. Formats acceptés : {kinds}."
    return document_problem(upload)


def _save_indicator_value(submission: ReviewSubmission, entry: IndicatorEntry, user: Any, *, submit: bool) -> None:
    if entry.indicator.measure_id != submission.measure_id:
        raise ValidationError({"indicator": "Cet indicateur n'est pas un indicateur de cette mesure."})
    try:
        value = value_save(
            indicator=entry.indicator,
            period_start=entry.period_start,
            user=user,
            value=entry.value,
            numerator=entry.numerator,
            denominator=entry.denominator,
            comment=f"Saisie avec le bilan du {french_date(submission.date)} de la mesure {submission.measure.number}.",
            submit=submit,
        )
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        raise ValidationError(
            {INDICATOR_FIELDS.get(name, "indicator"): messages for name, messages in error.message_dict.items()}
        ) from error
    submission.indicator_value = value
    submission.save(update_fields=["indicator_value"])


def _submit_indicator_value(submission: ReviewSubmission, user: Any) -> None:
    value = submission.indicator_value
    if value is not None and value.status in (IndicatorStatus.DRAFT, IndicatorStatus.RETURNED):
        value_submit(value=value, user=user)


def _write_content(submission: ReviewSubmission, content: BilanContent) -> None:
    if content.review_status is None:
        raise ValidationError({"review_status": "Choisissez le statut de la mesure."})
    submission.date = content.date
    submission.review_status = content.review_status
    submission.progress = content.progress
    submission.text = content.text
    submission.next_steps = content.next_steps
    submission.next_step_date = content.next_step_date
    submission.updated_at = timezone.now()
    submission.full_clean(exclude=["author", "review"])
    submission.save()
    SubmissionLink.objects.filter(submission=submission, pk__in=content.removed_link_ids).delete()
    SubmissionFile.objects.filter(submission=submission, pk__in=content.removed_file_ids).delete()
    for url, label in content.links:
        link = SubmissionLink(submission=submission, url=url, label=label or url)
        link.full_clean()
        link.save()
    for upload, label in content.files:
        problem = evidence_file_problem(upload)
        if problem:
            raise ValidationError({"evidence_file": problem})
        SubmissionFile.objects.create(
            submission=submission, file=upload, label=label or PurePath(upload.name or "").name, size=upload.size or 0
        )


@transaction.atomic
def submission_create(*, measure: Measure, user: Any, content: BilanContent, submit: bool = False) -> ReviewSubmission:
    """A facilitator's new bilan of ``measure``, kept as a draft or submitted at once."""
    _check_facilitator(user, measure)
    submission = ReviewSubmission(measure=measure, author=user)
    _write_content(submission, content)
    if content.indicator_entry is not None:
        _save_indicator_value(submission, content.indicator_entry, user, submit=submit)
    SubmissionEvent.objects.create(
        submission=submission, actor=user, action=Action.CREATED, to_status=SubmissionStatus.DRAFT
    )
    if submit:
        _transition(submission, to=SubmissionStatus.SUBMITTED, actor=user, action=Action.SUBMITTED)
    return submission


@transaction.atomic
def submission_update(
    *, submission: ReviewSubmission, user: Any, content: BilanContent, submit: bool = False
) -> ReviewSubmission:
    """A facilitator corrects a draft or a returned bilan, and may submit it."""
    submission = ReviewSubmission.objects.select_for_update().get(pk=submission.pk)
    _check_facilitator(user, submission.measure)
    if not submission.is_editable:
        raise ValidationError(
            f"Ce bilan est « {submission.get_status_display()} » : il ne peut plus être modifié "
            "tant que l'équipe de la mission ne l'a pas renvoyé."
        )
    _write_content(submission, content)
    if content.indicator_entry is not None:
        _save_indicator_value(submission, content.indicator_entry, user, submit=submit)
    elif submit:
        _submit_indicator_value(submission, user)
    SubmissionEvent.objects.create(
        submission=submission,
        actor=user,
        action=Action.UPDATED,
        from_status=submission.status,
        to_status=submission.status,
    )
    if submit:
        _transition(submission, to=SubmissionStatus.SUBMITTED, actor=user, action=Action.SUBMITTED)
    return submission


@transaction.atomic
def submission_submit(*, submission: ReviewSubmission, user: Any) -> ReviewSubmission:
    submission = ReviewSubmission.objects.select_for_update().get(pk=submission.pk)
    _check_facilitator(user, submission.measure)
    _transition(submission, to=SubmissionStatus.SUBMITTED, actor=user, action=Action.SUBMITTED)
    _submit_indicator_value(submission, user)
    return submission


@transaction.atomic
def submission_return(*, submission: ReviewSubmission, user: Any, comment: str) -> ReviewSubmission:
    """The mission team sends a submitted bilan back to its facilitators, saying what to correct."""
    _check_mission_team(user)
    if not comment.strip():
        raise ValidationError({"comment": "Dites au facilitateur ce qu'il doit corriger (commentaire obligatoire)."})
    submission = ReviewSubmission.objects.select_for_update().get(pk=submission.pk)
    _transition(submission, to=SubmissionStatus.RETURNED, actor=user, action=Action.RETURNED, comment=comment.strip())
    value = submission.indicator_value
    if value is not None and value.status == IndicatorStatus.SUBMITTED:
        value_return(value=value, reviewer=user, comment=comment.strip())
    _notify_author(submission, subject="Votre bilan est renvoyé pour correction", template="returned")
    return submission


@transaction.atomic
def submission_publish(*, submission: ReviewSubmission, user: Any, comment: str = "") -> ReviewSubmission:
    """The mission team validates a submitted bilan and publishes it: it becomes the measure's review."""
    _check_mission_team(user)
    submission = ReviewSubmission.objects.select_for_update().select_related("measure__programme").get(pk=submission.pk)
    _transition(submission, to=SubmissionStatus.PUBLISHED, actor=user, action=Action.PUBLISHED, comment=comment.strip())
    review = review_add(
        programme=submission.measure.programme,
        measure=submission.measure,
        date=submission.date,
        status=submission.review_status,
        progress=submission.progress,
        text=submission.text,
        next_steps=submission.next_steps,
        next_step_date=submission.next_step_date,
        evidence_links=[(link.url, link.label) for link in submission.links.all()],
        source=PUBLISHED_SOURCE,
        author=user,
    )
    submission.review = review
    submission.save(update_fields=["review"])
    value = submission.indicator_value
    if value is not None and value.status == IndicatorStatus.SUBMITTED:
        value_approve(value=value, reviewer=user)
    _notify_author(submission, subject="Votre bilan est publié", template="published")
    return submission


def _notify_author(submission: ReviewSubmission, *, subject: str, template: str) -> None:
    """The answer to the facilitator's own submission: a mail they cannot stop (``topic=None``), with
    the link to their notification preferences; it leaves once the decision commits."""
    author = submission.author
    if author is None or not author.email or not author.is_active:
        return
    last = submission.events.order_by("-at", "-id").first()
    context = {
        "submission": submission,
        "measure": submission.measure,
        "comment": last.comment if last else "",
    }
    notify(
        user=author,
        topic=None,
        subject=f"{subject} (mesure {submission.measure.number})",
        template=f"roadmap/email/submission_{template}",
        context=context,
    )
