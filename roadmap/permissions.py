"""Who may draft, review and publish the facilitators' bilans: checked on the server by every service."""

from __future__ import annotations

from typing import Any

from roadmap.models import FacilitatorAssignment, Measure

# The mission team's role (core.permissions) holds it; Wagtail superusers too.
MISSION_TEAM_PERMISSION = "roadmap.change_reviewsubmission"


def is_mission_team(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.has_perm(MISSION_TEAM_PERMISSION))


def is_facilitator(user: Any, measure: Measure) -> bool:
    """The person was named facilitator of this measure by the mission team (``FacilitatorAssignment``)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return FacilitatorAssignment.objects.filter(measure=measure, user=user).exists()


def facilitated_measures(user: Any) -> Any:
    """The published measures this person facilitates, by number."""
    if not getattr(user, "is_authenticated", False):
        return Measure.objects.none()
    return Measure.objects.filter(facilitator_assignments__user=user).published().distinct().order_by("number")


def facilitates_indicator(user: Any, indicator: Any) -> bool:
    """A measure's facilitators enter the values of its indicators (rule registered with ``indicators``)."""
    measure_id = getattr(indicator, "measure_id", None)
    if measure_id is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return FacilitatorAssignment.objects.filter(measure_id=measure_id, user=user).exists()
