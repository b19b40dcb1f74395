"""Running a register import: check every file first, then read, check and write the rows.

A file that cannot be imported at all (encoding, separator, missing columns) stops the run before
anything is written. Rows that cannot be read are written to the rejects report (file, line,
identifier, reason); rows imported with a caveat (unknown commune, invalid date…) are listed too.

Speed (docs/adr/0009): reading and checking a row costs about as much as writing it. So a large
import may read in a child process (forked: it inherits the formats and their lookup tables)
while this process writes, batches of rows crossing a pipe, when a second processor is usable
(``_wants_reading_process``: two usable processors). The rows of a chunk are built column by
column when the format allows it (``Format.chunk_parser``). An import large relative to the table
(the first national load) runs as one transaction around which the indexes are rebuilt
(``bulk.bulk_load``); any other import writes one transaction per batch. Either way an interrupted
import leaves no half-written batch.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import gc
import itertools
import multiprocessing
import pickle
import signal
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TextIO

from django.db import transaction
from tqdm import tqdm

from core.cache import clear_public_pages
from organisations.importers.bulk import bulk_load, usable_processors
from organisations.importers.reading import CsvFile, FileProblem, Source, sources
from organisations.importers.writer import WIDTH, Row, Writer, table_holds_fewer_than

BATCH_SIZE = 5000
CHUNK_ROWS = 1000  # records given at once to a format's chunk parser
# Below these sizes the machinery costs more than it saves: a reading process (about 20 ms to
# start), or rebuilding every index of the table (the file must hold twice the table's rows).
PARALLEL_MIN_BYTES = 4 * 1024 * 1024
BULK_MIN_ROWS = 100_000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class RowRejected(Exception):
    """The row cannot be imported; the message says why, in French."""


class RowContext:
    """What a row parser may report besides its row: caveats kept in the report.

    One context serves every row of a file (the reader empties it between rows): creating one per
    row would cost as much as some of the checks.
    """

    __slots__ = ("warnings",)

    def __init__(self) -> None:
        self.warnings: list[str] = []

    def warn(self, message: str) -> None:
        self.warnings.append(message)


RowParser = Callable[[list[str], RowContext], Row | None]  # None: skipped by a filter
# Rows of a chunk of records, each None where the row parser must decide (a caveat, a rejection…).
ChunkParser = Callable[[list[list[str]]], list[Row | None]]


@dataclass
class Format:
    """A register file format: its separator, required columns, and a row parser for a given header.

    ``parser`` receives the header's column positions once per file and returns the function
    called on each row, so that the positions are looked up once, not once per row.
    ``chunk_parser``, if any, does the same for a whole chunk of records at once, column by column
    (faster), for the rows that raise no caveat; the row parser remains the reference for the rest.
    """

    name: str
    delimiter: str
    required: list[str]
    parser: Callable[[dict[str, int]], RowParser]
    source: str
    expected_columns: int | None = None
    chunk_parser: Callable[[dict[str, int]], ChunkParser] | None = None

    def matches(self, header: list[str]) -> bool:
        return all(name in header for name in self.required)


@dataclass(frozen=True)
class CheckedFile:
    """A file whose header was checked: its format, size and an estimate of its rows."""

    source: Source
    format: Format
    size: int
    estimated_rows: int


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


def _open_all(found: list[Source], formats: list[Format]) -> list[CheckedFile]:
    """Check the header of every file before anything is written; raise FileProblem naming each problem."""
    checked: list[CheckedFile] = []
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
                size = source.size()
                checked.append(CheckedFile(source, chosen, size, round(size / csv_file.bytes_per_line)))
        except FileProblem as problem:
            problems.append(str(problem))
        finally:
            csv_file.close()
    if problems:
        raise FileProblem("Import arrêté avant toute écriture. " + " ".join(problems))
    return checked


class RowReader:
    """Reads the checked files into batches of rows to write, and reports the rows it cannot import.

    A batch is its rows' values end to end (see ``Writer.write_values``). ``tally`` (read,
    rejected, skipped, warnings) and ``bytes_read`` follow the reading.
    """

    def __init__(self, files: list[CheckedFile], report_path: Path, batch_size: int) -> None:
        self.files = files
        self.report_path = report_path
        self.batch_size = batch_size
        self.tally = Tally()
        self.bytes_read = 0

    def batches(self) -> Iterator[list[Any]]:
        report = Report(self.report_path)
        seen: set[str] = set()
        self._batch: list[Any] = []
        try:
            for checked in self.files:
                yield from self._read(checked, report, seen)
            if self._batch:
                yield self._batch
        finally:
            report.close()

    def _read(self, checked: CheckedFile, report: Report, seen: set[str]) -> Iterator[list[Any]]:
        """One file's rows, added to the current batch; yields each batch that fills up."""
        csv_file = CsvFile.open(checked.source, delimiter=checked.format.delimiter)
        index = {name: position for position, name in enumerate(csv_file.header)}
        parse = checked.format.parser(index)
        parse_chunk = checked.format.chunk_parser(index) if checked.format.chunk_parser else None
        full, bytes_before = self.batch_size * WIDTH, self.bytes_read
        try:
            for chunk in self._chunks(csv_file, report, bytes_before):
                rows = parse_chunk([values for _line, values in chunk]) if parse_chunk else [None] * len(chunk)
                if not self._add_clean(rows, seen):
                    self._add_one_by_one(chunk, rows, parse, checked.source, report, seen)
                while len(self._batch) >= full:  # a batch holds batch_size rows, no more
                    batch, self._batch = self._batch[:full], self._batch[full:]
                    yield batch
        finally:
            self.bytes_read = bytes_before + csv_file.lines.bytes_read
            csv_file.close()

    def _add_clean(self, rows: list[Row | None], seen: set[str]) -> bool:
        """Add at once a chunk whose rows were all built by the chunk parser and are all new.

        The usual case, done with set and list operations instead of a loop; False (nothing added)
        when a row needs the row parser or an identifier was already read.
        """
        if not rows or None in rows:
            return False
        identifiers = [row[1] for row in rows]  # type: ignore[index]
        if len(set(identifiers)) != len(identifiers) or not seen.isdisjoint(identifiers):
            return False
        seen.update(identifiers)
        self._batch.extend(itertools.chain.from_iterable(rows))  # type: ignore[arg-type]
        return True

    def _add_one_by_one(
        self,
        chunk: list[tuple[int, list[str]]],
        rows: list[Row | None],
        parse: RowParser,
        source: Source,
        report: Report,
        seen: set[str],
    ) -> None:
        """Add a chunk row by row: the row parser where the chunk parser left None; duplicates and caveats reported."""
        context, tally, batch = RowContext(), self.tally, self._batch
        warnings = context.warnings
        for (line, values), built in zip(chunk, rows, strict=True):
            row = built
            if row is None:
                warnings.clear()
                try:
                    row = parse(values, context)
                except RowRejected as rejection:
                    tally.rejected += 1
                    report.add(source, line, values[0].strip(), str(rejection), "rejetée")
                    continue
                if row is None:
                    tally.skipped += 1
                    continue
            register_id = row[1]
            if register_id in seen:
                tally.rejected += 1
                report.add(source, line, register_id, "identifiant en double : déjà lu plus haut", "rejetée")
                continue
            seen.add(register_id)
            if built is None and warnings:
                tally.warnings += 1
                report.add(source, line, register_id, " ; ".join(warnings), "importée avec une réserve")
            batch.extend(row)

    def _chunks(self, csv_file: CsvFile, report: Report, bytes_before: int) -> Iterator[list[tuple[int, list[str]]]]:
        """The file's well-formed records (line, values), by chunks of ``CHUNK_ROWS``.

        A line that cannot be read, or has the wrong number of columns, is reported between two
        chunks, so the report keeps the order of the file.
        """
        width, tally, source = len(csv_file.header), self.tally, csv_file.source
        chunk: list[tuple[int, list[str]]] = []
        for line, values, problem in csv_file.rows():
            tally.read += 1
            if not problem and len(values) != width:  # type: ignore[arg-type]
                if len(values) <= 1 and not "".join(values).strip():  # type: ignore[arg-type]
                    tally.read -= 1  # a blank line
                    continue
                problem = f"ligne tronquée ou mal découpée : {len(values)} colonnes au lieu de {width}"  # type: ignore[arg-type]
            if problem:
                if chunk:
                    yield chunk
                    chunk = []
                tally.rejected += 1
                report.add(source, line, values[0].strip() if values else "", problem, "rejetée")
                continue
            chunk.append((line, values))  # type: ignore[arg-type]
            if len(chunk) >= CHUNK_ROWS:
                self.bytes_read = bytes_before + csv_file.lines.bytes_read
                yield chunk
                chunk = []
        if chunk:
            yield chunk


@dataclass
class Tally:
    """What the reading counts: rows read, rejected, skipped by a filter, imported with a caveat."""

    read: int = 0
    rejected: int = 0
    skipped: int = 0
    warnings: int = 0

    def counts(self) -> Counter[str]:
        return Counter(read=self.read, rejected=self.rejected, skipped=self.skipped, warnings=self.warnings)


class ChildReader:
    """Runs a RowReader in a forked child process, which reads and checks while this process writes.

    The pipe holds about one batch, so the child stays at most a batch or two ahead. Its counts
    come back at the end; an error in the child is raised here; leaving early stops the child.
    """

    def __init__(self, reader: RowReader) -> None:
        self.reader = reader

    def batches(self) -> Iterator[list[Any]]:
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=_read_in_child, args=(self.reader, sender), name="lecture-import", daemon=True)
        child.start()
        sender.close()
        try:
            while True:
                try:
                    kind, payload, bytes_read = receiver.recv()
                except EOFError:
                    child.join()
                    raise RuntimeError(
                        f"La lecture des fichiers s'est arrêtée sans finir (code {child.exitcode})."
                    ) from None
                self.reader.bytes_read = bytes_read
                if kind == "batch":
                    yield payload
                elif kind == "error":
                    raise payload
                else:
                    self.reader.tally = payload
                    return
        finally:
            receiver.close()
            if child.is_alive():
                child.terminate()
            child.join()


def _read_in_child(reader: RowReader, sender: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops this process
    # The objects inherited from the parent stay out of the garbage collector's passes: fewer
    # objects to go through, and their pages stay shared with the parent instead of being copied.
    gc.freeze()
    try:
        for batch in reader.batches():
            sender.send(("batch", batch, reader.bytes_read))
        sender.send(("done", reader.tally, reader.bytes_read))
    except BaseException as error:  # handed to the parent, which raises it
        with contextlib.suppress(OSError):  # the parent stopped listening: it is handling its own error
            sender.send(("error", _transportable(error), reader.bytes_read))
    finally:
        sender.close()


def _transportable(error: BaseException) -> BaseException:
    """The child's error with its traceback as a note, or a RuntimeError telling it if it cannot be pickled."""
    details = "".join(traceback.format_exception(error))
    try:
        error.add_note(f"Dans le processus de lecture :\n{details}")
        pickle.dumps(error)
    except Exception:  # any pickling failure
        return RuntimeError(f"Erreur dans le processus de lecture :\n{details}")
    return error


def _wants_reading_process() -> bool:
    """Whether reading in a child process pays off: when this process may run on two processors.

    The writing keeps this process busy too: SQLite inserts in this process, and for PostgreSQL
    this process formats the rows of the COPY, computes the derived columns and waits on each
    batch's upsert. A child reading alongside saved 8 % of a 2-million-row first load on
    PostgreSQL, and more on SQLite. The choice depends on the input's size and on the processors
    the process is allowed to use (its affinity), never on the machine's load at that moment: the
    same input on the same machine takes the same path (docs/adr/0009); ``parallel=False``
    forces one process.
    """
    return "fork" in multiprocessing.get_all_start_methods() and usable_processors() >= 2


def _wants_bulk(files: list[CheckedFile]) -> bool:
    """A bulk load for a large file holding at least twice as many rows as the table (see ``bulk``)."""
    estimated = sum(checked.estimated_rows for checked in files)
    return estimated >= BULK_MIN_ROWS and table_holds_fewer_than(estimated // 2 + 1)


def run_import(
    paths: list[Path],
    formats: list[Format],
    *,
    report_path: Path | None = None,
    batch_size: int = BATCH_SIZE,
    show_progress: bool = True,
    bulk: bool | None = None,
    parallel: bool | None = None,
) -> Summary:
    """Import the files (or zips) at ``paths``.

    ``bulk`` (one transaction, indexes rebuilt) and ``parallel`` (reading in a child process) are
    decided from the sizes, the engine and the processors this process may use when left to None.
    """
    paths = [Path(path) for path in paths]
    files = _open_all(sources(paths), formats)
    summary = Summary(report_path=Path(report_path) if report_path else default_report_path(paths))
    reader = RowReader(files, summary.report_path, batch_size)  # type: ignore[arg-type]
    total = sum(checked.size for checked in files)
    if bulk is None:
        bulk = _wants_bulk(files)
    if parallel is None:
        parallel = total >= PARALLEL_MIN_BYTES and _wants_reading_process()
    batches = ChildReader(reader).batches() if parallel else reader.batches()
    progress = tqdm(total=total, unit="o", unit_scale=True, desc="Import", disable=not show_progress, leave=False)
    writer = Writer()
    try:
        if bulk:
            with bulk_load(writer, {checked.format.source for checked in files}):
                _write(batches, writer, summary, progress, reader, atomic_batches=False)
        else:
            _write(batches, writer, summary, progress, reader, atomic_batches=True)
    finally:
        batches.close()  # stops the child process if the writing failed
        progress.close()
        clear_public_pages()  # the directory's cached pages show what was committed, even by an interrupted run
    summary.counts.update(reader.tally.counts())
    return summary


def _write(
    batches: Iterator[list[Any]],
    writer: Writer,
    summary: Summary,
    progress: tqdm,
    reader: RowReader,
    *,
    atomic_batches: bool,
) -> None:
    counts = summary.counts
    reported = 0
    for batch in batches:
        if atomic_batches:
            with transaction.atomic():
                created, updated = writer.write_values(batch)
        else:
            created, updated = writer.write_values(batch)
        counts["created"] += created
        counts["updated"] += updated
        counts["unchanged"] += len(batch) // WIDTH - created - updated
        progress.update(reader.bytes_read - reported)
        reported = reader.bytes_read


# Dates already parsed, by their first ten characters: valid dates are few (tens of thousands of
# days) and repeat across millions of rows. Row parsers may look a value's ``[:10]`` up here first
# (a hit is what ``parse_date`` would return); only what parses without a caveat is kept.
KNOWN_DATES: dict[str, str | None] = {"": None, "0001-01-01": None, "0000-00-00": None}
_KNOWN_DATES_MAX = 100_000
NOT_KNOWN = object()


def quiet_date(value: str) -> Any:
    """What ``parse_date`` returns for ``value`` when that raises no caveat; NOT_KNOWN when it would."""
    value = value.strip()[:10]
    known = KNOWN_DATES.get(value, NOT_KNOWN)
    if known is not NOT_KNOWN:
        return known
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        return NOT_KNOWN
    result = parsed.isoformat() if parsed.year >= 1800 else None
    if len(KNOWN_DATES) < _KNOWN_DATES_MAX:
        KNOWN_DATES[value] = result
    return result


def parse_date(value: str, column: str, context: RowContext) -> str | None:
    """An ISO date (the registers write ``0001-01-01`` for none); an invalid one is dropped with a caveat."""
    result = quiet_date(value)
    if result is NOT_KNOWN:
        context.warn(f"date invalide dans « {column} » ({value.strip()[:10]}) : laissée vide")
        return None
    return result
