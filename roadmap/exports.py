"""Downloads of the roadmap: CSV (UTF-8 with BOM, `;`, opens in a spreadsheet) and the bilan PDF."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import dsfr
from django.http import HttpResponse
from fpdf import FPDF

from roadmap.models import Bilan, Dimension, Measure
from roadmap.selectors import NO_REVIEW_LABEL, measure_progress, measure_status_label

Row = Sequence[object]
_DIMENSIONS = dict(Dimension.choices)


def csv_response(rows: Iterable[Row], *, filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerows(rows)
    return response


def measures_rows(measures: Iterable[Measure]) -> Iterable[Row]:
    yield ["numero", "titre", "dimension", "chantiers", "statut", "avancement_pct", "date_dernier_bilan"]
    for m in measures:
        yield [
            m.number,
            m.title,
            _DIMENSIONS[m.dimension],
            ",".join(str(w.number) for w in m.workstreams.all()),
            measure_status_label(m),
            measure_progress(m),
            m.last_review_date.isoformat() if m.last_review_date else "",  # type: ignore[attr-defined]
        ]


def bilan_rows(bilan: Bilan) -> Iterable[Row]:
    yield [
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
    for e in bilan.entries.all():
        yield [
            bilan.title,
            bilan.date.isoformat(),
            e.measure_number,
            e.measure_title,
            _DIMENSIONS[e.dimension],
            e.workstream_numbers,
            e.status_name or NO_REVIEW_LABEL,
            e.progress,
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


def bilan_pdf(bilan: Bilan) -> bytes:
    pdf = _BilanPdf(bilan.title)
    pdf.add_page()
    pdf.set_font("Marianne", "B", 18)
    _para(pdf, 9, bilan.title)
    pdf.set_font("Marianne", size=10)
    _para(pdf, 6, f"{bilan.programme.title}\nÉtat figé au {bilan.date:%d/%m/%Y}.")
    if bilan.summary:
        pdf.ln(2)
        _para(pdf, 6, bilan.summary)
    entries = list(bilan.entries.all())
    if entries:
        average = round(sum(e.progress for e in entries) / len(entries))
        pdf.ln(2)
        pdf.set_font("Marianne", "B", 11)
        _para(pdf, 7, f"Avancement moyen des {len(entries)} mesures : {average} %")
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
                table.row([str(e.measure_number), e.measure_title, e.status_name or NO_REVIEW_LABEL, f"{e.progress} %"])
    reviewed = [e for e in entries if e.review_text]
    if reviewed:
        pdf.add_page()
        pdf.set_font("Marianne", "B", 13)
        _para(pdf, 8, "Bilans des mesures")
        for e in reviewed:
            pdf.ln(2)
            pdf.set_font("Marianne", "B", 10)
            date = e.review_date.strftime("%d/%m/%Y") if e.review_date else ""
            _para(pdf, 6, f"Mesure {e.measure_number} — {e.measure_title} (bilan du {date} : {e.status_name})")
            pdf.set_font("Marianne", size=9)
            _para(pdf, 5, e.review_text)
            if e.next_steps:
                _para(pdf, 5, f"Prochaines étapes : {e.next_steps}")
    buffer = io.BytesIO()
    pdf.output(buffer)
    return buffer.getvalue()
