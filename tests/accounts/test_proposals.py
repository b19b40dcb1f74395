"""Mon espace follows the cases a person proposed; moderation tells them by e-mail."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from accounts.models import NotificationPreferences
from cases.models import Case, CaseProposal, ProposalStatus
from cases.services import proposal_decide
from core.permissions import MODERATORS, ensure_roles
from tests.accounts.factories import AccountFactory
from tests.factories import UserFactory
from tests.hubfeeds.test_proposals import _proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposed(client, account, vocabularies):
    """A case proposed by the signed-in account, waiting in « Moderators approval »."""
    ensure_roles()
    client.force_login(account)
    assert client.post("/proposer-un-exemple/", _proposal()).status_code == 302
    return Case.objects.get()


@pytest.fixture
def moderator(db):
    user = UserFactory(username="moderatrice")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


def test_a_proposal_waits_en_attente_in_my_space(client, proposed, account) -> None:
    proposal = CaseProposal.objects.get()
    assert (proposal.case, proposal.proposer, proposal.status) == (proposed, account, ProposalStatus.PENDING)
    html = client.get("/mon-espace/").content.decode()
    assert "Une ressourcerie partagée" in html
    assert "en attente" in html


def test_publishing_a_proposal_tells_the_proposer_by_e_mail(
    client, proposed, moderator, django_capture_on_commit_callbacks
) -> None:
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        proposed.current_workflow_state.current_task_state.approve(user=moderator)
    assert CaseProposal.objects.get().status == ProposalStatus.PUBLISHED
    (message,) = mail.outbox
    assert message.to == ["camille@example.invalid"]
    assert message.subject == "[Alliances & Territoires] Votre proposition est publié"
    assert "a été relue et publiée" in message.body
    assert "L'équipe Alliances & Territoires" in message.body
    assert "/notifications/desabonnement/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Ne plus recevoir ces messages" in html
    assert "publié" in client.get("/mon-espace/").content.decode()


def test_a_refusal_shows_the_moderators_reason(client, proposed, moderator, django_capture_on_commit_callbacks) -> None:
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        proposed.current_workflow_state.current_task_state.reject(
            user=moderator, comment="Les partenaires ne sont pas vérifiables."
        )
    proposal = CaseProposal.objects.get()
    assert (proposal.status, proposal.reason) == (ProposalStatus.REJECTED, "Les partenaires ne sont pas vérifiables.")
    assert "Les partenaires ne sont pas vérifiables." in mail.outbox[0].body
    html = client.get("/mon-espace/").content.decode()
    assert "refusé" in html and "Les partenaires ne sont pas vérifiables." in html


def test_no_e_mail_when_the_proposer_turned_these_notifications_off(
    proposed, account, moderator, django_capture_on_commit_callbacks
) -> None:
    NotificationPreferences.objects.create(user=account, proposals=False)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        proposed.current_workflow_state.current_task_state.approve(user=moderator)
    assert CaseProposal.objects.get().status == ProposalStatus.PUBLISHED
    assert mail.outbox == []


def test_the_same_decision_twice_sends_one_e_mail(proposed, django_capture_on_commit_callbacks) -> None:
    proposal = CaseProposal.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        proposal_decide(proposal=proposal, status=ProposalStatus.REJECTED, reason="Hors sujet.")
        proposal_decide(proposal=proposal, status=ProposalStatus.REJECTED, reason="Hors sujet.")
    assert len(mail.outbox) == 1


def test_the_e_mail_leaves_only_if_the_decision_commits(proposed, django_capture_on_commit_callbacks) -> None:
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        proposal_decide(proposal=CaseProposal.objects.get(), status=ProposalStatus.PUBLISHED)
    assert mail.outbox == [] and len(callbacks) == 1


def test_i_do_not_see_the_proposals_of_others(client, proposed) -> None:
    client.force_login(AccountFactory(username="autre", email="autre@example.invalid"))
    assert "Une ressourcerie partagée" not in client.get("/mon-espace/").content.decode()


def test_the_unsubscribe_link_works_without_signing_in(
    client, proposed, account, django_capture_on_commit_callbacks
) -> None:
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        proposal_decide(proposal=CaseProposal.objects.get(), status=ProposalStatus.PUBLISHED)
    link = next(word for word in mail.outbox[0].body.split() if "/notifications/desabonnement/" in word)
    path = link.split("://", 1)[1].split("/", 1)[1]
    client.logout()
    page = client.get(f"/{path}")
    assert page.status_code == 200 and "Confirmer le désabonnement" in page.content.decode()
    assert NotificationPreferences.objects.filter(user=account).exists() is False  # GET changes nothing
    assert "vous ne recevrez plus d" in client.post(f"/{path}").content.decode()
    preferences = NotificationPreferences.objects.get(user=account)
    assert (preferences.proposals, preferences.organisations) == (False, True)


def test_a_forged_unsubscribe_link_answers_in_french_and_changes_nothing(client, account) -> None:
    response = client.post("/notifications/desabonnement/faux-jeton/")
    assert response.status_code == 404
    assert "lien de désabonnement n'est pas valable" in response.content.decode()
    assert not NotificationPreferences.objects.exists()
