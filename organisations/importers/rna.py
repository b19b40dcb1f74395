"""The RNA (Répertoire national des associations) files of the Ministère de l'Intérieur.

Two formats, recognised by their header: « waldec » (39 columns, the current register) and the
older « import » (associations declared before 2009). Only the association's public facts are
kept; the manager's address (``adrg_*``), the manager's title (``dir_civilite``) and any phone
number describe private persons: their columns are never read.
"""

from __future__ import annotations

from organisations.importers.common import Communes, actor_kind_ids, website
from organisations.importers.runner import Format, RowContext, RowRejected, parse_date
from organisations.importers.writer import Row
from organisations.models import AreaLevel, OrganisationStatus, RegisterSource
from organisations.text import fast_search_key
from organisations.validators import rna_is_valid, siret_is_valid

WALDEC_COLUMNS = [
    "id",
    "id_ex",
    "siret",
    "rup_mi",
    "gestion",
    "date_creat",
    "date_decla",
    "date_publi",
    "date_disso",
    "nature",
    "groupement",
    "titre",
    "titre_court",
    "objet",
    "objet_social1",
    "objet_social2",
    "adrs_complement",
    "adrs_numvoie",
    "adrs_repetition",
    "adrs_typevoie",
    "adrs_libvoie",
    "adrs_distrib",
    "adrs_codeinsee",
    "adrs_codepostal",
    "adrs_libcommune",
    "adrg_declarant",
    "adrg_complemid",
    "adrg_complemgeo",
    "adrg_libvoie",
    "adrg_distrib",
    "adrg_codepostal",
    "adrg_achemine",
    "adrg_pays",
    "dir_civilite",
    "siteweb",
    "publiweb",
    "observation",
    "position",
    "maj_time",
]
PRIVATE_COLUMNS = [name for name in WALDEC_COLUMNS if name.startswith("adrg_")] + ["dir_civilite", "telephone"]
# The columns read from each format (every other column is ignored).
WALDEC_REQUIRED = [
    "id",
    "siret",
    "date_creat",
    "date_disso",
    "titre",
    "objet",
    "adrs_codeinsee",
    "adrs_codepostal",
    "adrs_libcommune",
    "siteweb",
    "position",
    "maj_time",
]
IMPORT_REQUIRED = ["id", "siret", "date_creat", "titre", "objet", "adrs_codepostal", "libcom", "siteweb", "position"]

POSITIONS = {
    "A": str(OrganisationStatus.ACTIVE.value),  # active
    "D": str(OrganisationStatus.DISSOLVED.value),  # dissoute
    "S": str(OrganisationStatus.CLOSED.value),  # supprimée du registre
    "R": str(OrganisationStatus.CLOSED.value),  # radiée
}
NAME_MAX = 300
PURPOSE_MAX = 4000


def _formats(*, generated: bool) -> list[Format]:
    kind = actor_kind_ids()["association"]
    communes = Communes.load()
    rna, active, commune_level = RegisterSource.RNA.value, OrganisationStatus.ACTIVE.value, AreaLevel.COMMUNE.value

    def row(index: dict[str, int], values: list[str], context: RowContext, *, commune: str | None, disso: str) -> Row:
        number = values[index["id"]].strip().upper()
        if not rna_is_valid(number):
            raise RowRejected(f"numéro RNA invalide « {number[:20]} » (attendu : W suivi de 9 caractères)")
        name = " ".join(values[index["titre"]].split())[:NAME_MAX]
        if not name:
            raise RowRejected("titre vide")
        position = values[index["position"]].strip().upper()
        status = POSITIONS.get(position)
        if status is None:
            raise RowRejected(f"position inconnue « {position[:5]} » (attendu : A, D, S ou R)")
        purpose = values[index["objet"]].strip()[:PURPOSE_MAX]
        siret = values[index["siret"]].strip()
        if siret and not siret_is_valid(siret):
            context.warn(f"SIRET invalide « {siret[:20]} » : ignoré")
            siret = ""
        key = fast_search_key(name)
        status_date = parse_date(disso, "date_disso", context) if status != active else None
        verified = parse_date(values[index["maj_time"]], "maj_time", context) if "maj_time" in index else None
        return (
            rna,
            number,
            kind,
            name,
            key,
            f"{key} {fast_search_key(purpose)}".rstrip(),
            purpose,
            siret[:9],
            siret,
            number,
            commune,
            website(values[index["siteweb"]]),
            commune_level if commune else "",
            commune or "",
            verified,
            parse_date(values[index["date_creat"]], "date_creat", context),
            status,
            status_date,
            generated,
        )

    def waldec(index: dict[str, int], values: list[str], context: RowContext) -> Row:
        commune = communes.resolve(values[index["adrs_codeinsee"]], context)
        return row(index, values, context, commune=commune, disso=values[index["date_disso"]])

    def old_import(index: dict[str, int], values: list[str], context: RowContext) -> Row:
        insee = values[index["adrs_codeinsee"]] if "adrs_codeinsee" in index else ""
        commune = communes.resolve(
            insee, context, postcode=values[index["adrs_codepostal"]], name=values[index["libcom"]]
        )
        return row(index, values, context, commune=commune, disso="")

    return [
        Format("waldec", ";", WALDEC_REQUIRED, waldec, expected_columns=len(WALDEC_COLUMNS)),
        Format("import", ";", IMPORT_REQUIRED, old_import),
    ]


def rna_formats(*, generated: bool = False) -> list[Format]:
    """The waldec and « import » formats; ``generated`` flags the rows of a synthetic benchmark file."""
    return _formats(generated=generated)
