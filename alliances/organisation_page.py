"""The « Faire alliance » section of an organisation's public page in the directory (issue 13).

Registered in ``AlliancesConfig.ready()`` with ``organisations.sections.register_section``: the
directory cannot import this app (see that module), so this app brings its section to the page.
It shows the organisation's open needs and offers (public fields only, as on the public list: never
a contact) with a link to each, and how many alliances it formed through the platform: a count only,
since who the partner was is released to the two sides alone (docs/adr/0029) and the public
statistics name no organisation (docs/adr/0036); demonstration matches are left out, as there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from alliances.match_selectors import formed_alliances_count_of
from alliances.models import ListingKind
from alliances.selectors import open_listings_of
from organisations.sections import Section

if TYPE_CHECKING:
    from organisations.models import Organisation

TEMPLATE = "alliances/includes/organisation_section.html"


def organisation_section(organisation: Organisation) -> Section:
    needs, needs_count = open_listings_of(organisation.pk, ListingKind.NEED)
    offers, offers_count = open_listings_of(organisation.pk, ListingKind.OFFER)
    return Section(
        TEMPLATE,
        {
            "organisation": organisation,
            "needs": needs,
            "needs_count": needs_count,
            "offers": offers,
            "offers_count": offers_count,
            "formed": formed_alliances_count_of(organisation.pk),
        },
    )
