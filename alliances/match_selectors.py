"""Reads of the matches: what each side sees of the other, and the counts others build on.

Before both sides accept, a side sees the other as « une organisation de type … (département) »:
no name, no contact. After, each side sees the other's name, page, contact details and the member
who answered for it. A person who represents neither side sees nothing (``match_for_member``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, QuerySet

from alliances.models import Match, MatchStatus
from organisations.models import Organisation
from territories.models import Departement


def anonymous_label(organisation: Organisation) -> str:
    """« une organisation de type « Entreprise » (Bouches-du-Rhône) »: what a side learns before acceptance."""
    where = ""
    if organisation.departement_code:
        name = Departement.objects.filter(code=organisation.departement_code).values_list("name", flat=True).first()
        where = f" ({name or organisation.departement_code})"
    return f"une organisation de type « {organisation.kind.name} »{where}"


def _organisation_of(match: Match, side: str) -> Organisation:
    return match.requester if side == "requester" else match.recipient


def other_side(side: str) -> str:
    return "recipient" if side == "requester" else "requester"


def other_side_label(match: Match, side: str) -> str:
    """How ``side`` sees the other side: its name once both accepted, else its kind and département."""
    other = _organisation_of(match, other_side(side))
    return other.name if match.is_released else anonymous_label(other)


@dataclass(frozen=True)
class Contact:
    """What one side learns of the other once both accepted."""

    organisation: Organisation
    email: str
    phone: str
    person: str
    person_email: str


def contact_of(match: Match, side: str) -> Contact | None:
    """The contact details of ``side``, or None until both sides accepted."""
    if not match.is_released:
        return None
    organisation = _organisation_of(match, side)
    person = match.requester_contact if side == "requester" else match.recipient_contact
    return Contact(
        organisation=organisation,
        email=organisation.contact_email,
        phone=organisation.contact_phone,
        person=(person.get_full_name() or person.get_username()) if person else "",
        person_email=person.email if person else "",
    )


def sides_of_member(match: Match, user: Any) -> list[str]:
    """The sides of ``match`` whose organisation ``user`` represents."""
    if not getattr(user, "is_authenticated", False):
        return []
    mine = set(
        Organisation.objects.filter(
            memberships__user=user, pk__in=[match.requester_id, match.recipient_id]
        ).values_list("pk", flat=True)
    )
    return [side for side in ("requester", "recipient") if _organisation_of(match, side).pk in mine]


def match_for_member(pk: int, user: Any) -> tuple[Match, str] | None:
    """The match and the side ``user`` acts for; None when the match does not exist or ``user``
    represents neither side (a third person never sees a match, its messages or its contacts)."""
    match = (
        Match.objects.select_related(
            "listing", "requester__kind", "recipient__kind", "catalyst", "requester_contact", "recipient_contact"
        )
        .filter(pk=pk)
        .first()
    )
    if match is None:
        return None
    sides = sides_of_member(match, user)
    if not sides:
        return None
    return match, sides[0]


def matches_of_member(user: Any) -> QuerySet[Match]:
    """Every match of the organisations ``user`` represents, most recently changed first."""
    return Match.objects.for_member(user).select_related("listing", "requester__kind", "recipient__kind", "catalyst")


def formed_alliances(*, include_demo: bool = False) -> QuerySet[Match]:
    """Matches that became an alliance (« alliance formée »): what public statistics count."""
    queryset = Match.objects.formed()
    return queryset if include_demo else queryset.real()


def formed_alliances_count(*, include_demo: bool = False, departement_code: str = "") -> int:
    """How many alliances were formed through the platform (real ones unless ``include_demo``);
    with ``departement_code``, those whose recipient (the listing's organisation) has its seat there."""
    queryset = formed_alliances(include_demo=include_demo)
    if departement_code:
        queryset = queryset.filter(recipient__departement_code=departement_code)
    return queryset.count()


def formed_alliances_count_of(organisation_id: int) -> int:
    """How many (real) alliances an organisation formed through the platform, on either side: a count
    only, for its public page. The partners of a formed alliance are released to the two sides only
    (docs/adr/0029), and the public statistics name no organisation (docs/adr/0036)."""
    return Match.objects.formed().real().of_organisations([organisation_id]).count()


def status_counts(*, include_demo: bool = False) -> dict[str, int]:
    """Matches per status (every status present, 0 when none)."""
    queryset = Match.objects.all() if include_demo else Match.objects.real()
    found = dict(queryset.order_by().values_list("status").annotate(n=Count("pk")))
    return {status: found.get(status, 0) for status in MatchStatus.values}


def case_proposal_initial(pk: int, user: Any) -> dict[str, Any] | None:
    """What the « Proposer un exemple inspirant » form can be filled with from a formed alliance that
    ``user`` took part in (None otherwise): the two partners (by their directory address), the listing's
    purpose, modality, territory and SDG targets, the year it was formed."""
    found = match_for_member(pk, user)
    if found is None or found[0].status != MatchStatus.FORMED:
        return None
    match = found[0]
    initial: dict[str, Any] = {
        "title": f"Alliance entre {match.requester.name} et {match.recipient.name}"[:300],
        "start_year": (match.formed_at or match.updated_at).year,
    }
    for number, organisation in enumerate((match.requester, match.recipient), start=1):
        initial[f"partner_{number}_organisation"] = organisation.get_absolute_url()
        initial[f"partner_{number}_name"] = organisation.name[:200]
        initial[f"partner_{number}_kind"] = organisation.kind.slug
    listing = match.listing
    if listing is not None:
        modality = listing.modalities.first()
        initial.update(
            {
                "summary": listing.description,
                "objectives": listing.title,
                "modality": modality.slug if modality else "",
                "territory_level": listing.territory_level,
                "territory_code": listing.territory_code,
                "sdg_targets": [target.code for target in listing.sdg_targets.all()],
            }
        )
    return initial
