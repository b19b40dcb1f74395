"""Rows of the case base for the open-data file (one row per published case, lists joined by « | »)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from cases.models import Case

Row = Sequence[object]
SEPARATOR = " | "
HEADER = [
    "identifiant",
    "titre",
    "resume",
    "modalite",
    "partenaires",
    "types_partenaires",
    "echelle",
    "code_territoire",
    "territoire",
    "code_region",
    "code_departement",
    "cibles_odd",
    "annee_debut",
    "annee_fin",
    "objectifs",
    "resultats",
    "sources",
    "derniere_verification",
    "adresse",
]


def case_rows(cases: Iterable[Case], *, absolute_url: Callable[[str], str]) -> Iterable[Row]:
    """``cases`` with their related rows prefetched (``CaseQuerySet.with_related``)."""
    yield HEADER
    for case in cases:
        partners = list(case.partners.all())
        yield [
            case.slug,
            case.title,
            case.summary,
            case.modality.slug,
            SEPARATOR.join(p.name for p in partners),
            SEPARATOR.join(p.kind.slug for p in partners),
            case.territory_level,
            case.territory_code,
            case.territory_name or "France entière",
            case.region_code,
            case.departement_code,
            SEPARATOR.join(t.code for t in case.sdg_targets.all()),
            case.start_year,
            "" if case.end_year is None else case.end_year,
            case.objectives,
            case.results,
            SEPARATOR.join(s.url for s in case.sources.all()),
            case.last_verified_on.isoformat() if case.last_verified_on else "",
            absolute_url(case.get_absolute_url()),
        ]
