"""Who may post, edit, renew or close a listing, express interest, or broker a match: checked on the server."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from catalysts.models import Catalyst
from organisations.models import Organisation, OrganisationStatus, RegisterSource
from organisations.permissions import is_member

VERIFIED_SOURCES = {RegisterSource.RNA, RegisterSource.SIRENE}


def is_verified(organisation: Organisation) -> bool:
    """An active organisation of a national register (RNA, Sirene): its existence is attested, and its
    members became members through a verified claim. One created on the platform is « new »: its
    listings wait for the moderators (docs/adr/0027)."""
    return organisation.status == OrganisationStatus.ACTIVE and organisation.source in VERIFIED_SOURCES


def can_manage(user: Any, organisation: Organisation) -> bool:
    """Members of the organisation, and only they, post, edit, renew and close its listings."""
    return is_member(user, organisation)


def catalysts_of_member(user: Any) -> QuerySet[Catalyst]:
    """The active catalysts run by an organisation ``user`` represents (alliances.CatalystOrganisation)."""
    if not getattr(user, "is_authenticated", False):
        return Catalyst.objects.none()
    return Catalyst.objects.active().filter(alliance_organisation__organisation__memberships__user=user).distinct()


def catalyst_covers(catalyst: Catalyst, organisation: Organisation) -> bool:
    """The organisation's seat lies in a département the catalyst covers (directly or through its région)."""
    return bool(organisation.departement_code) and organisation.departement_code in catalyst.covered_departement_codes()
