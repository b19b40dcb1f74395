"""Where a support request goes: the catalysts whose territory covers its commune, the closest level first.

The levels are those of ``territories.scopes`` for a commune: the commune itself and its EPCI (served
first by a catalyst, ``CatalystArea``), its département and its région (the catalyst's coverage,
``catalysts``), then France (a national network). The first level where at least one active, real
catalyst with a team on the platform (``alliances.CatalystOrganisation``: an organisation whose members
act for it) covers the commune takes the request, for all its catalysts; with none, the platform's team
does. A demo catalyst (« exemple fictif ») covers nothing in the real world, and a catalyst without a
team could not read the request.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from catalysts.models import Catalyst
from support.models import RoutingLevel
from territories.models import Commune
from territories.scopes import scopes


@dataclass(frozen=True)
class Routing:
    level: str
    catalysts: list[Catalyst] = field(default_factory=list)
    reason: str = ""

    @property
    def to_platform(self) -> bool:
        return self.level == RoutingLevel.PLATFORM


def answering_catalysts() -> QuerySet[Catalyst]:
    """Catalysts that can receive a request: active, real, with a team on the platform."""
    return Catalyst.objects.active().real().filter(alliance_organisation__isnull=False)


def _candidates(level: str, commune: Commune) -> QuerySet[Catalyst]:
    base = answering_catalysts()
    if level == "commune":
        return base.filter(area__communes=commune)
    if level == "epci":
        return base.filter(area__epcis=commune.epci_id)
    if level == "departement":
        return base.filter(departements=commune.departement_id)
    if level == "region":
        return base.filter(regions=commune.region_id)
    return base.filter(area__is_national=True)


def _names(catalysts: list[Catalyst]) -> str:
    names = [f"« {catalyst.name} »" for catalyst in catalysts]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " et " + names[-1]


def _because(level: str, commune: Commune, several: bool) -> str:
    it = "ils" if several else "il"
    where = f"{commune.name} ({commune.departement_id})"
    if level == "commune":
        return f"{it} accompagne{'nt' if several else ''} en premier la commune de {where}"
    if level == "epci":
        assert commune.epci is not None  # route() skips this level for a commune outside any EPCI
        return (
            f"{it} accompagne{'nt' if several else ''} en premier l'intercommunalité {commune.epci.name}, "
            f"dont fait partie {where}"
        )
    verb = "couvrent" if several else "couvre"
    closer = "aucun catalyseur n'accompagne en particulier la commune ni son intercommunalité"
    if level == "departement":
        return f"{it} {verb} le département {commune.departement}, où se trouve {where}, et {closer}"
    if level == "region":
        return (
            f"{it} {verb} la région {commune.region.name}, où se trouve {where}, et ni la commune, "
            f"ni son intercommunalité, ni le département {commune.departement} n'ont de catalyseur"
        )
    return (
        f"{it} accompagne{'nt' if several else ''} toute la France, et aucun catalyseur local, départemental "
        f"ou régional ne couvre encore {where}"
    )


def route(commune: Commune) -> Routing:
    """The catalysts a request from ``commune`` goes to, and why; the platform's team if none covers it."""
    for scope in scopes(commune):
        if scope.level == "epci" and not commune.epci_id:
            continue
        found = list(_candidates(scope.level, commune).distinct().order_by("name", "id"))
        if found:
            reason = (
                f"Votre demande a été transmise à {_names(found)} parce qu'"
                f"{_because(scope.level, commune, len(found) > 1)}."
            )
            return Routing(level=scope.level, catalysts=found, reason=reason)
    return Routing(
        level=RoutingLevel.PLATFORM,
        reason=(
            "Votre demande a été transmise à l'équipe de la plateforme Alliances & Territoires parce "
            f"qu'aucun catalyseur territorial ne couvre encore {commune.name} ({commune.departement_id}), "
            f"ni le département {commune.departement}, ni la région {commune.region.name}. Elle vous "
            "orientera, et votre demande compte dans les « territoires sans accompagnement »."
        ),
    )
