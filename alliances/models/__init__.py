"""Models of « Faire alliance »: listings (needs and offers) and matches (« mises en relation »)."""

from alliances.models.listings import (
    VALIDITY_DAYS,
    Listing,
    ListingKind,
    ListingQuerySet,
    ListingResource,
    ListingStatus,
    Resource,
    default_expiry,
)
from alliances.models.matches import (
    CatalystOrganisation,
    Match,
    MatchEvent,
    MatchQuerySet,
    MatchReminder,
    Message,
)
from alliances.workflow import MatchStatus

__all__ = [
    "VALIDITY_DAYS",
    "CatalystOrganisation",
    "Listing",
    "ListingKind",
    "ListingQuerySet",
    "ListingResource",
    "ListingStatus",
    "Match",
    "MatchEvent",
    "MatchQuerySet",
    "MatchReminder",
    "MatchStatus",
    "Message",
    "Resource",
    "default_expiry",
]
