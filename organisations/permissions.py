"""Who may act on an organisation's page: checked on the server by every service and view."""

from __future__ import annotations

from typing import Any

from organisations.models import Membership, Organisation, Role


def membership(user: Any, organisation: Organisation) -> Membership | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Membership.objects.filter(user=user, organisation=organisation).first()


def is_member(user: Any, organisation: Organisation) -> bool:
    return membership(user, organisation) is not None


def is_admin(user: Any, organisation: Organisation) -> bool:
    found = membership(user, organisation)
    return found is not None and found.role == Role.ADMIN
