"""Take in charge, answer, close, withdraw: who may, which transitions, what is sent, what is erased."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.utils import timezone

from core.dates import french_date
from core.models import JobRun
from core.permissions import MODERATORS, ensure_roles
from support import services
from support.models import Outcome, RequestStatus, Sender, SupportMessage, SupportRequest
from tests.support.factories import catalyst_with_team, requester, support_request, team_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def rhone(territories, vocabularies):
    return catalyst_with_team(name="Catalyseur du Rhône", departements=["69"])


@pytest.fixture
def isere(territories, vocabularies):
    return catalyst_with_team(name="Catalyseur de l'Isère", departements=["38"])


def _state(pk: int) -> tuple:
    found = SupportRequest.objects.get(pk=pk)
    return found.status, found.handled_by_id, found.outcome, found.messages.count()


def test_the_catalyst_members_are_mailed_when_a_request_arrives(rhone, django_capture_on_commit_callbacks) -> None:
    member = team_member(rhone)
    with django_capture_on_commit_callbacks(execute=True):
        support_request(commune="69123")
    [sent] = mail.outbox
    assert sent.to == [member.email]
    assert sent.subject == "[Alliances & Territoires] Nouvelle demande d'accompagnement à Lyon (69)"
    assert "Monter une alliance" in sent.body and "/accompagnement/demandes/" in sent.body
    assert "Ne plus recevoir ces messages : http" in sent.body  # the notification topic's unsubscribe link
    assert isinstance(sent, EmailMultiAlternatives)
    html = sent.alternatives[0][0]
    assert isinstance(html, str)
    assert "Ne plus recevoir ces messages</a>" in html


def test_a_request_nobody_covers_is_mailed_to_the_platform_team(
    territories, vocabularies, django_capture_on_commit_callbacks
) -> None:
    ensure_roles()
    moderator = requester("moderatrice")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    with django_capture_on_commit_callbacks(execute=True):
        support_request(commune="13055", user=requester("demandeuse"))
    assert [m.to for m in mail.outbox] == [[moderator.email]]
    assert "pour l'équipe de la plateforme" in mail.outbox[0].body


def test_take_answer_and_close_tell_the_requester(rhone, django_capture_on_commit_callbacks) -> None:
    member = team_member(rhone)
    person = requester()
    created = support_request(user=person)
    with django_capture_on_commit_callbacks(execute=True):
        services.support_request_take(support_request=created, user=member)
        services.support_message_send(support_request=created, user=member, body="Bonjour, appelons-nous mardi.")
        services.support_request_close(
            support_request=created, user=member, outcome=Outcome.SUPPORTED, note="Bonne suite !"
        )
    assert [m.subject for m in mail.outbox] == [
        "[Alliances & Territoires] Votre demande d'accompagnement est prise en charge",
        "[Alliances & Territoires] Réponse à votre demande d'accompagnement",
        "[Alliances & Territoires] Votre demande d'accompagnement est close",
    ]
    assert all(m.to == [person.email] for m in mail.outbox)
    assert "Bonjour, appelons-nous mardi." in mail.outbox[1].body
    assert member.email not in mail.outbox[1].body  # the catalyst's member stays behind the platform
    asked = f"accompagnement sur Alliances & Territoires le {french_date(created.created_at)}."
    assert asked in mail.outbox[1].body
    answer = mail.outbox[1]
    assert isinstance(answer, EmailMultiAlternatives)
    assert asked.replace("&", "&amp;") in str(answer.alternatives[0][0])
    created.refresh_from_db()
    assert (created.status, created.handled_by, created.outcome) == (RequestStatus.CLOSED, rhone, Outcome.SUPPORTED)
    assert [m.sender for m in created.messages.all()] == [Sender.CATALYST, Sender.CATALYST]


def test_a_member_of_another_catalyst_cannot_act_and_nothing_changes(rhone, isere) -> None:
    created = support_request(commune="69123")
    outsider = team_member(isere)
    before = _state(created.pk)
    with pytest.raises(PermissionDenied, match="n'a pas été transmise à votre catalyseur"):
        services.support_request_take(support_request=created, user=outsider)
    with pytest.raises(PermissionDenied):
        services.support_message_send(support_request=created, user=outsider, body="Bonjour")
    with pytest.raises(PermissionDenied):
        services.support_request_close(support_request=created, user=outsider, outcome=Outcome.NO_FOLLOW_UP)
    assert _state(created.pk) == before


def test_a_person_with_no_team_cannot_act(rhone) -> None:
    created = support_request()
    with pytest.raises(PermissionDenied):
        services.support_request_take(support_request=created, user=requester("curieux"))


@pytest.mark.parametrize(
    ("prepare", "action", "message"),
    [
        ("take", "take", "déjà prise en charge par Catalyseur du Rhône"),
        ("close", "take", "close : elle ne peut plus être prise en charge"),
        ("close", "close", "déjà close"),
        ("none", "answer", "Prenez d'abord la demande en charge"),
        ("close", "answer", "aucun message ne peut plus"),
    ],
)
def test_transitions_not_allowed_are_refused_in_french(rhone, prepare, action, message) -> None:
    member = team_member(rhone)
    created = support_request()
    if prepare == "take":
        services.support_request_take(support_request=created, user=member)
    elif prepare == "close":
        services.support_request_close(support_request=created, user=member, outcome=Outcome.NO_FOLLOW_UP)
    before = _state(created.pk)
    with pytest.raises(ValidationError, match=message):
        if action == "take":
            services.support_request_take(support_request=created, user=member)
        elif action == "close":
            services.support_request_close(support_request=created, user=member, outcome=Outcome.SUPPORTED)
        else:
            services.support_message_send(support_request=created, user=member, body="Bonjour")
    assert _state(created.pk) == before


def test_only_the_catalyst_that_took_it_answers_when_two_received_it(territories, vocabularies) -> None:
    first = catalyst_with_team(name="Catalyseur A", departements=["69"])
    second = catalyst_with_team(name="Catalyseur B", departements=["69"])
    created = support_request()
    services.support_request_take(support_request=created, user=team_member(first))
    with pytest.raises(PermissionDenied, match="prise en charge par Catalyseur A"):
        services.support_message_send(support_request=created, user=team_member(second), body="Bonjour")
    with pytest.raises(PermissionDenied):
        services.support_request_close(support_request=created, user=team_member(second), outcome=Outcome.SUPPORTED)
    assert SupportMessage.objects.count() == 0


def test_the_desk_cannot_close_with_the_requester_outcome(rhone) -> None:
    created = support_request()
    with pytest.raises(ValidationError, match="issue de la demande"):
        services.support_request_close(support_request=created, user=team_member(rhone), outcome=Outcome.WITHDRAWN)


def test_the_requester_answers_and_withdraws(rhone, django_capture_on_commit_callbacks) -> None:
    member = team_member(rhone)
    person = requester()
    created = support_request(user=person)
    services.support_request_take(support_request=created, user=member)
    with django_capture_on_commit_callbacks(execute=True):
        services.support_message_send(support_request=created, user=person, body="Merci, mardi me convient.")
    assert [m.to for m in mail.outbox] == [[member.email]]
    services.support_request_close(support_request=created, user=person, outcome=Outcome.SUPPORTED)
    created.refresh_from_db()
    assert (created.status, created.outcome) == (RequestStatus.CLOSED, Outcome.WITHDRAWN)


def test_a_blank_or_too_long_text_is_refused_and_nothing_is_stored(rhone) -> None:
    person = requester()
    with pytest.raises(ValidationError) as error:
        support_request(user=person, purpose="   ")
    assert "purpose" in error.value.message_dict
    with pytest.raises(ValidationError, match="3000 caractères au plus"):
        support_request(user=person, purpose="a" * 3001)
    assert not SupportRequest.objects.exists()


def test_an_organisation_one_does_not_represent_is_refused(rhone) -> None:
    from tests.organisations.member_factories import OrganisationFactory

    with pytest.raises(ValidationError, match="Vous ne représentez pas cette organisation"):
        support_request(organisation=OrganisationFactory())
    assert not SupportRequest.objects.exists()


def _closed_long_ago(rhone, days: int) -> SupportRequest:
    member = team_member(rhone)
    created = support_request()
    services.support_request_take(support_request=created, user=member)
    services.support_message_send(support_request=created, user=member, body="Voici nos coordonnées.")
    services.support_request_close(support_request=created, user=member, outcome=Outcome.SUPPORTED)
    SupportRequest.objects.filter(pk=created.pk).update(closed_at=timezone.now() - dt.timedelta(days=days))
    return created


def test_closed_requests_are_anonymised_after_the_retention_period_once(rhone) -> None:
    old = _closed_long_ago(rhone, 731)
    recent = _closed_long_ago(rhone, 700)
    assert services.support_requests_anonymise() == 1
    old.refresh_from_db()
    assert (old.purpose, old.requester, old.anonymised_at is not None) == (services.ERASED, None, True)
    assert list(old.messages.values_list("body", "author")) == [(services.ERASED, None)]
    assert (old.territory_code, old.status, old.outcome) == ("69123", RequestStatus.CLOSED, Outcome.SUPPORTED)
    recent.refresh_from_db()
    assert recent.purpose.startswith("Monter une alliance") and recent.anonymised_at is None
    assert services.support_requests_anonymise() == 0  # idempotent


def test_the_retention_is_a_setting(rhone, settings) -> None:
    settings.SUPPORT_RETENTION_DAYS = 30
    _closed_long_ago(rhone, 31)
    assert services.support_requests_anonymise() == 1


def test_the_command_runs_once_per_day_across_servers(rhone) -> None:
    from io import StringIO

    _closed_long_ago(rhone, 800)
    first, second = StringIO(), StringIO()
    call_command("anonymise_support_requests", stdout=first)
    call_command("anonymise_support_requests", stdout=second)
    assert "1 demande(s) d'accompagnement anonymisée(s)" in first.getvalue()
    assert "déjà lancée pour la période" in second.getvalue()
    assert JobRun.objects.filter(name="anonymise_support_requests").count() == 1


def test_deleting_ones_account_erases_the_texts_and_keeps_the_count(rhone) -> None:
    from accounts.services import account_delete

    person = requester()
    created = support_request(user=person, commune="13055")
    account_delete(user=person)
    created.refresh_from_db()
    assert (created.purpose, created.requester_id) == (services.ERASED, None)
    assert created.routing_level == "platform"
