"""Import of the measures' bilans from a CSV file (one row per measure), for the mission team.

``bilans_check`` reads the whole file and lists every error by line, in French, before anything is
written (the dry run); ``bilans_import`` runs the same check and writes all rows in one transaction,
or nothing if any row is wrong. The template (``TEMPLATE_HEADER``) is downloadable in the back office.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from core.params import ascii_int
from roadmap.models import (
    Measure,
    Programme,
    ReviewStatus,
    ReviewSubmission,
    SubmissionEvent,
    SubmissionLink,
    SubmissionStatus,
)
from roadmap.permissions import is_facilitator, is_mission_team
from roadmap.submission_services import submission_publish

TEMPLATE_HEADER = [
    "numero_mesure",
    "date_bilan",
    "statut",
    "avancement_pct",
    "bilan",
    "prochaines_etapes",
    "date_prochaine_etape",
    "lien_justificatif",
    "libelle_justificatif",
]
REQUIRED = ("numero_mesure", "date_bilan", "statut", "bilan")
MAX_ROWS = 500
MAX_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class LineError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"Ligne {self.line} : {self.message}"


@dataclass
class BilanRow:
    line: int
    measure: Measure
    date: dt.date
    review_status: ReviewStatus
    progress: int | None
    text: str
    next_steps: str
    next_step_date: dt.date | None
    link: tuple[str, str] | None


@dataclass
class ImportCheck:
    rows: list[BilanRow] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def template_csv() -> str:
    """The template: its header and one example row (measure 2), to be replaced."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(TEMPLATE_HEADER)
    writer.writerow(["2", "2026-11-30", "En cours", "", "Ce qui a été fait depuis le dernier bilan…", "", "", "", ""])
    return "\ufeff" + buffer.getvalue()


def _date(value: str) -> dt.date | None:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def _decode(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _columns(count: int, adjective: str) -> str:
    plural = "s" if count > 1 else ""
    return f"colonne{plural} {adjective}{plural}"


def _header_errors(header: list[str]) -> list[LineError]:
    names = [name.strip().lower() for name in header]
    missing = [name for name in TEMPLATE_HEADER if name not in names]
    unknown = [name for name in names if name not in TEMPLATE_HEADER]
    doubled = sorted({name for name in names if names.count(name) > 1})
    errors = []
    if missing:
        errors.append(f"{_columns(len(missing), 'manquante')} : {', '.join(missing)}")
    if unknown:
        errors.append(f"{_columns(len(unknown), 'inconnue')} : {', '.join(unknown)}")
    if doubled:
        errors.append(f"colonne en double : {', '.join(doubled)}")
    if not errors:
        return []
    expected = ";".join(TEMPLATE_HEADER)
    return [LineError(1, f"en-tête incorrect ({' ; '.join(errors)}). En-tête attendu : {expected}")]


class _Context:
    def __init__(self, programme: Programme, facilitator: Any | None) -> None:
        self.programme = programme
        self.measures = {m.number: m for m in Measure.objects.filter(programme=programme)}
        self.statuses: dict[str, ReviewStatus] = {}
        for status in ReviewStatus.objects.all():
            self.statuses[status.slug.lower()] = status
            self.statuses[status.name.lower()] = status
        self.status_names = ", ".join(f"« {s.name} »" for s in ReviewStatus.objects.all())
        self.facilitator = facilitator
        self.pending = set(
            ReviewSubmission.objects.filter(
                measure__programme=programme, status=SubmissionStatus.SUBMITTED
            ).values_list("measure__number", flat=True)
        )
        self.today = timezone.localdate()


def _row(
    line: int, values: dict[str, str], context: _Context, seen: dict[int, int]
) -> tuple[BilanRow | None, list[str]]:
    errors: list[str] = []
    for name in REQUIRED:
        if not values[name]:
            errors.append(f"la colonne « {name} » est vide")
    measure = None
    number_text = values["numero_mesure"]
    if number_text:
        number = ascii_int(number_text)
        if number is None:
            errors.append(f"« {number_text} » n'est pas un numéro de mesure")
        else:
            measure = context.measures.get(number)
            if measure is None:
                known = f"1 à {max(context.measures)}" if context.measures else "aucune"
                errors.append(f"la mesure {number} n'existe pas dans la feuille de route (mesures {known})")
            elif number in seen:
                errors.append(f"la mesure {number} figure déjà à la ligne {seen[number]} (une ligne par mesure)")
            else:
                seen[number] = line
                if context.facilitator is not None and not is_facilitator(context.facilitator, measure):
                    errors.append(f"la mesure {number} n'est pas une mesure de ce facilitateur")
                if number in context.pending:
                    errors.append(f"la mesure {number} a déjà un bilan soumis qui attend la relecture de l'équipe")
    day = None
    if values["date_bilan"]:
        day = _date(values["date_bilan"])
        if day is None:
            errors.append(f"date du bilan « {values['date_bilan']} » illisible (attendu AAAA-MM-JJ ou JJ/MM/AAAA)")
        elif day > context.today:
            errors.append(f"la date du bilan ({values['date_bilan']}) est dans le futur")
        elif day < context.programme.start_date:
            errors.append(f"la date du bilan ({values['date_bilan']}) précède le lancement de la feuille de route")
    status = None
    if values["statut"]:
        status = context.statuses.get(values["statut"].lower())
        if status is None:
            errors.append(f"statut « {values['statut']} » inconnu (statuts possibles : {context.status_names})")
    progress = None
    if values["avancement_pct"]:
        text = values["avancement_pct"].rstrip("%").strip()
        progress = ascii_int(text, max_digits=3)
        if progress is None or progress > 100:
            progress = None
            errors.append(f"avancement « {values['avancement_pct']} » : un nombre entier de 0 à 100 est attendu")
    next_date = None
    if values["date_prochaine_etape"]:
        next_date = _date(values["date_prochaine_etape"])
        if next_date is None:
            errors.append(f"date de la prochaine étape « {values['date_prochaine_etape']} » illisible")
    link = None
    if values["lien_justificatif"]:
        try:
            URLValidator(schemes=["http", "https"])(values["lien_justificatif"])
        except ValidationError:
            errors.append(f"lien justificatif « {values['lien_justificatif'][:80]} » : adresse web invalide")
        else:
            link = (values["lien_justificatif"], values["libelle_justificatif"] or values["lien_justificatif"])
    elif values["libelle_justificatif"]:
        errors.append("un libellé de justificatif est donné sans son lien")
    if errors or measure is None or day is None or status is None:
        return None, errors
    row = BilanRow(
        line=line,
        measure=measure,
        date=day,
        review_status=status,
        progress=progress,
        text=values["bilan"],
        next_steps=values["prochaines_etapes"],
        next_step_date=next_date,
        link=link,
    )
    return row, []


def bilans_check(*, data: bytes, programme: Programme, facilitator: Any | None = None) -> ImportCheck:
    """Read every row and list every error by line; writes nothing."""
    check = ImportCheck()
    if len(data) > MAX_BYTES:
        check.errors.append(LineError(1, f"le fichier dépasse {MAX_BYTES // (1024 * 1024)} Mo"))
        return check
    text = _decode(data)
    if text is None:
        check.errors.append(LineError(1, "le fichier n'est pas encodé en UTF-8 (enregistrez-le en « CSV UTF-8 »)"))
        return check
    if not text.strip():
        check.errors.append(LineError(1, "le fichier est vide"))
        return check
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader)
    check.errors.extend(_header_errors(header))
    if check.errors:
        return check
    names = [name.strip().lower() for name in header]
    context = _Context(programme, facilitator)
    seen: dict[int, int] = {}
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(check.rows) + len(check.errors) >= MAX_ROWS:
            check.errors.append(LineError(line, f"le fichier dépasse {MAX_ROWS} lignes"))
            break
        if len(cells) != len(names):
            check.errors.append(LineError(line, f"{len(cells)} colonnes au lieu de {len(names)}"))
            continue
        values = {name: cell.strip() for name, cell in zip(names, cells, strict=True)}
        row, errors = _row(line, values, context, seen)
        check.errors.extend(LineError(line, message) for message in errors)
        if row is not None:
            check.rows.append(row)
    if not check.rows and not check.errors:
        check.errors.append(LineError(2, "le fichier ne contient aucune ligne de bilan"))
    return check


@transaction.atomic
def bilans_import(
    *, data: bytes, programme: Programme, user: Any, facilitator: Any | None = None, publish: bool = False
) -> ImportCheck:
    """Check the file, then write every row (submitted, or published when ``publish``) or nothing."""
    if not is_mission_team(user):
        raise PermissionDenied("Seule l'équipe de la mission importe des bilans.")
    check = bilans_check(data=data, programme=programme, facilitator=facilitator)
    if not check.ok:
        return check
    for row in check.rows:
        submission = ReviewSubmission(
            measure=row.measure,
            author=facilitator or user,
            status=SubmissionStatus.SUBMITTED,
            date=row.date,
            review_status=row.review_status,
            progress=row.progress,
            text=row.text,
            next_steps=row.next_steps,
            next_step_date=row.next_step_date,
        )
        submission.full_clean(exclude=["author", "review"])
        submission.save()
        if row.link:
            SubmissionLink.objects.create(submission=submission, url=row.link[0], label=row.link[1][:300])
        SubmissionEvent.objects.create(
            submission=submission,
            actor=user,
            action=SubmissionEvent.Action.IMPORTED,
            to_status=SubmissionStatus.SUBMITTED,
            comment=f"Ligne {row.line} du fichier importé.",
        )
        if publish:
            submission_publish(submission=submission, user=user)
    return check
