"""Writes on a person's account."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from alerts.models import SavedSearch


@transaction.atomic
def account_delete(*, user: AbstractBaseUser) -> dict[str, int]:
    """Erase the account and what only serves it: e-mail addresses, saved searches and their alerts,
    (later) memberships of organisations. What the person published for the public stays, without
    their name: the revisions and moderation history of their case proposals lose their author
    (``on_delete=SET_NULL`` in Wagtail). Returns what was erased, by kind."""
    erased = {"saved_searches": SavedSearch.objects.of_user(user).count()}
    user.delete()
    return erased
