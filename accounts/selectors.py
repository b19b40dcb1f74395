"""What « Mon espace » shows of the signed-in person."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.models import AbstractBaseUser

from alerts import selectors as alert_selectors
from alerts.models import SavedSearch


def my_space(*, user: AbstractBaseUser) -> dict[str, Any]:
    searches = [
        (saved_search, alert_selectors.saved_search_description(saved_search))
        for saved_search in SavedSearch.objects.of_user(user)
    ]
    return {
        "primary_email": EmailAddress.objects.get_primary_email(user) or getattr(user, "email", ""),
        "searches": searches,
    }
