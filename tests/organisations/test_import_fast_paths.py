"""The fast paths of the register imports give what the plain paths give.

Reading in a child process, the bulk load (one transaction, indexes and constraints rebuilt, the
foreign keys checked once per key), the direct splitting of plain CSV lines: each is compared with
the plain path on the same files, and each keeps « an interrupted import leaves nothing
half-written ».
"""

from __future__ import annotations

import csv
import io
import multiprocessing
import os
import tempfile
from pathlib import Path

import pytest
from django.db import IntegrityError, connection
from hypothesis import given, settings
from hypothesis import strategies as st

from organisations.importers import bulk, common, reading, runner, writer
from organisations.importers.rna import rna_formats
from organisations.importers.runner import Format, RowRejected, run_import
from organisations.models import Organisation

pytestmark = pytest.mark.django_db
REAL = "rna_waldec_20241101_dpt_976.csv"
TRAPS = "rna_waldec_traps.csv"
# The stored fields an import writes (the id aside, which depends on the order of the writes).
STORED = [column.removesuffix("_id") if column in ("kind_id", "commune_id") else column for column in writer.STORED]


def _stored() -> list[tuple]:
    return sorted(Organisation.objects.values_list(*STORED))


def _schema() -> list[tuple]:
    """The definitions of the table's indexes and constraints, as the engine reports them."""
    table = Organisation._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE tbl_name = %s AND type = 'index'", [table])
            return sorted(cursor.fetchall(), key=str)
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s", [table])
        indexes = cursor.fetchall()
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid), convalidated FROM pg_constraint WHERE conrelid = %s::regclass",
            [table],
        )
        return sorted(indexes + cursor.fetchall(), key=str)


def _import(tmp_path: Path, *paths: Path, **options) -> list[str]:
    summary = run_import(list(paths), rna_formats(), report_path=tmp_path / "r.csv", show_progress=False, **options)
    return summary.lines()[:3]


def _report(tmp_path: Path) -> str:
    path = tmp_path / "r.csv"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _plain_then(fast: dict, registers_files: list[Path], tmp_path: Path) -> None:
    """Import with the plain paths, then again from scratch with ``fast``: same rows, report and summary."""
    plain = _import(tmp_path, *registers_files, bulk=False, parallel=False)
    expected, expected_report = _stored(), _report(tmp_path)
    Organisation.objects.all().delete()
    (tmp_path / "r.csv").unlink(missing_ok=True)
    assert _import(tmp_path, *registers_files, **fast) == plain
    assert _stored() == expected
    assert _report(tmp_path) == expected_report


@pytest.mark.parametrize(
    "fast",
    [{"parallel": True, "bulk": False}, {"parallel": False, "bulk": True}, {"parallel": True, "bulk": True}],
    ids=["child-process", "bulk", "both"],
)
def test_fast_paths_store_and_report_what_the_plain_paths_do(registers, fixtures_dir, tmp_path, fast) -> None:
    files = [fixtures_dir / REAL, fixtures_dir / TRAPS, fixtures_dir / "rna_import_format.csv"]
    _plain_then(fast, files, tmp_path)


def test_bulk_load_leaves_the_same_indexes_and_constraints(registers, fixtures_dir, tmp_path) -> None:
    before = _schema()
    _import(tmp_path, fixtures_dir / REAL, bulk=True)
    assert _schema() == before
    assert Organisation.objects.count() == 4


def test_bulk_reimport_updates_in_place(registers, fixtures_dir, tmp_path) -> None:
    _import(tmp_path, fixtures_dir / REAL, bulk=True)
    changed = tmp_path / "changed.csv"
    changed.write_text((fixtures_dir / REAL).read_text(encoding="utf-8").replace("ESCALE;ESCALE", "ESCALE 2;ESCALE"))
    lines = _import(tmp_path, changed, bulk=True, parallel=True)
    assert lines[1] == "Organisations créées : 0, mises à jour : 1, inchangées : 3"
    assert Organisation.objects.get(rna="W9T1002359").name == "ESCALE 2"
    assert Organisation.objects.count() == 4


@pytest.mark.parametrize("parallel", [False, True], ids=["in-process", "child-process"])
def test_interrupted_bulk_load_leaves_nothing_and_the_indexes(
    registers, fixtures_dir, tmp_path, interrupt_writes, parallel
) -> None:
    before = _schema()
    interrupt_writes(2, first_row=True)
    with pytest.raises(KeyboardInterrupt):
        _import(tmp_path, fixtures_dir / REAL, batch_size=2, bulk=True, parallel=parallel)
    assert not Organisation.objects.exists()  # the first batch too: the bulk load is one transaction
    assert _schema() == before
    assert not multiprocessing.active_children()


def test_interrupted_import_stops_the_reading_process_and_keeps_committed_batches(
    registers, fixtures_dir, tmp_path, interrupt_writes
) -> None:
    interrupt_writes(2)
    with pytest.raises(KeyboardInterrupt):
        _import(tmp_path, fixtures_dir / REAL, batch_size=2, bulk=False, parallel=True)
    assert Organisation.objects.count() == 2
    assert not multiprocessing.active_children()


def test_an_error_in_the_reading_process_is_raised_here(registers, fixtures_dir, tmp_path) -> None:
    def parser(index):
        def parse(values, context):
            raise ValueError("panne de lecture")

        return parse

    broken = Format("waldec", ";", ["id", "titre"], parser, "rna")
    with pytest.raises(ValueError, match="panne de lecture") as raised:
        run_import([fixtures_dir / REAL], [broken], report_path=tmp_path / "r.csv", show_progress=False, parallel=True)
    assert any("Dans le processus de lecture" in note for note in raised.value.__notes__)
    assert not multiprocessing.active_children()
    assert not Organisation.objects.exists()


def test_row_rejections_in_the_reading_process_go_to_the_report(registers, fixtures_dir, tmp_path) -> None:
    def parser(index):
        def parse(values, context):
            raise RowRejected("refusée pour l'essai")

        return parse

    refusing = Format("waldec", ";", ["id", "titre"], parser, "rna")
    summary = run_import(
        [fixtures_dir / REAL], [refusing], report_path=tmp_path / "r.csv", show_progress=False, parallel=True
    )
    assert summary.counts["rejected"] == 4 and summary.counts["read"] == 4
    assert _report(tmp_path).count("refusée pour l'essai") == 4


def test_references_are_checked_once_per_key(registers) -> None:
    bulk.check_references({"commune_id": {"97611", None}, "kind_id": set()})  # known: nothing raised
    with pytest.raises(IntegrityError, match="commune_id"):
        bulk.check_references({"commune_id": {"97611", "00000"}})


@pytest.mark.django_db(transaction=True)
def test_bulk_load_outside_a_transaction_checks_the_foreign_keys(
    registers, fixtures_dir, tmp_path, monkeypatch
) -> None:
    """SQLite turns its foreign keys off for the load (PostgreSQL drops them): a wrong key still stops it."""
    load = common.Communes.load.__func__

    def with_a_wrong_code(cls):
        communes = load(cls)
        communes.by_code["97611"] = "00000"  # no such commune
        return communes

    monkeypatch.setattr(common.Communes, "load", classmethod(with_a_wrong_code))
    before = _schema()
    with pytest.raises(IntegrityError):
        _import(tmp_path, fixtures_dir / REAL, bulk=True)
    assert not Organisation.objects.exists()
    assert _schema() == before
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA foreign_keys")
            assert cursor.fetchone()[0] == 1
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] in ("wal", "memory")  # restored (an in-memory test database has no WAL)


@pytest.mark.django_db(transaction=True)
def test_bulk_load_outside_a_transaction_imports_and_restores_the_schema(registers, fixtures_dir, tmp_path) -> None:
    before = _schema()
    lines = _import(tmp_path, fixtures_dir / REAL, fixtures_dir / TRAPS, bulk=True, parallel=True)
    assert lines[1] == "Organisations créées : 9, mises à jour : 0, inchangées : 0"
    assert _schema() == before
    assert Organisation.objects.get(rna="W9T1002359").commune_id == "97611"


def test_bulk_is_chosen_for_a_file_large_relative_to_the_table(registers, fixtures_dir, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(runner, "BULK_MIN_ROWS", 1)
    files = runner._open_all(reading.sources([fixtures_dir / REAL]), rna_formats())
    assert runner._wants_bulk(files)  # an empty table
    _import(tmp_path, fixtures_dir / REAL)
    assert not runner._wants_bulk(files)  # as many rows stored as in the file


def _csv_module_rows(data: bytes) -> list[tuple[int, list[str] | None]]:
    """What the csv module reads from ``data`` after its header, with each row's first line number."""
    lines = [raw.decode("utf-8") for raw in io.BytesIO(data)]
    consumed = {"lines": 0}

    def feed():
        for line in lines:
            consumed["lines"] += 1
            yield line

    reader = csv.reader(feed(), delimiter=";")
    next(reader)
    rows: list[tuple[int, list[str] | None]] = []
    previous_end = consumed["lines"]
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return rows
        except csv.Error:
            row = None
        rows.append((previous_end + 1, row))
        previous_end = consumed["lines"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=["a", "é", ";", '"', "\r", "\n", " ", "\t"], max_size=60))  # no NUL: a binary file
def test_reading_splits_lines_as_the_csv_module_does(body: str) -> None:
    data = ("h1;h2\n" + body).encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.csv"
        path.write_bytes(data)
        csv_file = reading.CsvFile.open(reading.Source(path), delimiter=";")
        try:
            read = [(line, values) for line, values, _problem in csv_file.rows()]
        finally:
            csv_file.close()
    assert read == _csv_module_rows(data)


_FIELD_VALUES = {
    "id": ["W131000010", " w9t1002359 ", "X123", ""],
    "titre": ["Les Amis", "  ÉCOLE  du   Quartier ", "", "Œuvre ’ Straße ½", "!!"],
    "position": ["A", " d", "S", "R", "X", ""],
    "siret": ["", "73282932000074", "12345678901234", " 35600000000047 "],
    "adrs_codeinsee": ["13055", "", "99999", " 13055", "97611"],
    "date_creat": ["2010-03-01", "2010-13-45", "0001-01-01", "", "1799-01-01", " 2020-01-01", "2020-02-30"],
    "date_disso": ["0001-01-01", "2020-09-30", "bientôt"],
    "maj_time": ["2024-11-01 10:00:00", "", "2008-11-05"],
    "objet": ["", "jardins partagés, économie circulaire ; « sport »", "x" * 5000],
    "siteweb": ["", "www.asso.example", "javascript:alert(1)"],
}


def test_chunk_parser_builds_only_rows_the_row_parser_builds_without_caveat(registers) -> None:
    from organisations.importers.rna import WALDEC_COLUMNS

    index = {name: position for position, name in enumerate(WALDEC_COLUMNS)}
    waldec = rna_formats()[0]
    parse, parse_chunk = waldec.parser(index), waldec.chunk_parser(index)
    records = st.fixed_dictionaries({name: st.sampled_from(values) for name, values in _FIELD_VALUES.items()})

    @settings(max_examples=300, deadline=None)
    @given(st.lists(records, max_size=8))
    def check(chunk: list[dict[str, str]]) -> None:
        lines = [[record.get(name, "") for name in WALDEC_COLUMNS] for record in chunk]
        for values, fast in zip(lines, parse_chunk(lines), strict=True):
            if fast is None:
                continue  # left to the row parser
            context = runner.RowContext()
            assert parse(values, context) == fast
            assert context.warnings == []

    check()


def test_batches_hold_at_most_batch_size_rows(registers, fixtures_dir, tmp_path) -> None:
    files = runner._open_all(reading.sources([fixtures_dir / REAL]), rna_formats())
    list(runner.RowReader(files, tmp_path / "r.csv", 3).batches())  # the file's dates are now known
    batches = list(runner.RowReader(files, tmp_path / "r.csv", 3).batches())
    assert [len(batch) // writer.WIDTH for batch in batches] == [3, 1]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's sorter threads")
def test_indexes_are_rebuilt_with_a_sorting_thread_per_processor_then_the_setting_is_restored(db) -> None:
    from organisations.importers.bulk import _pragma, sorting_threads

    before = _pragma("threads")
    with sorting_threads():
        inside = _pragma("threads")
    assert inside == min(len(os.sched_getaffinity(0)), 8)  # SQLite caps it at its compiled maximum (8)
    assert _pragma("threads") == before


@pytest.mark.parametrize("load", [0.0, 1.5, 64.0])
def test_reading_process_choice_does_not_depend_on_the_moment_s_load(monkeypatch, load):
    """The same input on the same machine takes the same path, however busy the machine is."""
    monkeypatch.setattr(os, "getloadavg", lambda: (load, load, load))
    monkeypatch.setattr(runner, "usable_processors", lambda: 2)
    assert runner._wants_reading_process() is ("fork" in multiprocessing.get_all_start_methods())
    monkeypatch.setattr(runner, "usable_processors", lambda: 1)
    assert runner._wants_reading_process() is False
