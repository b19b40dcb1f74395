"""Read-only API of the official geography (COG), thin over territories.selectors.

An unknown territory code is a 404 (also when it is used as a filter); a malformed one is a 422
naming the field.
"""

from __future__ import annotations

import re

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError, ValidationError
from ninja.pagination import LimitOffsetPagination, paginate

from api.schemas import ErrorOut
from territories import selectors
from territories.models import Commune, Departement, Epci, EpciKind, Region

router = Router(tags=["Territoires"])

_FORMATS = {
    "region": (re.compile(r"^\d{2}$"), "un code de région à 2 chiffres, par exemple 84"),
    "departement": (re.compile(r"^(\d{2}|2[AB]|97\d)$"), "un code de département, par exemple 13, 2A ou 974"),
    "epci": (re.compile(r"^\d{9}$"), "un numéro SIREN à 9 chiffres"),
}
MAX_QUERY_LENGTH = 100


def _invalid(field: str, message: str) -> ValidationError:
    return ValidationError([{"loc": ["query", field], "msg": message, "type": "value_error"}])


def _filter_code(field: str, value: str | None) -> str | None:
    """A territory code given as a filter: 422 when malformed, 404 when no such territory exists."""
    if value is None:
        return None
    pattern, expected = _FORMATS[field]
    code = value.strip().upper()
    if not pattern.match(code):
        raise _invalid(field, f"Code mal formé pour « {field} » : {expected} est attendu.")
    found = {
        "region": lambda: Region.objects.filter(code=code).exists(),
        "departement": lambda: Departement.objects.filter(code=code).exists(),
        "epci": lambda: Epci.objects.filter(code=code).exists(),
    }[field]()
    if not found:
        raise HttpError(404, f"Aucun territoire de code {code} pour le filtre « {field} ».")
    return code


class RegionOut(Schema):
    code: str
    name: str
    url: str

    @staticmethod
    def resolve_url(obj: Region) -> str:
        return obj.get_absolute_url()


class DepartementOut(RegionOut):
    region: str

    @staticmethod
    def resolve_region(obj: Departement) -> str:
        return obj.region_id


class EpciOut(RegionOut):
    kind: str
    kind_label: str
    population: int

    @staticmethod
    def resolve_kind_label(obj: Epci) -> str:
        return str(EpciKind(obj.kind).label)


class CommuneOut(RegionOut):
    departement: str
    region: str
    epci: str | None
    postcodes: list[str]
    population: int

    @staticmethod
    def resolve_departement(obj: Commune) -> str:
        return obj.departement_id

    @staticmethod
    def resolve_region(obj: Commune) -> str:
        return obj.region_id

    @staticmethod
    def resolve_epci(obj: Commune) -> str | None:
        return obj.epci_id

    @staticmethod
    def resolve_postcodes(obj: Commune) -> list[str]:
        return [postcode.code for postcode in obj.postcodes.all()]


@router.get("/regions", response=list[RegionOut], summary="Régions", url_name="territories_regions")
@paginate(LimitOffsetPagination)
def list_regions(request: HttpRequest) -> QuerySet[Region]:
    return Region.objects.order_by("code")


@router.get("/regions/{code}", response={200: RegionOut, 404: ErrorOut}, summary="Une région")
def get_region(request: HttpRequest, code: str) -> Status:
    region = selectors.region_by_code(code)
    if region is None:
        return Status(404, {"detail": f"Région {code} introuvable."})
    return Status(200, region)


@router.get(
    "/departements",
    response=list[DepartementOut],
    summary="Départements, par région",
    url_name="territories_departements",
)
@paginate(LimitOffsetPagination)
def list_departements(request: HttpRequest, region: str | None = None) -> QuerySet[Departement]:
    return selectors.departements(region=_filter_code("region", region)).order_by("code")


@router.get("/departements/{code}", response={200: DepartementOut, 404: ErrorOut}, summary="Un département")
def get_departement(request: HttpRequest, code: str) -> Status:
    departement = selectors.departement_by_code(code)
    if departement is None:
        return Status(404, {"detail": f"Département {code} introuvable."})
    return Status(200, departement)


@router.get(
    "/epci", response=list[EpciOut], summary="EPCI à fiscalité propre, par département", url_name="territories_epcis"
)
@paginate(LimitOffsetPagination)
def list_epcis(request: HttpRequest, departement: str | None = None) -> QuerySet[Epci]:
    return selectors.epcis(departement=_filter_code("departement", departement)).order_by("code")


@router.get("/epci/{code}", response={200: EpciOut, 404: ErrorOut}, summary="Un EPCI, par son numéro SIREN")
def get_epci(request: HttpRequest, code: str) -> Status:
    epci = selectors.epci_by_code(code)
    if epci is None:
        return Status(404, {"detail": f"EPCI {code} introuvable."})
    return Status(200, epci)


@router.get(
    "/communes",
    response=list[CommuneOut],
    summary="Communes : recherche par nom, code INSEE ou code postal, filtres par territoire",
    url_name="territories_communes",
)
@paginate(LimitOffsetPagination)
def list_communes(
    request: HttpRequest,
    q: str = "",
    departement: str | None = None,
    region: str | None = None,
    epci: str | None = None,
) -> QuerySet[Commune]:
    if len(q) > MAX_QUERY_LENGTH:
        raise _invalid("q", f"La recherche « q » ne doit pas dépasser {MAX_QUERY_LENGTH} caractères.")
    return selectors.communes(
        q=q,
        departement=_filter_code("departement", departement),
        region=_filter_code("region", region),
        epci=_filter_code("epci", epci),
    )


@router.get(
    "/communes/{code}",
    response={200: CommuneOut, 404: ErrorOut},
    summary="Une commune, par son code INSEE",
    url_name="territories_commune",
)
def get_commune(request: HttpRequest, code: str) -> Status:
    commune = selectors.commune_by_code(code)
    if commune is None:
        return Status(404, {"detail": f"Commune {code} introuvable."})
    return Status(200, commune)
