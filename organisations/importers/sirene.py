"""INSEE's Sirene register of legal units (``StockUniteLegale_utf8.csv``, about 30 million rows).

Kept: diffusible legal persons (``statutDiffusionUniteLegale`` = O). Natural persons (legal
category 1000, « entrepreneur individuel ») are skipped: their name is a person's name, and the
name, first-name, sex and pseudonym columns are never read. Filters narrow the import further.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from organisations.importers.common import actor_kind_ids
from organisations.importers.runner import Format, RowContext, RowRejected, parse_date
from organisations.importers.writer import Row
from organisations.models import OrganisationStatus, RegisterSource
from organisations.text import fast_search_key
from organisations.validators import rna_is_valid, siren_is_valid, siret_is_valid

REQUIRED = [
    "siren",
    "statutdiffusionunitelegale",
    "datecreationunitelegale",
    "denominationunitelegale",
    "categoriejuridiqueunitelegale",
    "activiteprincipaleunitelegale",
    "etatadministratifunitelegale",
]
# Read when present: sigleUniteLegale, identifiantAssociationUniteLegale, nicSiegeUniteLegale,
# dateDebut, dateDernierTraitementUniteLegale. Never read: prenom*, nom*, sexe*, pseudonyme*.
NATURAL_PERSON = "1000"
NAME_MAX = 300


def kind_slug(category: str) -> str:
    """The actor kind of a legal category (« catégorie juridique », level III of INSEE's nomenclature)."""
    if category.startswith("92"):
        return "association"
    if category.startswith("93"):
        return "fondation"
    if category.startswith(("72", "734")):
        return "collectivite"
    if category in ("7383", "7384", "7385"):
        return "enseignement-recherche"
    if category.startswith("7"):
        return "etat"
    return "entreprise"


def _naf(code: str) -> str:
    return code.replace(".", "").strip().upper()


@dataclass(frozen=True)
class SireneFilters:
    active_only: bool = False
    legal_categories: tuple[str, ...] = ()
    naf: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, *, active_only: bool, legal_categories: str, naf: str) -> SireneFilters:
        categories = tuple(part.strip() for part in legal_categories.split(",") if part.strip())
        for category in categories:
            if not (category.isdigit() and 1 <= len(category) <= 4):
                raise ValueError(f"Catégorie juridique mal formée « {category} » : de 1 à 4 chiffres, par exemple 92.")
        codes = frozenset(_naf(part) for part in naf.split(",") if part.strip())
        for code in codes:
            if not (len(code) == 5 and code[:4].isdigit() and code[4].isalpha()):
                raise ValueError(f"Code NAF mal formé « {code} » : par exemple 94.99Z.")
        return cls(active_only=active_only, legal_categories=categories, naf=codes)


def sirene_formats(filters: SireneFilters) -> list[Format]:
    kinds = actor_kind_ids()

    def parse(index: dict[str, int], values: list[str], context: RowContext) -> Row | None:
        def get(column: str) -> str:
            position = index.get(column)
            return values[position].strip() if position is not None else ""

        if get("statutdiffusionunitelegale") != "O":
            return None
        category = get("categoriejuridiqueunitelegale")
        if category == NATURAL_PERSON:
            return None
        active = get("etatadministratifunitelegale") == "A"
        if filters.active_only and not active:
            return None
        if filters.legal_categories and not category.startswith(filters.legal_categories):
            return None
        if filters.naf and _naf(get("activiteprincipaleunitelegale")) not in filters.naf:
            return None
        siren = get("siren")
        if not siren_is_valid(siren):
            raise RowRejected(f"SIREN invalide « {siren[:20]} » (9 chiffres et clé de contrôle)")
        name = " ".join((get("denominationunitelegale") or get("sigleunitelegale")).split())[:NAME_MAX]
        if not name:
            raise RowRejected("dénomination vide")
        nic = get("nicsiegeunitelegale")
        siret = siren + nic if nic else ""
        if siret and not siret_is_valid(siret):
            context.warn(f"SIRET du siège invalide « {siret[:20]} » : ignoré")
            siret = ""
        rna = get("identifiantassociationunitelegale").upper()
        key = fast_search_key(name)
        return (
            RegisterSource.SIRENE.value,
            siren,
            kinds.get(kind_slug(category), kinds["association"]),
            name,
            key,
            "",
            siren,
            siret,
            rna if rna_is_valid(rna) else "",
            None,
            "",
            "",
            "",
            parse_date(get("datederniertraitementunitelegale"), "dateDernierTraitementUniteLegale", context),
            parse_date(get("datecreationunitelegale"), "dateCreationUniteLegale", context),
            OrganisationStatus.ACTIVE.value if active else OrganisationStatus.CLOSED.value,
            None if active else parse_date(get("datedebut"), "dateDebut", context),
            False,
        )

    return [Format("StockUniteLegale", ",", REQUIRED, lambda index: partial(parse, index), RegisterSource.SIRENE.value)]
