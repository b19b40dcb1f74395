"""A survey wave from a CSV: the editors' template, and the check of every line before anything is written.

The file is the template's header then one line per figure (« ; » between cells, UTF-8, with or
without a byte-order mark, as a spreadsheet saves it). ``check_wave`` reads it whole and returns
every error, by line and column, in French; ``observatory.services.survey_wave_import`` writes
the figures only when there is none (a dry run is the check alone).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.text import slugify

from core.params import ascii_int
from observatory.models import Survey, SurveyFigure
from reference.models import ActorKind
from territories.models import Commune, Departement, Epci, Region

HEADER = [
    "enquete",
    "code_indicateur",
    "indicateur",
    "population",
    "type_acteur",
    "echelle_territoire",
    "code_territoire",
    "annee",
    "qualificatif",
    "valeur",
    "unite",
    "base",
    "marge_erreur",
    "reponses_multiples",
    "date_collecte",
    "remarque",
    "source",
]
EXAMPLE = [
    "identifiant-de-l-enquete",
    "jouer-collectif-levier-indispensable",
    "Part qui juge les alliances indispensables",
    "Maires",
    "collectivite",
    "region",
    "93",
    "2025",
    "",
    "81,5",
    "%",
    "Ensemble des maires interrogés",
    "2,5",
    "non",
    "2025-03-31",
    "",
    "Rapport de l'enquête, page 12",
]
TERRITORY_LEVELS: dict[str, type[Region | Departement | Epci | Commune]] = {
    "region": Region,
    "departement": Departement,
    "epci": Epci,
    "commune": Commune,
}
MAX_LINES = 5000
MAX_BYTES = 2 * 1024 * 1024
TRUE, FALSE = {"oui", "o", "vrai", "1"}, {"non", "n", "faux", "0", ""}


@dataclass(frozen=True)
class WaveError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"Ligne {self.line}" + (f", colonne « {self.column} »" if self.column else "")
        return f"{where} : {self.message}"


@dataclass
class WaveCheck:
    """What a file would add: ``figures`` (unsaved) when ``errors`` is empty."""

    figures: list[SurveyFigure] = field(default_factory=list)
    errors: list[WaveError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def surveys(self) -> list[str]:
        return sorted({f.survey.title for f in self.figures})


def template_csv() -> str:
    """The template editors download: the header and one example line to replace."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    buffer.write("\ufeff")
    writer.writerow(HEADER)
    writer.writerow(EXAMPLE)
    return buffer.getvalue()


def decode(content: bytes) -> str | None:
    """The file's text (UTF-8, with or without BOM); None when it is not UTF-8."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _number(text: str) -> Decimal | None:
    try:
        value = Decimal(text.replace("\u202f", "").replace(" ", "").replace(",", "."))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _date(text: str) -> dt.date | None:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


class _LineCheck:
    """The checks of one line; each problem is recorded with its column, and the line goes on."""

    def __init__(self, number: int, cells: dict[str, str], errors: list[WaveError]) -> None:
        self.number = number
        self.cells = cells
        self.errors = errors
        self.failed = False

    def error(self, column: str, message: str) -> None:
        self.errors.append(WaveError(self.number, column, message))
        self.failed = True

    def text(self, column: str, *, required: bool = False, max_length: int = 300) -> str:
        value = self.cells[column].strip()
        if required and not value:
            self.error(column, "valeur obligatoire manquante.")
        elif len(value) > max_length:
            self.error(column, f"{len(value)} caractères, au plus {max_length}.")
        return value


def _territory(check: _LineCheck) -> tuple[str, str]:
    level = check.text("echelle_territoire").lower()
    code = check.text("code_territoire", max_length=9).upper()
    if not level and not code:
        return "", ""
    model = TERRITORY_LEVELS.get(level)
    if model is None:
        check.error(
            "echelle_territoire",
            f"échelle inconnue « {level} » : region, departement, epci ou commune (vide pour la France entière).",
        )
        return "", ""
    territory = model.objects.filter(pk=code).first() if code else None
    if territory is None:
        check.error("code_territoire", f"territoire inconnu : aucun(e) {model._meta.verbose_name} de code « {code} ».")
        return "", ""
    return territory.code, territory.name


def _line(
    check: _LineCheck, surveys: dict[str, Survey], kinds: dict[str, ActorKind], today: dt.date
) -> SurveyFigure | None:
    survey_slug = check.text("enquete", required=True, max_length=120)
    survey = surveys.get(survey_slug)
    if survey_slug and survey is None:
        check.error(
            "enquete", f"enquête inconnue « {survey_slug} » : créez-la d'abord dans « Enquêtes de l'Observatoire »."
        )
    indicator_slug = check.text("code_indicateur", required=True, max_length=120)
    if indicator_slug and slugify(indicator_slug) != indicator_slug:
        check.error("code_indicateur", "minuscules, chiffres et tirets seulement (par exemple « part-des-maires »).")
    indicator = check.text("indicateur", required=True)
    population = check.text("population", required=True, max_length=200)
    kind_slug = check.text("type_acteur", max_length=50)
    kind = kinds.get(kind_slug)
    if kind_slug and kind is None:
        check.error("type_acteur", f"type d'acteur inconnu « {kind_slug} » (valeurs : {', '.join(sorted(kinds))}).")
    territory_code, territory_name = _territory(check)
    year = None
    year_text = check.text("annee", max_length=4)
    if year_text:
        year = ascii_int(year_text)
        if year is None or year < 1900:
            check.error("annee", f"« {year_text} » n'est pas une année (quatre chiffres, par exemple 2025).")
        elif year > today.year:
            check.error("annee", f"l'année {year} est dans le futur.")
    unit = check.text("unite", required=True, max_length=20)
    value_text = check.text("valeur", required=True, max_length=30)
    value = _number(value_text) if value_text else None
    if value_text and value is None:
        check.error("valeur", f"« {value_text} » n'est pas un nombre.")
    elif value is not None and unit == "%" and not 0 <= value <= 100:
        check.error("valeur", f"un pourcentage est compris entre 0 et 100 (reçu : {value_text}).")
    margin_text = check.text("marge_erreur", max_length=30)
    margin = _number(margin_text) if margin_text else None
    if margin_text and margin is None:
        check.error("marge_erreur", f"« {margin_text} » n'est pas un nombre.")
    elif margin is not None and not 0 <= margin <= 100:
        check.error("marge_erreur", f"une marge d'erreur est comprise entre 0 et 100 points (reçu : {margin_text}).")
    multiple_text = check.text("reponses_multiples", max_length=5).lower()
    if multiple_text not in TRUE | FALSE:
        check.error("reponses_multiples", f"« {multiple_text} » : indiquez « oui » ou « non ».")
    collected_text = check.text("date_collecte", max_length=10)
    collected_on = _date(collected_text) if collected_text else None
    if collected_text and collected_on is None:
        check.error("date_collecte", f"« {collected_text} » n'est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA).")
    elif collected_on is not None and collected_on > today:
        check.error("date_collecte", f"le {collected_on:%d/%m/%Y} est dans le futur.")
    qualifier = check.text("qualificatif", max_length=40)
    base = check.text("base", max_length=200)
    note = check.text("remarque", max_length=2000)
    source = check.text("source", max_length=300)
    if check.failed or survey is None or value is None:
        return None
    return SurveyFigure(
        survey=survey,
        indicator=indicator,
        indicator_slug=indicator_slug,
        population=population,
        actor_kind=kind,
        territory_code=territory_code,
        territory_name=territory_name,
        year=year,
        value_qualifier=qualifier,
        value=value,
        unit=unit,
        base=base,
        margin_of_error=margin,
        multiple_responses=multiple_text in TRUE,
        collected_on=collected_on,
        note=note,
        source=source,
    )


def figure_slug(figure: SurveyFigure) -> str:
    """The figure's identifier: its survey, indicator, population, actor kind, territory and year."""
    parts = [
        figure.survey.slug,
        figure.indicator_slug,
        figure.population,
        figure.actor_kind.slug if figure.actor_kind else "",
        figure.territory_code,
        str(figure.year or ""),
    ]
    return slugify("-".join(p for p in parts if p))[:120]


def check_wave(content: bytes) -> WaveCheck:
    """Every error of the file, by line; the figures it would add when there is none."""
    result = WaveCheck()
    if len(content) > MAX_BYTES:
        result.errors.append(WaveError(0, "", f"le fichier dépasse {MAX_BYTES // (1024 * 1024)} Mo."))
        return result
    text = decode(content)
    if text is None:
        result.errors.append(WaveError(0, "", "le fichier n'est pas en UTF-8 : enregistrez-le en « CSV UTF-8 »."))
        return result
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    if not rows or [cell.strip() for cell in rows[0]] != HEADER:
        received = " ; ".join(rows[0]) if rows else "(fichier vide)"
        result.errors.append(
            WaveError(1, "", f"en-tête inattendu. Colonnes attendues : {' ; '.join(HEADER)}. Reçu : {received}.")
        )
        return result
    lines = [(number, row) for number, row in enumerate(rows[1:], start=2) if any(cell.strip() for cell in row)]
    if not lines:
        result.errors.append(WaveError(2, "", "le fichier ne contient aucun chiffre sous l'en-tête."))
        return result
    if len(lines) > MAX_LINES:
        result.errors.append(WaveError(0, "", f"{len(lines)} lignes : au plus {MAX_LINES} par fichier."))
        return result
    surveys = {s.slug: s for s in Survey.objects.all()}
    kinds = {k.slug: k for k in ActorKind.objects.all()}
    today = timezone.localdate()
    seen: dict[str, int] = {}
    for number, row in lines:
        if len(row) != len(HEADER):
            result.errors.append(WaveError(number, "", f"{len(row)} cellules au lieu de {len(HEADER)}."))
            continue
        figure = _line(_LineCheck(number, dict(zip(HEADER, row, strict=True)), result.errors), surveys, kinds, today)
        if figure is None:
            continue
        figure.slug = figure_slug(figure)
        if figure.slug in seen:
            result.errors.append(WaveError(number, "", f"même chiffre que la ligne {seen[figure.slug]} (doublon)."))
            continue
        seen[figure.slug] = number
        result.figures.append(figure)
    existing = set(SurveyFigure.objects.filter(slug__in=seen).values_list("slug", flat=True))
    for slug in sorted(existing, key=seen.__getitem__):
        result.errors.append(
            WaveError(seen[slug], "", "ce chiffre est déjà publié (même enquête, indicateur, population et année).")
        )
    result.errors.sort(key=lambda e: e.line)
    if result.errors:
        result.figures = []
    return result
