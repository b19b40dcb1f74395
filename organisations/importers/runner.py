"""Running a register import: check every file first, then stream rows in batches, one transaction each.

A file that cannot be imported at all (encoding, separator, missing columns) stops the run before
anything is written. Rows that cannot be read are written to the rejects report (file, line,
identifier, reason); rows imported with a caveat (unknown commune, invalid date…) are listed too.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from django.db import transaction
from tqdm import tqdm

from organisations.importers.reading import CsvFile, FileProblem, Source, sources
from organisations.importers.writer import Row, Writer

BATCH_SIZE = 5000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class RowRejected(Exception):
    """The row cannot be imported; the message says why, in French."""


@dataclass
class RowContext:
    """What a row parser may report besides its row: caveats kept in the report."""

    warnings: list[str] = field(default_factory=list)

    def warn(self, message: str) -> None:
        self.warnings.append(message)


@dataclass
class Format:
    """A register file format: its separator, required columns and a row parser."""

    name: str
    delimiter: str
    required: list[str]
    parse: Callable[[dict[str, int], list[str], RowContext], Row | None]  # None: skipped by a filter
    expected_columns: int | None = None

    def matches(self, header: list[str]) -> bool:
        return all(name in header for name in self.required)


@dataclass
class Summary:
    counts: Counter[str] = field(default_factory=Counter)
    report_path: Path | None = None

    def lines(self) -> list[str]:
        c = self.counts
        lines = [
            f"Lignes lues : {c['read']}",
            f"Organisations créées : {c['created']}, mises à jour : {c['updated']}, inchangées : {c['unchanged']}",
            f"Lignes rejetées : {c['rejected']}",
        ]
        if c["skipped"]:
            lines.append(f"Lignes écartées par les filtres ou non diffusibles : {c['skipped']}")
        if c["warnings"]:
            lines.append(f"Lignes importées avec une réserve : {c['warnings']}")
        if self.report_path is not None and (c["rejected"] or c["warnings"]):
            lines.append(f"Rapport des lignes rejetées : {self.report_path}")
        return lines


def safe_cell(value: str) -> str:
    """A report cell that a spreadsheet will not run as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


class Report:
    """The rejects report, written as the import goes (never held in memory)."""

    HEADER = ["fichier", "ligne", "identifiant", "motif", "suite donnée"]

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: TextIO | None = None
        self._writer: Any = None

    def add(self, source: Source, line: int, identifier: str, reason: str, outcome: str) -> None:
        if self._writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self.path.open("w", encoding="utf-8", newline="")
            self._writer = csv.writer(self._handle, delimiter=";")
            self._writer.writerow(self.HEADER)
        self._writer.writerow([safe_cell(source.label), line, safe_cell(identifier[:40]), safe_cell(reason), outcome])

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()


def default_report_path(paths: list[Path]) -> Path:
    first = paths[0]
    return first.with_name(f"{first.name}.rejets.csv")


def _open_all(found: list[Source], formats: list[Format]) -> list[tuple[Source, Format, int]]:
    """Check the header of every file before anything is written; raise FileProblem naming each problem."""
    checked: list[tuple[Source, Format, int]] = []
    problems: list[str] = []
    for source in found:
        try:
            csv_file = CsvFile.open(source, delimiter=formats[0].delimiter)
        except FileProblem as problem:
            problems.append(str(problem))
            continue
        try:
            chosen = next((f for f in formats if f.matches(csv_file.header)), None)
            if chosen is None:
                csv_file.check_columns(formats[0].required)
            else:
                checked.append((source, chosen, source.size()))
        except FileProblem as problem:
            problems.append(str(problem))
        finally:
            csv_file.close()
    if problems:
        raise FileProblem("Import arrêté avant toute écriture. " + " ".join(problems))
    return checked


def _rows(
    source: Source, file_format: Format, summary: Summary, report: Report, seen: set[str], progress: tqdm
) -> Iterator[Row]:
    csv_file = CsvFile.open(source, delimiter=file_format.delimiter)
    index = {name: position for position, name in enumerate(csv_file.header)}
    width = len(csv_file.header)
    counts = summary.counts
    reported_bytes = 0
    try:
        for line, values, problem in csv_file.rows():
            counts["read"] += 1
            if counts["read"] % 1000 == 0:
                progress.update(csv_file.lines.bytes_read - reported_bytes)
                reported_bytes = csv_file.lines.bytes_read
            identifier = values[0].strip() if values else ""
            if values is not None and len(values) != width:
                if len(values) <= 1 and not "".join(values).strip():
                    counts["read"] -= 1  # a blank line
                    continue
                problem = f"ligne tronquée ou mal découpée : {len(values)} colonnes au lieu de {width}"
            if problem:
                counts["rejected"] += 1
                report.add(source, line, identifier, problem, "rejetée")
                continue
            context = RowContext()
            try:
                row = file_format.parse(index, values, context)  # type: ignore[arg-type]
            except RowRejected as rejection:
                counts["rejected"] += 1
                report.add(source, line, identifier, str(rejection), "rejetée")
                continue
            if row is None:
                counts["skipped"] += 1
                continue
            register_id = row[1]
            if register_id in seen:
                counts["rejected"] += 1
                report.add(source, line, register_id, "identifiant en double : déjà lu plus haut", "rejetée")
                continue
            seen.add(register_id)
            if context.warnings:
                counts["warnings"] += 1
                report.add(source, line, register_id, " ; ".join(context.warnings), "importée avec une réserve")
            yield row
    finally:
        progress.update(csv_file.lines.bytes_read - reported_bytes)
        csv_file.close()


def run_import(
    paths: list[Path],
    formats: list[Format],
    *,
    report_path: Path | None = None,
    batch_size: int = BATCH_SIZE,
    show_progress: bool = True,
) -> Summary:
    """Import the files (or zips) at ``paths``; one transaction per batch of ``batch_size`` rows."""
    paths = [Path(path) for path in paths]
    checked = _open_all(sources(paths), formats)
    summary = Summary(report_path=Path(report_path) if report_path else default_report_path(paths))
    report = Report(summary.report_path)  # type: ignore[arg-type]
    writer = Writer()
    seen: set[str] = set()
    total = sum(size for _, _, size in checked)
    progress = tqdm(total=total, unit="o", unit_scale=True, desc="Import", disable=not show_progress, leave=False)
    batch: list[Row] = []

    def flush() -> None:
        with transaction.atomic():
            created, updated = writer.write(batch)
        summary.counts["created"] += created
        summary.counts["updated"] += updated
        summary.counts["unchanged"] += len(batch) - created - updated
        batch.clear()

    try:
        for source, file_format, _size in checked:
            for row in _rows(source, file_format, summary, report, seen, progress):
                batch.append(row)
                if len(batch) >= batch_size:
                    flush()
        flush()
    finally:
        progress.close()
        report.close()
    return summary


def parse_date(value: str, column: str, context: RowContext) -> str | None:
    """An ISO date (the registers write ``0001-01-01`` for none); an invalid one is dropped with a caveat."""
    value = value.strip()[:10]
    if not value or value in ("0001-01-01", "0000-00-00"):
        return None
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        context.warn(f"date invalide dans « {column} » ({value[:20]}) : laissée vide")
        return None
    if parsed.year < 1800:
        return None
    return parsed.isoformat()
