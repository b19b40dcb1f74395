"""What every generator shares: the seeded random source, the communes weighted by population, batching."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from django.db import models

from territories.models import Commune, Departement, Region

Progress = Callable[[int], None]


def rng_for(seed: int, domain: str) -> random.Random:
    """One independent, reproducible stream per domain: adding a domain never shifts the others."""
    return random.Random(f"{seed}:{domain}")  # noqa: S311 - test data, not security


def batches(total: int, size: int) -> Iterator[range]:
    for start in range(0, total, size):
        yield range(start, min(start + size, total))


def raw_delete(queryset: models.QuerySet) -> int:
    """Delete without loading the rows nor sending signals (generated rows only; children first)."""
    return queryset._raw_delete(queryset.db)


@dataclass
class Geography:
    """The real communes (code, name, département, région, EPCI), drawn in proportion to their population."""

    codes: list[str]
    names: list[str]
    departements: list[str]
    regions: list[str]
    epcis: list[str]
    cum_weights: list[int]
    departement_names: dict[str, str]
    region_names: dict[str, str]

    @classmethod
    def load(cls) -> Geography:
        rows = list(
            Commune.objects.order_by("code").values_list(
                "code", "name", "departement_id", "region_id", "epci_id", "population"
            )
        )
        if not rows:
            raise LookupError("Aucune commune : lancez d'abord « manage.py load_reference_data ».")
        codes, names, departements, regions, epcis, populations = (list(column) for column in zip(*rows, strict=True))
        return cls(
            codes=codes,
            names=names,
            departements=departements,
            regions=regions,
            epcis=[code or "" for code in epcis],
            cum_weights=list(accumulate(population + 1 for population in populations)),
            departement_names=dict(Departement.objects.values_list("code", "name")),
            region_names=dict(Region.objects.values_list("code", "name")),
        )

    def draw(self, rng: random.Random, k: int) -> list[int]:
        """``k`` commune indexes, each commune weighted by its population."""
        return rng.choices(range(len(self.codes)), cum_weights=self.cum_weights, k=k)


def territory_fields(geo: Geography, index: int, level: str) -> dict[str, Any]:
    """The ``TerritoryScope`` columns of a commune, or of its département / région, or of France."""
    if level == "commune":
        return {
            "territory_level": "commune",
            "territory_code": geo.codes[index],
            "territory_name": geo.names[index],
            "region_code": geo.regions[index],
            "departement_code": geo.departements[index],
            "epci_code": geo.epcis[index],
        }
    if level == "departement":
        return {
            "territory_level": "departement",
            "territory_code": geo.departements[index],
            "territory_name": geo.departement_names.get(geo.departements[index], ""),
            "region_code": geo.regions[index],
            "departement_code": geo.departements[index],
            "epci_code": "",
        }
    if level == "region":
        return {
            "territory_level": "region",
            "territory_code": geo.regions[index],
            "territory_name": geo.region_names.get(geo.regions[index], ""),
            "region_code": geo.regions[index],
            "departement_code": "",
            "epci_code": "",
        }
    return {
        "territory_level": "france",
        "territory_code": "",
        "territory_name": "France entière",
        "region_code": "",
        "departement_code": "",
        "epci_code": "",
    }
