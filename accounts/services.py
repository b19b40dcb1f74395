"""Writes on a person's account."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from accounts.models import NotificationPreferences, Topic
from alerts.models import SavedSearch
from cases.models import CaseProposal
from support.services import support_requests_forget_requester


@transaction.atomic
def account_delete(*, user: AbstractBaseUser) -> dict[str, int]:
    """Erase the account and what only serves it: e-mail addresses, saved searches and their alerts,
    notification preferences, the link to the cases they proposed, memberships of organisations, the
    texts of their support requests and messages (the requests stay, anonymous, for the demand counts).
    What the person published for the public stays, without their name: the cases they proposed,
    the revisions and moderation history (``on_delete=SET_NULL`` in Wagtail). Returns what was
    erased, by kind."""
    erased = {
        "saved_searches": SavedSearch.objects.of_user(user).count(),
        "case_proposals": CaseProposal.objects.of_user(user).count(),
        "support_requests": support_requests_forget_requester(user=user),  # texts erased, counts kept
    }
    user.delete()
    return erased


@transaction.atomic
def notification_preferences_set(*, user: AbstractBaseUser, **wanted: bool) -> NotificationPreferences:
    """Turn topics on or off (``proposals=False``…); topics not named keep their value."""
    unknown = set(wanted) - set(Topic.values)
    if unknown:
        raise ValueError(f"Unknown notification topics: {sorted(unknown)}")
    preferences, _ = NotificationPreferences.objects.select_for_update().get_or_create(user=user)
    for topic, value in wanted.items():
        setattr(preferences, topic, bool(value))
    preferences.full_clean()
    preferences.save()
    return preferences
