"""Rows of the open needs and offers: the CSV download of « Faire alliance » and its open-data file.

Text written by members is escaped so that a spreadsheet never runs it as a formula."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from alliances.models import Listing
from organisations.importers.runner import safe_cell

Row = Sequence[object]
CSV_COLUMNS = [
    "id",
    "nature",
    "titre",
    "organisation",
    "type_organisation",
    "modalites",
    "partenaires_recherches",
    "ressources",
    "cibles_odd",
    "territoire",
    "code_departement",
    "publiee_le",
    "expire_le",
    "exemple_fictif",
    "adresse",
]


def listing_rows(listings: Iterable[Listing], *, absolute_url: Callable[[str], str]) -> Iterable[Row]:
    """``listings`` with their related rows (``selectors.with_related``)."""
    yield CSV_COLUMNS
    for listing in listings:
        yield [
            listing.pk,
            listing.get_kind_display(),
            safe_cell(listing.title),
            safe_cell(listing.organisation.name),
            listing.organisation.kind.name,
            " | ".join(m.name for m in listing.modalities.all()),
            " | ".join(k.name for k in listing.partner_kinds.all()),
            " | ".join(listing.resource_labels),
            " | ".join(t.code for t in listing.sdg_targets.all()),
            listing.territory_name or "France entière",
            listing.departement_code,
            listing.published_at.date().isoformat() if listing.published_at else "",
            listing.expires_on.isoformat(),
            "oui" if listing.is_demo else "non",
            absolute_url(listing.get_absolute_url()),
        ]
