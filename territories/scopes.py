"""The levels of geography that concern a territory: its own, then each parent up to France.

A content item placed at a territory carries ``region_code``, ``departement_code``, ``epci_code``,
``territory_level`` and ``territory_code`` (``hub.territory``): each ``Scope`` is the condition on
these columns that selects the items of one level. A territory's own scope (a région, département
or EPCI with everything placed inside it) is an equality on its denormalised code; every other
scope (the commune itself, and each parent level) is the place where items were put:
``territory_level`` + ``territory_code``. Both forms are read through composite indexes that hold
the publication columns too (docs/adr/0031-learning-paths-mobile-and-commune-speed.md), so that a
count never reads the table. The local hub of a territory page (``nearby``) and the agenda's
territory filter (``agenda``) read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from territories.models import Commune, Departement, Epci, Region


@dataclass(frozen=True)
class Scope:
    """One level of what concerns a territory: its label and which items it holds."""

    level: str
    label: str
    condition: Q
    is_parent: bool


def territory_level(territory: Any) -> str:
    return {Region: "region", Departement: "departement", Epci: "epci", Commune: "commune"}[type(territory)]


def _of_the(departement: Departement) -> str:
    return f"du département {departement}"


def scopes(territory: Any) -> list[Scope]:
    """The levels that concern ``territory``, its own first, then each parent up to France."""
    level = territory_level(territory)
    france = Scope("france", "à l'échelle de la France entière", _placed_at("france", ""), True)
    if level == "region":
        here = Scope(
            "region", f"dans la région {territory.name} (et ses territoires)", Q(region_code=territory.code), False
        )
        return [here, france]
    if level == "departement":
        region = territory.region
        return [
            Scope(
                "departement",
                f"dans le département {territory} (et ses communes)",
                Q(departement_code=territory.code),
                False,
            ),
            _region_scope(region.code, region.name),
            france,
        ]
    if level == "epci":
        departements = list(Departement.objects.filter(communes__epci=territory).distinct().select_related("region"))
        regions = {d.region.code: d.region.name for d in departements}
        result = [Scope("epci", f"dans l'intercommunalité {territory.name}", Q(epci_code=territory.code), False)]
        result += [
            Scope(
                "departement",
                f"à l'échelle {_of_the(d)}",
                _placed_at("departement", d.code),
                True,
            )
            for d in sorted(departements, key=lambda d: d.code)
        ]
        result += [_region_scope(code, name) for code, name in sorted(regions.items())]
        return [*result, france]
    departement = territory.departement
    result = [
        Scope(
            "commune",
            f"dans la commune de {territory.name}",
            _placed_at("commune", territory.code),
            False,
        )
    ]
    if territory.epci_id:
        result.append(
            Scope(
                "epci",
                f"à l'échelle de l'intercommunalité {territory.epci.name}",
                _placed_at("epci", territory.epci_id),
                True,
            )
        )
    result.append(
        Scope(
            "departement",
            f"à l'échelle {_of_the(departement)}",
            _placed_at("departement", departement.code),
            True,
        )
    )
    result.append(_region_scope(territory.region_id, territory.region.name))
    return [*result, france]


def _region_scope(code: str, name: str) -> Scope:
    return Scope("region", f"à l'échelle de la région {name}", _placed_at("region", code), True)


def _placed_at(level: str, code: str) -> Q:
    """The items placed exactly at this territory (not below it)."""
    return Q(territory_level=level, territory_code=code)
