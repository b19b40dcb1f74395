"""Who may enter and who may approve an indicator's values: checked on the server by every service.

- An alliance's (case's) indicator: the members of its partner organisations, that is the
  organisations of the directory a partner is explicitly linked to (``CasePartner.organisation``,
  set by the proposer or an editor). A partner matched only by its name is not enough to write.
- A measure's or a chantier's indicator: the mission team (permission ``add_indicatorvalue``), and
  whoever an entry rule registered by another app admits (``register_entry_rule``): the roadmap's
  facilitators once they exist.
- Approving or returning: the mission team and the moderators (``approve_indicatorvalue``), in the
  back office.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from indicators.models import Indicator
from organisations.models import Membership, Organisation

ENTER_PERMISSION = "indicators.add_indicatorvalue"
APPROVE_PERMISSION = "indicators.approve_indicatorvalue"

EntryRule = Callable[[Any, Indicator], bool]
_entry_rules: dict[str, EntryRule] = {}


def register_entry_rule(name: str, rule: EntryRule) -> None:
    """Let ``rule(user, indicator)`` admit more people to enter values (e.g. a measure's facilitators).

    Registered once per name (an app's ``ready()`` may run twice); a rule only adds people, never removes."""
    _entry_rules[name] = rule


def _authenticated(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and bool(getattr(user, "is_active", False))


def partner_organisations(indicator: Indicator) -> list[Organisation]:
    if indicator.case_id is None:
        return []
    return list(Organisation.objects.filter(case_partnerships__case_id=indicator.case_id).distinct())


def is_partner_member(user: Any, indicator: Indicator) -> bool:
    if indicator.case_id is None or not _authenticated(user):
        return False
    return Membership.objects.filter(user=user, organisation__case_partnerships__case_id=indicator.case_id).exists()


def can_enter(user: Any, indicator: Indicator) -> bool:
    if not _authenticated(user):
        return False
    on_case = indicator.case_id is not None
    allowed = is_partner_member(user, indicator) if on_case else user.has_perm(ENTER_PERMISSION)
    return allowed or any(rule(user, indicator) for rule in _entry_rules.values())


def refusal_to_enter(indicator: Indicator) -> str:
    if indicator.case_id is not None:
        return (
            "Seuls les membres des organisations partenaires de cette alliance peuvent saisir ses résultats : "
            "vous n'êtes membre d'aucune d'elles."
        )
    return "Seule l'équipe de la mission (ou les facilitateurs de la mesure) peut saisir les valeurs de cet indicateur."


def can_approve(user: Any) -> bool:
    return _authenticated(user) and user.has_perm(APPROVE_PERMISSION)
