"""Who may act on a support request, checked on the server by every service and view.

A « desk » is where requests are handled: a catalyst (the members of the organisation that runs it,
``alliances.CatalystOrganisation``, the same link as for the matches it proposes) or the platform's
team (the moderators' group). A desk sees and acts on the requests
routed to it, and on nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse

from catalysts.models import Catalyst
from core.permissions import MODERATORS
from support.models import RoutingLevel, SupportRequest

PLATFORM_LABEL = "Équipe de la plateforme"


@dataclass(frozen=True)
class Desk:
    """A catalyst's desk, or the platform's (``catalyst`` None)."""

    catalyst: Catalyst | None

    @property
    def is_platform(self) -> bool:
        return self.catalyst is None

    @property
    def label(self) -> str:
        return PLATFORM_LABEL if self.catalyst is None else self.catalyst.name

    @property
    def url(self) -> str:
        if self.catalyst is None:
            return reverse("support:desk_platform")
        return reverse("support:desk", kwargs={"slug": self.catalyst.slug})

    def requests(self) -> QuerySet[SupportRequest]:
        if self.catalyst is None:
            return SupportRequest.objects.for_platform()
        return SupportRequest.objects.routed_to(self.catalyst)


def team_catalysts(user: Any) -> QuerySet[Catalyst]:
    """The catalysts run by an organisation the person represents."""
    if not getattr(user, "is_authenticated", False):
        return Catalyst.objects.none()
    return (
        Catalyst.objects.filter(alliance_organisation__organisation__memberships__user=user)
        .distinct()
        .order_by("name", "id")
    )


def is_platform_team(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.groups.filter(name=MODERATORS).exists())


def desks_of(user: Any) -> list[Desk]:
    desks = [Desk(catalyst) for catalyst in team_catalysts(user)]
    if is_platform_team(user):
        desks.append(Desk(None))
    return desks


def desk_for(user: Any, support_request: SupportRequest) -> Desk | None:
    """The desk the person acts for on this request (the one that took it in charge first), or None."""
    if support_request.routing_level == RoutingLevel.PLATFORM:
        return Desk(None) if is_platform_team(user) else None
    mine = team_catalysts(user).filter(pk__in=support_request.routed_to.values("pk"))
    if support_request.handled_by_id and mine.filter(pk=support_request.handled_by_id).exists():
        return Desk(support_request.handled_by)
    first = mine.first()
    return Desk(first) if first is not None else None


def is_handling_desk(desk: Desk, support_request: SupportRequest) -> bool:
    if desk.catalyst is None:
        return support_request.handled_by_platform
    return support_request.handled_by_id == desk.catalyst.pk


def handling_label(support_request: SupportRequest) -> str:
    if support_request.handled_by_platform:
        return PLATFORM_LABEL
    handled_by = support_request.handled_by
    return handled_by.name if handled_by is not None else ""
