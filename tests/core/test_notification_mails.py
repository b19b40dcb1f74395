"""Wagtail's back-office notification e-mails (moderation workflow) are French, name the platform and link
to the item: its public page once live, the back office to review it."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail

from core.permissions import EDITORIAL_TEAM, MODERATORS, ensure_roles
from tests.cases.factories import CaseFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

WAGTAIL_ENGLISH = (
    "Hello",
    "has been submitted",
    "has been approved",
    "You can edit",
    "You can view",
    "You can preview",
    "notification preferences",
    "moderation",
)


def _member(role: str, username: str):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def submitted(vocabularies):
    """A draft case written by an editor and submitted to « Validation par les modérateurs »."""
    ensure_roles()
    editor = _member(EDITORIAL_TEAM, "redactrice")
    moderator = _member(MODERATORS, "moderateur")
    case = CaseFactory(draft=True, title="Alliance « l'eau & les champs »", user=editor)
    case.get_workflow().start(case, editor)
    return case, editor, moderator


def _mails_to(user) -> list:
    return [message for message in mail.outbox if message.to == [user.email]]


def test_moderators_receive_a_french_mail_naming_the_platform_with_the_review_link(submitted) -> None:
    case, _, moderator = submitted
    (message,) = _mails_to(moderator)
    assert message.subject == "[Alliances & Territoires] Contenu à relire : « Alliance « l'eau & les champs » »"
    assert message.body.startswith("Bonjour moderateur,")
    review = f"{settings.WAGTAILADMIN_BASE_URL}/admin/snippets/cases/case/edit/{case.pk}/"
    assert f"Ouvrir dans l'espace d'administration : {review}" in message.body
    assert "L'équipe Alliances & Territoires" in message.body


def test_a_draft_under_review_gets_no_public_link(submitted) -> None:
    _, _, moderator = submitted
    assert "Voir la page publique" not in _mails_to(moderator)[0].body


def test_approving_sends_the_editor_a_french_mail_with_the_public_page_first(submitted) -> None:
    case, editor, moderator = submitted
    mail.outbox.clear()
    case.current_workflow_state.current_task_state.approve(user=moderator)
    case.refresh_from_db()
    (message,) = _mails_to(editor)
    assert message.subject == "[Alliances & Territoires] Contenu validé : « Alliance « l'eau & les champs » »"
    public = f"Voir la page publique : {settings.WAGTAILADMIN_BASE_URL}{case.get_absolute_url()}"
    assert public in message.body
    assert message.body.index(public) < message.body.index("Ouvrir dans l'espace d'administration")
    assert "il est maintenant publié sur la plateforme" in message.body


def test_asking_for_changes_sends_the_editor_the_moderator_s_comment_in_french(submitted) -> None:
    case, editor, moderator = submitted
    mail.outbox.clear()
    case.current_workflow_state.current_task_state.reject(user=moderator, comment="Ajoutez une source.")
    (message,) = _mails_to(editor)
    assert message.subject.startswith("[Alliances & Territoires] Modifications demandées : ")
    assert "Commentaire laissé par la modération : « Ajoutez une source. »" in message.body


def test_no_sentence_of_wagtail_s_english_mails_remains(submitted) -> None:
    case, _, moderator = submitted
    case.current_workflow_state.current_task_state.approve(user=moderator)
    assert mail.outbox
    for message in mail.outbox:
        for english in WAGTAIL_ENGLISH:
            assert english not in message.subject + message.body


def test_the_html_version_escapes_titles_and_links_the_addresses(submitted, settings) -> None:
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    case, editor, moderator = submitted
    mail.outbox.clear()
    case.current_workflow_state.current_task_state.approve(user=moderator)
    (message,) = _mails_to(editor)
    html = message.alternatives[0][0]
    assert '<html lang="fr"' in html
    assert "Alliance « l&#x27;eau &amp; les champs »" in html
    assert f'<a href="{settings.WAGTAILADMIN_BASE_URL}{case.get_absolute_url()}"' in html
