"""The facilitators' bilans: draft → submitted → returned | published, with rights checked on the server."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse

from accounts.models import Topic
from accounts.services import notification_preferences_set
from roadmap import selectors
from roadmap.models import FacilitatorAssignment, Measure, Review, ReviewSubmission, SubmissionStatus
from roadmap.submission_services import (
    submission_create,
    submission_publish,
    submission_return,
    submission_submit,
    submission_update,
)
from tests.roadmap.facilitation_fixtures import content, facilitator, measure_2, mission_member, stranger

__all__ = ["facilitator", "measure_2", "mission_member", "stranger"]

pytestmark = pytest.mark.django_db


def test_a_facilitator_drafts_a_bilan_that_the_public_roadmap_does_not_show(facilitator, measure_2) -> None:
    submission = submission_create(measure=measure_2, user=facilitator, content=content())
    assert submission.status == SubmissionStatus.DRAFT
    assert not Review.objects.filter(measure=measure_2).exists()
    summary = selectors.programme_summary()
    assert summary is not None
    assert summary.total.roll_up.basis == "1 mesure évaluée sur 21"


def test_a_bilan_on_a_measure_that_is_not_theirs_is_refused_and_nothing_is_written(facilitator, programme) -> None:
    measure_3 = Measure.objects.get(programme=programme, number=3)
    with pytest.raises(PermissionDenied, match="pas facilitateur de la mesure 3"):
        submission_create(measure=measure_3, user=facilitator, content=content())
    assert not ReviewSubmission.objects.exists()


def test_a_bilan_dated_in_the_future_is_refused_in_french(facilitator, measure_2) -> None:
    with pytest.raises(ValidationError) as error:
        submission_create(measure=measure_2, user=facilitator, content=content(date=dt.date(2999, 1, 1)))
    assert error.value.message_dict["date"] == ["La date du bilan ne peut pas être dans le futur."]
    assert not ReviewSubmission.objects.exists()


def test_the_full_cycle_submit_return_correct_publish_keeps_every_step(facilitator, mission_member, measure_2) -> None:
    submission = submission_create(measure=measure_2, user=facilitator, content=content(), submit=True)
    assert submission.status == SubmissionStatus.SUBMITTED
    submission_return(submission=submission, user=mission_member, comment="Précisez les réseaux concernés.")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.RETURNED
    assert selectors.latest_return_comment(submission) == "Précisez les réseaux concernés."
    submission = submission_update(
        submission=submission, user=facilitator, content=content(text="Outils de 12 réseaux recensés."), submit=True
    )
    submission = submission_publish(submission=submission, user=mission_member)
    assert submission.status == SubmissionStatus.PUBLISHED
    review = Review.objects.get(measure=measure_2)
    assert review.text == "Outils de 12 réseaux recensés."
    assert review.progress == 50
    actions = list(submission.events.values_list("action", flat=True))
    assert actions == ["created", "submitted", "returned", "updated", "submitted", "published"]
    summary = selectors.programme_summary()
    assert summary is not None
    assert summary.total.roll_up.basis == "2 mesures évaluées sur 21"


def test_the_facilitator_is_told_by_mail_when_the_bilan_is_returned(
    facilitator, mission_member, measure_2, django_capture_on_commit_callbacks
) -> None:
    submission = submission_create(measure=measure_2, user=facilitator, content=content(), submit=True)
    with django_capture_on_commit_callbacks(execute=True):
        submission_return(submission=submission, user=mission_member, comment="Ajoutez un justificatif.")
    (message,) = mail.outbox
    assert isinstance(message, EmailMultiAlternatives)
    assert message.to == ["facilitatrice@example.invalid"]
    assert message.subject == "[Alliances & Territoires] Votre bilan est renvoyé pour correction (mesure 2)"
    assert "Ajoutez un justificatif." in message.body
    assert f"http://127.0.0.1:8000{reverse('facilitation:submission', args=[submission.pk])}" in message.body
    _assert_a_mail_the_facilitator_cannot_stop(message)
    assert "Ajoutez un justificatif." in str(message.alternatives[0][0])


def _assert_a_mail_the_facilitator_cannot_stop(message) -> None:
    """French, plain text plus HTML, signed by the platform; no unsubscribe link (the answer to their
    own submission) but the link to the notification preferences."""
    ((content, mimetype),) = message.alternatives
    html = str(content)
    assert mimetype == "text/html"
    assert message.body.startswith("Bonjour,")
    assert "L'équipe Alliances & Territoires" in message.body
    assert "L'équipe Alliances &amp; Territoires" in html
    assert "Gérer vos préférences : http://127.0.0.1:8000/mon-espace/notifications/" in message.body
    assert 'href="http://127.0.0.1:8000/mon-espace/notifications/"' in html
    assert "il vous est envoyé quelles que soient vos préférences" in message.body
    assert "Ne plus recevoir" not in message.body and "Ne plus recevoir" not in html


def test_the_facilitator_is_told_by_mail_when_the_bilan_is_published_even_with_every_topic_off(
    facilitator, mission_member, measure_2, django_capture_on_commit_callbacks
) -> None:
    notification_preferences_set(user=facilitator, **dict.fromkeys(Topic.values, False))
    submission = submission_create(measure=measure_2, user=facilitator, content=content(), submit=True)
    with django_capture_on_commit_callbacks(execute=True):
        submission_publish(submission=submission, user=mission_member, comment="Merci, c'est clair.")
    (message,) = mail.outbox
    assert isinstance(message, EmailMultiAlternatives)
    assert message.to == ["facilitatrice@example.invalid"]
    assert message.subject == "[Alliances & Territoires] Votre bilan est publié (mesure 2)"
    assert "validé et publié le bilan" in message.body
    assert "Merci, c'est clair." in message.body
    assert "Merci, c&#x27;est clair." in str(message.alternatives[0][0])
    assert f"http://127.0.0.1:8000{measure_2.get_absolute_url()}" in message.body
    _assert_a_mail_the_facilitator_cannot_stop(message)


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (SubmissionStatus.DRAFT, "publish"),
        (SubmissionStatus.DRAFT, "return"),
        (SubmissionStatus.RETURNED, "publish"),
        (SubmissionStatus.PUBLISHED, "return"),
        (SubmissionStatus.PUBLISHED, "publish"),
        (SubmissionStatus.SUBMITTED, "submit"),
        (SubmissionStatus.PUBLISHED, "submit"),
    ],
)
def test_transitions_that_are_not_allowed_are_refused_and_change_nothing(
    facilitator, mission_member, measure_2, status, action
) -> None:
    submission = submission_create(measure=measure_2, user=facilitator, content=content())
    ReviewSubmission.objects.filter(pk=submission.pk).update(status=status)
    events = submission.events.count()
    with pytest.raises(ValidationError, match="ne peut pas passer à l'état"):
        if action == "publish":
            submission_publish(submission=submission, user=mission_member)
        elif action == "return":
            submission_return(submission=submission, user=mission_member, comment="Non.")
        else:
            submission_submit(submission=submission, user=facilitator)
    submission.refresh_from_db()
    assert submission.status == status
    assert submission.events.count() == events
    assert not Review.objects.filter(measure=measure_2).exists()


def test_a_submitted_bilan_cannot_be_edited_by_its_facilitator(facilitator, measure_2) -> None:
    submission = submission_create(measure=measure_2, user=facilitator, content=content(), submit=True)
    with pytest.raises(ValidationError, match="ne peut plus être modifié"):
        submission_update(submission=submission, user=facilitator, content=content(text="Autre texte."))
    submission.refresh_from_db()
    assert submission.text == "Les outils des réseaux ont été recensés et comparés."


def test_returning_needs_a_comment(facilitator, mission_member, measure_2) -> None:
    submission = submission_create(measure=measure_2, user=facilitator, content=content(), submit=True)
    with pytest.raises(ValidationError) as error:
        submission_return(submission=submission, user=mission_member, comment="  ")
    assert "commentaire obligatoire" in error.value.message_dict["comment"][0]
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED


def test_only_the_mission_team_publishes_or_returns(facilitator, stranger, measure_2) -> None:
    submission = submission_create(measure=measure_2, user=facilitator, content=content(), submit=True)
    for user in (facilitator, stranger):
        with pytest.raises(PermissionDenied):
            submission_publish(submission=submission, user=user)
        with pytest.raises(PermissionDenied):
            submission_return(submission=submission, user=user, comment="Non.")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED


def test_a_facilitator_removed_from_the_measure_can_no_longer_edit_its_draft(facilitator, measure_2) -> None:
    submission = submission_create(measure=measure_2, user=facilitator, content=content())
    FacilitatorAssignment.objects.filter(user=facilitator).delete()
    with pytest.raises(PermissionDenied):
        submission_update(submission=submission, user=facilitator, content=content(text="Changé."))


def test_the_reference_bilan_is_left_intact_by_a_publication(facilitator, mission_member, programme) -> None:
    measure_1 = Measure.objects.get(programme=programme, number=1)
    FacilitatorAssignment.objects.create(measure=measure_1, user=facilitator)
    reference = Review.objects.get(measure=measure_1)
    before = (reference.date, reference.text, reference.status_id, reference.progress)
    submission = submission_create(measure=measure_1, user=facilitator, content=content(), submit=True)
    submission_publish(submission=submission, user=mission_member)
    reference.refresh_from_db()
    assert (reference.date, reference.text, reference.status_id, reference.progress) == before
    assert Review.objects.filter(measure=measure_1).count() == 2
