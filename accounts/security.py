"""What django-axes counts as « the account » of a failed sign-in: the e-mail typed on /connexion/
(allauth's ``login`` field), or the username typed in the back office (/admin/login/)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def axes_username(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str | None:
    if credentials:
        value = credentials.get("email") or credentials.get("username")
    else:
        value = request.POST.get("login") or request.POST.get("username")
    value = str(value or "").strip().lower()
    return value or None
