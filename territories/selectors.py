"""Reads of the geography shared by the public pages and the API: finding a territory, its parents and children."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from territories.models import Commune, CommunePostcode, Departement, Epci, Region
from territories.text import search_key

_DIGITS = re.compile(r"^\d{2,5}$")
_DEPARTEMENT_CODE = re.compile(r"^(\d{2,3}|2[ab])$", re.IGNORECASE)
_SIREN = re.compile(r"^\d{9}$")


def regions() -> QuerySet[Region]:
    return Region.objects.annotate(departement_count=Count("departements")).order_by("name")


def departements(*, region: str | None = None) -> QuerySet[Departement]:
    queryset = Departement.objects.select_related("region")
    return queryset.filter(region_id=region) if region else queryset


def epcis(*, departement: str | None = None) -> QuerySet[Epci]:
    queryset = Epci.objects.all()
    return queryset.in_departement(departement) if departement else queryset


def communes(
    *, q: str = "", departement: str | None = None, region: str | None = None, epci: str | None = None
) -> QuerySet[Commune]:
    """Communes, most relevant first: by INSEE code or postcode when ``q`` is digits, else by name prefix."""
    queryset = Commune.objects.all()
    if departement:
        queryset = queryset.in_departement(departement)
    if region:
        queryset = queryset.in_region(region)
    if epci:
        queryset = queryset.in_epci(epci)
    q = q.strip()
    if q:
        queryset = _communes_by_code(queryset, q) if _DIGITS.match(q) else queryset.matching(q)
    return queryset.by_relevance().prefetch_related(Prefetch("postcodes", queryset=CommunePostcode.objects.all()))


def _communes_by_code(queryset: QuerySet[Commune], q: str) -> QuerySet[Commune]:
    """Five digits may be an INSEE code or a postcode (13001 is Aix-en-Provence's code and a Marseille postcode)."""
    by_postcode = Q(code__in=Commune.objects.with_postcode(q).values("code"))
    if len(q) == 5:
        return queryset.filter(by_postcode | Q(code__in=Commune.objects.with_code(q).values("code")))
    return queryset.filter(by_postcode)


def region_by_code(code: str) -> Region | None:
    return Region.objects.filter(code=code).first()


def departement_by_code(code: str) -> Departement | None:
    return departements().filter(code=code.upper()).first()


def epci_by_code(code: str) -> Epci | None:
    return Epci.objects.filter(code=code).first()


def commune_by_code(code: str) -> Commune | None:
    return (
        Commune.objects.select_related("departement", "region", "epci")
        .prefetch_related("postcodes", "alternate_codes")
        .filter(code=code)
        .first()
    )


def epci_departements(epci: Epci) -> QuerySet[Departement]:
    """The département(s) of an EPCI's member communes (an EPCI may span several)."""
    return departements().filter(communes__epci=epci).distinct().order_by("code")


@dataclass
class TerritorySearch:
    """What a free-text search found, per level: régions, départements, EPCI and communes."""

    query: str
    regions: list[Region] = field(default_factory=list)
    departements: list[Departement] = field(default_factory=list)
    epcis: list[Epci] = field(default_factory=list)
    communes: list[Commune] = field(default_factory=list)
    commune_count: int = 0

    @property
    def found(self) -> bool:
        return bool(self.regions or self.departements or self.epcis or self.communes)


def search(q: str, *, limit: int = 20) -> TerritorySearch:
    """Every kind of territory matching ``q``: a name (prefix), an INSEE code, a postcode or a SIREN."""
    q = q.strip()
    result = TerritorySearch(query=q)
    if not search_key(q):
        return result
    if _SIREN.match(q):
        result.epcis = list(Epci.objects.filter(code=q))
        result.communes = list(communes().filter(siren=q))
        result.commune_count = len(result.communes)
        return result
    if _DEPARTEMENT_CODE.match(q):
        result.regions = list(Region.objects.filter(code=q))
        result.departements = list(departements().filter(code=q.upper()))
    if not _DIGITS.match(q):
        result.regions += list(Region.objects.matching(q).order_by("exact", "name")[:limit])
        result.departements += list(departements().matching(q).order_by("exact", "name")[:limit])
        result.epcis = list(Epci.objects.matching(q).order_by("exact", "-population", "name")[:limit])
    found = communes(q=q).select_related("departement")
    result.commune_count = found.count()
    result.communes = list(found[:limit])
    return result


@dataclass
class CommuneChoice:
    """What the « où êtes-vous ? » field found: one commune, several to choose from, or none."""

    query: str
    communes: list[Commune] = field(default_factory=list)
    total: int = 0

    @property
    def commune(self) -> Commune | None:
        """The commune meant, when there is no doubt."""
        return self.communes[0] if self.total == 1 else None


def choose_commune(q: str, *, limit: int = 30) -> CommuneChoice:
    """The commune a person means by a name or a postcode (or an INSEE code).

    A single commune whose name is exactly ``q`` (accents, hyphens, case ignored) wins over the
    communes whose name only starts with it (« Lyon » is Lyon, not also Lyons-la-Forêt); several
    exact homonyms (« Saint-Denis ») or a postcode shared by several communes leave the choice to
    the person. Indexed reads only: ``search_key`` prefix, postcode prefix, INSEE code.
    """
    q = " ".join(q.split())
    choice = CommuneChoice(query=q)
    if not search_key(q):
        return choice
    found = communes(q=q).select_related("departement")
    if not _DIGITS.match(q):
        exact = found.filter(exact=0)
        if exact.count() >= 1:
            found = exact
    elif len(q) < 5:
        return choice  # a partial postcode is not an answer yet (« 130 » is 120 communes)
    choice.total = found.count()
    choice.communes = list(found[:limit])
    return choice


TERRITORY_URL_NAMES = {
    "region": "territories:region",
    "departement": "territories:departement",
    "epci": "territories:epci",
    "commune": "territories:commune",
}


def territory_url(level: str, code: str) -> str:
    """The page of a territory given by its level and code (empty for France or an unknown level)."""
    from django.urls import reverse

    name = TERRITORY_URL_NAMES.get(level)
    return reverse(name, kwargs={"code": code}) if name and code else ""
