from __future__ import annotations

import re

import pytest
from django.core import mail

from tests.accounts.factories import AccountFactory


@pytest.fixture
def account(db):
    return AccountFactory(username="camille", email="camille@example.invalid")


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Run a request and the e-mails it queues for after its commit (AccountAdapter.send_mail)."""

    def run(method, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return method(*args, **kwargs)

    return run


def link_in(message: mail.EmailMessage, path_start: str) -> str:
    """The path of the first link of the plain-text body that starts with ``path_start``."""
    match = re.search(r"https?://[^/\s]+(" + re.escape(path_start) + r"\S*)", message.body)
    assert match, message.body
    return match.group(1)
