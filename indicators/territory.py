"""The name of a territory of the official geography (COG), for a line of disaggregation."""

from __future__ import annotations

from territories.models import Commune, Departement, Epci, Region

LEVELS = {
    "region": ("région", Region),
    "departement": ("département", Departement),
    "epci": ("EPCI", Epci),
    "commune": ("commune", Commune),
}


class UnknownTerritory(ValueError):
    pass


def territory_name(level: str, code: str) -> str:
    if level not in LEVELS:
        raise UnknownTerritory("choisissez l'échelle du territoire (région, département, EPCI ou commune).")
    label, model = LEVELS[level]
    found = model.objects.filter(code=code).first()
    if found is None:
        raise UnknownTerritory(f"aucun(e) {label} de code « {code} ».")
    return str(found) if level == "departement" else found.name
