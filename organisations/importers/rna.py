"""The RNA (Répertoire national des associations) files of the Ministère de l'Intérieur.

Two formats, recognised by their header: « waldec » (39 columns, the current register) and the
older « import » (associations declared before 2009). Only the association's public facts are
kept; the manager's address (``adrg_*``), the manager's title (``dir_civilite``) and any phone
number describe private persons: their columns are never read.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import repeat
from typing import Any

from organisations.importers.common import Communes, actor_kind_ids, website
from organisations.importers.runner import (
    KNOWN_DATES,
    NOT_KNOWN,
    ChunkParser,
    Format,
    RowContext,
    RowParser,
    RowRejected,
    parse_date,
    quiet_date,
)
from organisations.importers.writer import Row
from organisations.models import AreaLevel, OrganisationStatus, RegisterSource
from organisations.text import fast_search_key, fast_search_keys
from organisations.validators import RNA_PATTERN, rna_is_valid, siret_is_valid

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

    def waldec(index: dict[str, int]) -> RowParser:
        return _row_parser(index, _waldec_commune(index, communes), kind=kind, dissolution=True, generated=generated)

    def waldec_chunk(index: dict[str, int]) -> ChunkParser:
        return _waldec_chunk_parser(index, kind=kind, by_code=communes.by_code, generated=generated)

    def old_import(index: dict[str, int]) -> RowParser:
        return _row_parser(index, _import_commune(index, communes), kind=kind, dissolution=False, generated=generated)

    rna = RegisterSource.RNA.value
    return [
        Format(
            "waldec",
            ";",
            WALDEC_REQUIRED,
            waldec,
            rna,
            expected_columns=len(WALDEC_COLUMNS),
            chunk_parser=waldec_chunk,
        ),
        Format("import", ";", IMPORT_REQUIRED, old_import, rna),
    ]


CommuneOf = Callable[[list[str], RowContext], "str | None"]


def _waldec_commune(index: dict[str, int], communes: Communes) -> CommuneOf:
    """The commune of a waldec row, by its INSEE code."""
    insee_at, by_code = index["adrs_codeinsee"], communes.by_code

    def commune(values: list[str], context: RowContext) -> str | None:
        insee = values[insee_at]
        found = by_code.get(insee)  # the usual case, already clean: no stripping needed
        return found if found is not None else communes.resolve(insee, context)

    return commune


def _import_commune(index: dict[str, int], communes: Communes) -> CommuneOf:
    """The commune of an « import » row: by INSEE code if the column is there, else by postcode and name."""
    insee_at, postcode_at, name_at = index.get("adrs_codeinsee"), index["adrs_codepostal"], index["libcom"]

    def commune(values: list[str], context: RowContext) -> str | None:
        insee = values[insee_at] if insee_at is not None else ""
        return communes.resolve(insee, context, postcode=values[postcode_at], name=values[name_at])

    return commune


def _date(value: str, column: str, context: RowContext) -> str | None:
    known = KNOWN_DATES.get(value[:10], NOT_KNOWN)  # the usual case: a date already seen
    return parse_date(value, column, context) if known is NOT_KNOWN else known  # type: ignore[return-value]


def _row_parser(
    index: dict[str, int], commune_of: CommuneOf, *, kind: int, dissolution: bool, generated: bool
) -> RowParser:
    """The row function for a file's header: column positions are bound once, not looked up per row.

    ``dissolution``: the format has a dissolution date (the older « import » format has none).
    """
    id_at, name_at, position_at, purpose_at = index["id"], index["titre"], index["position"], index["objet"]
    siret_at, website_at, founded_at = index["siret"], index["siteweb"], index["date_creat"]
    disso_at, verified_at = index["date_disso"] if dissolution else None, index.get("maj_time")
    rna, active, commune_level = RegisterSource.RNA.value, OrganisationStatus.ACTIVE.value, AreaLevel.COMMUNE.value

    def row(values: list[str], context: RowContext) -> Row:
        commune = commune_of(values, context)
        number = values[id_at].strip().upper()
        if not rna_is_valid(number):
            raise RowRejected(f"numéro RNA invalide « {number[:20]} » (attendu : W suivi de 9 caractères)")
        name = " ".join(values[name_at].split())[:NAME_MAX]
        if not name:
            raise RowRejected("titre vide")
        position = values[position_at].strip().upper()
        status = POSITIONS.get(position)
        if status is None:
            raise RowRejected(f"position inconnue « {position[:5]} » (attendu : A, D, S ou R)")
        purpose = values[purpose_at].strip()[:PURPOSE_MAX]
        siret = values[siret_at].strip()
        if siret and not siret_is_valid(siret):
            context.warn(f"SIRET invalide « {siret[:20]} » : ignoré")
            siret = ""
        key = fast_search_key(name)
        status_date = None
        if status != active and disso_at is not None:
            status_date = _date(values[disso_at], "date_disso", context)
        verified = _date(values[verified_at], "maj_time", context) if verified_at is not None else None
        site = values[website_at]
        return (
            rna,
            number,
            kind,
            name,
            key,
            purpose,
            siret[:9],
            siret,
            number,
            commune,
            website(site) if site else "",
            commune_level if commune else "",
            commune or "",
            verified,
            _date(values[founded_at], "date_creat", context),
            status,
            status_date,
            generated,
        )

    return row


_UNKNOWN = object()  # a commune code to resolve row by row (with its caveat)


def _waldec_chunk_parser(index: dict[str, int], *, kind: int, by_code: dict[str, str], generated: bool) -> ChunkParser:
    """The waldec rows of a chunk that raise no caveat, built column by column; None for the others.

    The same rows as the row parser, in a dozen passes over the chunk (comprehensions, one
    translation for all the names' search keys) instead of a dozen calls per row. A row is built
    here only if every check passes outright: valid number, name and position, no SIRET or a
    valid one, a commune code found as it is (or none), valid or empty dates. Any other row is
    left to the row parser, which words its rejection or caveat.
    """
    id_at, name_at, position_at, purpose_at = index["id"], index["titre"], index["position"], index["objet"]
    siret_at, website_at, insee_at = index["siret"], index["siteweb"], index["adrs_codeinsee"]
    founded_at, disso_at, verified_at = index["date_creat"], index["date_disso"], index["maj_time"]
    rna, active, commune_level = RegisterSource.RNA.value, OrganisationStatus.ACTIVE.value, AreaLevel.COMMUNE.value
    known, valid_number = KNOWN_DATES.get, RNA_PATTERN.match

    def date(value: str) -> Any:
        """The date, or NOT_KNOWN for one the row parser would warn about."""
        found = known(value[:10], NOT_KNOWN)  # the usual case: a date already seen
        return quiet_date(value) if found is NOT_KNOWN else found

    def parse(records: list[list[str]]) -> list[Row | None]:
        numbers = [values[id_at].strip().upper() for values in records]
        names = [" ".join(values[name_at].split())[:NAME_MAX] for values in records]
        statuses = [POSITIONS.get(values[position_at].strip().upper()) for values in records]
        sirets = [values[siret_at].strip() for values in records]
        communes = [by_code.get(values[insee_at], _UNKNOWN) if values[insee_at] else None for values in records]
        founded = [date(values[founded_at]) for values in records]
        verified = [date(values[verified_at]) for values in records]
        ended = [
            None if status == active else date(values[disso_at])
            for values, status in zip(records, statuses, strict=True)
        ]
        clean = [
            valid_number(number) is not None
            and bool(name)
            and status is not None
            and (not siret or siret_is_valid(siret))
            and commune is not _UNKNOWN
            and NOT_KNOWN not in (founded_on, verified_on, ended_on)
            for number, name, status, siret, commune, founded_on, verified_on, ended_on in zip(
                numbers, names, statuses, sirets, communes, founded, verified, ended, strict=True
            )
        ]
        purposes = [values[purpose_at].strip()[:PURPOSE_MAX] for values in records]
        keys = fast_search_keys(names)
        rows = zip(
            repeat(rna),
            numbers,
            repeat(kind),
            names,
            keys,
            purposes,
            [siret[:9] for siret in sirets],
            sirets,
            numbers,
            communes,
            [website(values[website_at]) if values[website_at] else "" for values in records],
            [commune_level if commune else "" for commune in communes],
            [commune or "" for commune in communes],
            verified,
            founded,
            statuses,
            ended,
            repeat(generated),
        )
        return [row if ok else None for row, ok in zip(rows, clean)]  # noqa: B905 (repeat() is endless)

    return parse


def rna_formats(*, generated: bool = False) -> list[Format]:
    """The waldec and « import » formats; ``generated`` flags the rows of a synthetic benchmark file."""
    return _formats(generated=generated)
