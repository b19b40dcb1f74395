from __future__ import annotations

from organisations.models import Membership, Role
from tests.accounts.factories import AccountFactory
from tests.organisations.factories import OrganisationFactory


def member_of(organisation, *, role: str = Role.ADMIN, email: str | None = None, username: str | None = None):
    """A person with a confirmed address who represents ``organisation``."""
    username = username or f"membre{Membership.objects.count() + 1}"
    user = AccountFactory(username=username, email=email or f"{username}@example.invalid")
    Membership.objects.create(organisation=organisation, user=user, role=role)
    return user


__all__ = ["OrganisationFactory", "member_of"]
