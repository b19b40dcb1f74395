"""CSV downloads (semicolon-separated, UTF-8 with BOM so that spreadsheets open them right)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from catalysts.models import Catalyst
from catalysts.selectors import DepartementRow


def uncovered_rows(rows: Iterable[DepartementRow]) -> Iterable[list[object]]:
    """Départements without a real active catalyst: ``catalyseurs_actifs`` counts real catalysts only
    (always 0 here), ``exemples_fictifs`` the demo catalysts that the map shows there."""
    yield ["code_departement", "departement", "region", "catalyseurs_actifs", "exemples_fictifs", "organisations"]
    for row in rows:
        yield [row.code, row.name, row.region, row.real_catalysts, row.demo_catalysts, row.organisations]


CATALYST_HEADER = [
    "identifiant",
    "nom",
    "type_structure",
    "presentation",
    "accompagnement",
    "publics",
    "departements_couverts",
    "regions_couvertes",
    "courriel_contact",
    "formulaire_contact",
    "site",
    "adresse",
]


def catalyst_rows(catalysts: Iterable[Catalyst], *, absolute_url: Callable[[str], str]) -> Iterable[Sequence[object]]:
    """``catalysts`` with their audiences and covered territories prefetched; codes joined by « | »."""
    yield CATALYST_HEADER
    for c in catalysts:
        yield [
            c.slug,
            c.name,
            c.kind.slug,
            c.description,
            c.support_offered,
            " | ".join(kind.slug for kind in c.audiences.all()),
            " | ".join(d.code for d in c.departements.all()),
            " | ".join(r.code for r in c.regions.all()),
            c.contact_email,
            c.contact_url,
            c.website,
            absolute_url(c.get_absolute_url()),
        ]
