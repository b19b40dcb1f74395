"""Downloads of the roadmap: CSV (UTF-8 with BOM, `;`, opens in a spreadsheet) and the bilan PDF."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import dsfr
from fpdf import FPDF

from core.dates import french_date
from roadmap.models import Bilan, Dimension, Measure, Review
from roadmap.selectors import (
    NO_REVIEW_LABEL,
    BilanGroup,
    Group,
    ProgrammeSummary,
    RollUp,
    bilan_groups,
    disagreement_text,
    measure_progress,
    measure_status_label,
)

Row = Sequence[object]
_DIMENSIONS = dict(Dimension.choices)


def measures_rows(measures: Iterable[Measure]) -> Iterable[Row]:
    yield ["numero", "titre", "dimension", "chantiers", "statut", "avancement_pct", "date_dernier_bilan"]
    for m in measures:
        yield [
            m.number,
            m.title,
            _DIMENSIONS[m.dimension],
            ",".join(str(w.number) for w in m.workstreams.all()),
            measure_status_label(m),
            _percent(measure_progress(m)),
            m.last_review_date.isoformat() if m.last_review_date else "",  # type: ignore[attr-defined]
        ]


def bilans_rows(bilans: Iterable[Bilan]) -> Iterable[Row]:
    """Every published programme bilan, one after the other, under one header."""
    yield BILAN_HEADER
    for bilan in bilans:
        yield from bilan_rows(bilan, header=False)


REVIEW_HEADER = [
    "date_bilan",
    "objet",
    "numero",
    "titre",
    "statut",
    "avancement_pct",
    "bilan",
    "prochaines_etapes",
    "date_prochaine_etape",
    "justification_statut",
    "source",
]


def review_rows(reviews: Iterable[Review]) -> Iterable[Row]:
    """The dated reviews of the measures and workstreams: the history of every status change."""
    yield REVIEW_HEADER
    for r in reviews:
        subject = r.measure or r.workstream
        yield [
            r.date.isoformat(),
            "mesure" if r.measure_id else "chantier",
            subject.number if subject else "",
            subject.title if subject else "",
            r.status.name,
            _percent(r.progress),
            r.text,
            r.next_steps,
            r.next_step_date.isoformat() if r.next_step_date else "",
            r.status_justification,
            r.source,
        ]


def _percent(value: int | None) -> object:
    """An empty cell, never 0, for a progress nobody measured."""
    return "" if value is None else value


SYNTHESIS_HEADER = [
    "niveau",
    "identifiant",
    "libelle",
    "mesures",
    "mesures_evaluees",
    "mesures_sans_bilan",
    "avancement_moyen_pct",
    "base_du_calcul",
    "statut_bilan_chantier",
    "avancement_bilan_chantier_pct",
    "date_bilan_chantier",
    "bilan_chantier_discordant",
]


def _synthesis_row(level: str, group: Group) -> list[object]:
    roll_up = group.roll_up
    review = group.review
    if level != "chantier":
        own: list[object] = ["", "", "", ""]
    elif review is None:
        own = [NO_REVIEW_LABEL, "", "", ""]
    else:
        own = [
            review.status.name,
            _percent(review.progress),
            review.date.isoformat(),
            "oui" if group.review_disagrees_with_measures else "non",
        ]
    return [
        level,
        group.key,
        group.label,
        roll_up.measure_count,
        roll_up.evaluated_count,
        roll_up.measure_count - roll_up.evaluated_count,
        _percent(roll_up.progress),
        roll_up.basis,
        *own,
    ]


def synthesis_rows(summary: ProgrammeSummary) -> Iterable[Row]:
    """The « résultats en synthèse »: one row per roll-up (programme, dimensions, workstreams)."""
    yield SYNTHESIS_HEADER
    yield _synthesis_row("programme", summary.total)
    for group in summary.by_dimension:
        yield _synthesis_row("dimension", group)
    for group in summary.by_workstream:
        yield _synthesis_row("chantier", group)


BILAN_HEADER = [
    "bilan",
    "date_bilan",
    "numero",
    "titre",
    "dimension",
    "chantiers",
    "statut",
    "avancement_pct",
    "date_dernier_bilan",
    "bilan_mesure",
    "prochaines_etapes",
]


def bilan_rows(bilan: Bilan, *, header: bool = True) -> Iterable[Row]:
    if header:
        yield BILAN_HEADER
    for e in bilan.entries.all():
        yield [
            bilan.title,
            bilan.date.isoformat(),
            e.measure_number,
            e.measure_title,
            _DIMENSIONS[e.dimension],
            e.workstream_numbers,
            e.status_name or NO_REVIEW_LABEL,
            _percent(e.progress),
            e.review_date.isoformat() if e.review_date else "",
            e.review_text,
            e.next_steps,
        ]


_FONT_DIR = Path(dsfr.__file__).parent / "static" / "dsfr" / "dist" / "fonts"


@lru_cache(maxsize=1)
def _font_files() -> dict[str, str]:
    """Marianne, the State's typeface, as shipped by django-dsfr (WOFF, read by fpdf2)."""
    return {"": str(_FONT_DIR / "Marianne-Regular.woff"), "B": str(_FONT_DIR / "Marianne-Bold.woff")}


class _BilanPdf(FPDF):
    def __init__(self, title: str) -> None:
        super().__init__(format="A4")
        self.doc_title = title
        for style, path in _font_files().items():
            self.add_font("Marianne", style, path)
        self.set_title(title)
        self.set_lang("fr")
        self.set_creator("Alliances & Territoires")
        self.set_auto_page_break(auto=True, margin=15)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Marianne", size=8)
        self.cell(0, 8, f"{self.doc_title} — page {self.page_no()}/{{nb}}", align="C")


def _para(pdf: FPDF, height: int, text: str) -> None:
    pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")


def _progress_cell(value: int | None) -> str:
    return "—" if value is None else f"{value} %"


def _roll_up_text(roll_up: RollUp) -> str:
    if roll_up.progress is None:
        return f"pas d'avancement moyen : {roll_up.basis}"
    return f"{roll_up.progress} % ({roll_up.basis})"


def _own_review(group: BilanGroup) -> str:
    if group.level != "chantier":
        return ""
    if group.review is None:
        return NO_REVIEW_LABEL
    return f"{group.review.status.name} (bilan du {french_date(group.review.date)})"


def bilan_pdf(bilan: Bilan) -> bytes:
    pdf = _BilanPdf(bilan.title)
    pdf.add_page()
    pdf.set_font("Marianne", "B", 18)
    _para(pdf, 9, bilan.title)
    pdf.set_font("Marianne", size=10)
    _para(pdf, 6, f"{bilan.programme.title}\nÉtat figé au {french_date(bilan.date)}.")
    if bilan.summary:
        pdf.ln(2)
        _para(pdf, 6, bilan.summary)
    entries = list(bilan.entries.all())
    groups = bilan_groups(bilan, entries)
    if entries:
        pdf.ln(2)
        pdf.set_font("Marianne", "B", 11)
        _para(pdf, 7, f"Avancement moyen des mesures évaluées : {_roll_up_text(groups[0].roll_up)}.")
        pdf.set_font("Marianne", size=9)
        _para(
            pdf,
            5,
            "L'avancement moyen ne porte que sur les mesures qui ont un bilan ; "
            "une mesure sans bilan n'a pas d'avancement et n'entre dans aucune moyenne.",
        )
        pdf.ln(2)
        with pdf.table(col_widths=(70, 25, 40, 35), text_align=("LEFT", "RIGHT", "LEFT", "LEFT")) as table:
            table.row(["Ensemble", "Avancement moyen", "Base du calcul", "Bilan propre du chantier"])
            for group in groups:
                table.row(
                    [group.label, _progress_cell(group.roll_up.progress), group.roll_up.basis, _own_review(group)]
                )
        for group in groups:
            if group.review_disagrees_with_measures:
                _para(pdf, 5, disagreement_text(group.label, group.review, group.roll_up))
    for value, label in Dimension.choices:
        group = [e for e in entries if e.dimension == value]
        if not group:
            continue
        pdf.ln(3)
        pdf.set_font("Marianne", "B", 13)
        _para(pdf, 8, f"Mesures {label}s")
        pdf.set_font("Marianne", size=9)
        with pdf.table(col_widths=(10, 95, 40, 20), text_align=("RIGHT", "LEFT", "LEFT", "RIGHT")) as table:
            table.row(["N°", "Mesure", "Statut", "Avancement"])
            for e in group:
                status = e.status_name or NO_REVIEW_LABEL
                table.row([str(e.measure_number), e.measure_title, status, _progress_cell(e.progress)])
    reviewed = [e for e in entries if e.review_text]
    if reviewed:
        pdf.add_page()
        pdf.set_font("Marianne", "B", 13)
        _para(pdf, 8, "Bilans des mesures")
        for e in reviewed:
            pdf.ln(2)
            pdf.set_font("Marianne", "B", 10)
            heading = f"Mesure {e.measure_number} — {e.measure_title}"
            _para(pdf, 6, f"{heading} (bilan du {french_date(e.review_date)} : {e.status_name})")
            pdf.set_font("Marianne", size=9)
            _para(pdf, 5, e.review_text)
            if e.next_steps:
                _para(pdf, 5, f"Prochaines étapes : {e.next_steps}")
    buffer = io.BytesIO()
    pdf.output(buffer)
    return buffer.getvalue()
