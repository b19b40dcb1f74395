"""Resolve a territory chosen at any level (France → commune) into its name and parent codes.

Reads the official geography of the ``territories`` app (COG). When it is not loaded, only the
France level can be chosen.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.db.models import Count


class TerritoryLevel(models.TextChoices):
    FRANCE = "france", "France entière"
    REGION = "region", "région"
    DEPARTEMENT = "departement", "département"
    EPCI = "epci", "EPCI (intercommunalité)"
    COMMUNE = "commune", "commune"


class UnknownTerritory(ValueError):
    pass


@dataclass(frozen=True)
class ResolvedTerritory:
    level: str
    code: str
    name: str
    region_code: str = ""
    departement_code: str = ""
    epci_code: str = ""


FRANCE = ResolvedTerritory(level=TerritoryLevel.FRANCE, code="", name="France entière")


def resolve_territory(level: str, code: str) -> ResolvedTerritory:
    from territories.models import Commune, Departement, Epci, Region

    code = (code or "").strip().upper()
    if level == TerritoryLevel.FRANCE:
        return FRANCE
    if not code:
        raise UnknownTerritory("Indiquez le code du territoire pour cette échelle.")
    if level == TerritoryLevel.REGION:
        region = Region.objects.filter(code=code).first()
        if region is None:
            raise UnknownTerritory(f"Aucune région de code « {code} ».")
        return ResolvedTerritory(level=level, code=code, name=region.name, region_code=code)
    if level == TerritoryLevel.DEPARTEMENT:
        departement = Departement.objects.filter(code=code).first()
        if departement is None:
            raise UnknownTerritory(f"Aucun département de code « {code} ».")
        return ResolvedTerritory(
            level=level,
            code=code,
            name=str(departement),
            region_code=departement.region_id,
            departement_code=code,
        )
    if level == TerritoryLevel.EPCI:
        epci = Epci.objects.filter(code=code).first()
        if epci is None:
            raise UnknownTerritory(f"Aucun EPCI de SIREN « {code} ».")
        # An EPCI may span several départements: it is attached to the one holding most of its communes.
        main = (
            Commune.objects.filter(epci=epci)
            .values("departement_id", "region_id")
            .annotate(n=Count("code"))
            .order_by("-n", "departement_id")
            .first()
        )
        return ResolvedTerritory(
            level=level,
            code=code,
            name=epci.name,
            region_code=main["region_id"] if main else "",
            departement_code=main["departement_id"] if main else "",
            epci_code=code,
        )
    if level == TerritoryLevel.COMMUNE:
        commune = Commune.objects.filter(code=code).first()
        if commune is None:
            raise UnknownTerritory(f"Aucune commune de code INSEE « {code} ».")
        return ResolvedTerritory(
            level=level,
            code=code,
            name=str(commune),
            region_code=commune.region_id,
            departement_code=commune.departement_id,
            epci_code=commune.epci_id or "",
        )
    raise UnknownTerritory(f"Échelle de territoire inconnue : « {level} ».")
