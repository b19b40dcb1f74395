"""The one engine-specific seam of the register imports: write batches of organisation rows.

Both engines use ``INSERT … ON CONFLICT (source, register_id) DO UPDATE … WHERE <something
changed>``, so an unchanged row is not rewritten. PostgreSQL receives the batch by ``COPY`` into a
temporary table, then one ``INSERT … SELECT``; SQLite receives multi-row ``INSERT`` statements
through its own driver (no per-row ORM work). See docs/adr/0009-organisations-registers.md.

Inside ``bulk.bulk_load`` (the first load of a register), the writer is ``fresh``: every row is
new, so it is inserted without looking for a conflict, through one ``COPY`` for the whole load on
PostgreSQL and multi-row ``INSERT`` statements on SQLite.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from django.db import connection

from organisations.models import Organisation
from organisations.text import search_texts
from territories.models import Commune

# The columns an import writes, in the order of the rows it builds.
COLUMNS = [
    "source",
    "register_id",
    "kind_id",
    "name",
    "search_key",
    "purpose",
    "siren",
    "siret",
    "rna",
    "commune_id",
    "website",
    "area_level",
    "area_code",
    "last_verified_on",
    "founded_on",
    "status",
    "status_date",
    "is_generated",
]
WIDTH = len(COLUMNS)
# Written too, derived by the writer as Organisation.save() does: the text searched, from the name's
# key and the purpose (refresh_search_fields), the codes from the commune (refresh_territory_codes).
DERIVED = ["search_text", "departement_code", "region_code"]
STORED = COLUMNS + DERIVED
STORED_WIDTH = len(STORED)
KEY = ["source", "register_id"]
UPDATED = [column for column in STORED if column not in KEY]
STAGE = "organisations_import_stage"
ROWS_PER_INSERT = 100
COMMUNE_AT = COLUMNS.index("commune_id")
KEY_AT = COLUMNS.index("search_key")
PURPOSE_AT = COLUMNS.index("purpose")

Row = tuple[Any, ...]


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _table() -> str:
    return _quote(Organisation._meta.db_table)


def _upsert_tail(excluded: str) -> str:
    table = _table()
    assignments = ", ".join(f"{_quote(c)} = {excluded}.{_quote(c)}" for c in UPDATED)
    current = ", ".join(f"{table}.{_quote(c)}" for c in UPDATED)
    incoming = ", ".join(f"{excluded}.{_quote(c)}" for c in UPDATED)
    differs = "IS DISTINCT FROM" if connection.vendor == "postgresql" else "IS NOT"
    conflict = ", ".join(_quote(c) for c in KEY)
    return f"ON CONFLICT ({conflict}) DO UPDATE SET {assignments} WHERE ({current}) {differs} ({incoming})"


def table_holds_fewer_than(rows: int) -> bool:
    """Whether the organisations table (all sources: what rebuilding its indexes costs) has fewer than ``rows``.

    Counted up to ``rows`` only: a large table is not scanned to the end.
    """
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM (SELECT 1 FROM {_table()} LIMIT %s) AS counted", [rows])  # noqa: S608
        return cursor.fetchone()[0] < rows


class Writer:
    """Writes batches; ``write`` returns (created, updated), the rest of the batch is unchanged.

    ``write_values`` takes the batch as its rows' values end to end: that is how batches cross the
    pipe from the reading process, since a flat list pickles and unpickles faster than a list of
    tuples. ``fresh`` (set by ``bulk.bulk_load`` only): no row of the imported registers is stored and
    no one else can write, so every row is new and is inserted without looking for a conflict.
    """

    def __init__(self) -> None:
        self.fresh = False
        # Column → the keys written there, when bulk_load checks the foreign keys itself.
        self.references: dict[str, set[Any]] | None = None
        self._stream: ExitStack | None = None
        self._copy: Any = None
        self._codes: dict[str, tuple[str, str]] | None = None  # commune → (département, région)

    def write(self, rows: list[Row]) -> tuple[int, int]:
        return self.write_values([value for row in rows for value in row])

    def write_values(self, values: list[Any]) -> tuple[int, int]:
        count = len(values) // WIDTH
        if not count:
            return 0, 0
        if self.references is not None:
            for column, keys in self.references.items():
                keys.update(values[COLUMNS.index(column) :: WIDTH])
        values = self._with_derived_columns(values)
        if self.fresh:
            self._insert(values)
            return count, 0
        if connection.vendor == "postgresql":
            existing, changed = self._upsert_postgresql(values)
        else:
            existing, changed = self._upsert_sqlite(values)
        return count - existing, changed - (count - existing)

    def _with_derived_columns(self, values: list[Any]) -> list[Any]:
        """The rows' values with the derived columns appended to each row: the text searched (the
        purposes' keys computed at once), the département and région of the commune.

        Done here rather than by the reading process, which has more to do than this one. Columns
        are moved by slice assignment (in C), not row by row: a few milliseconds a batch.
        """
        if self._codes is None:
            self._codes = {
                code: (departement, region)
                for code, departement, region in Commune.objects.values_list("code", "departement_id", "region_id")
            }
        count, none = len(values) // WIDTH, ("", "")
        codes = [self._codes.get(commune, none) for commune in values[COMMUNE_AT::WIDTH]]
        stored: list[Any] = [None] * (count * STORED_WIDTH)
        for position in range(WIDTH):
            stored[position::STORED_WIDTH] = values[position::WIDTH]
        stored[WIDTH::STORED_WIDTH] = search_texts(values[KEY_AT::WIDTH], values[PURPOSE_AT::WIDTH])
        stored[WIDTH + 1 :: STORED_WIDTH] = [departement for departement, _ in codes]
        stored[WIDTH + 2 :: STORED_WIDTH] = [region for _, region in codes]
        return stored

    @contextmanager
    def streaming(self) -> Iterator[None]:
        """Inside, fresh rows go to PostgreSQL through one COPY, ended when leaving.

        A COPY per batch would wait at the end of each batch for the server to finish it; one COPY
        lets the server insert while this process reads the next rows. An error ends the COPY as
        failed (the server discards it).
        """
        with ExitStack() as stack:
            self._stream = stack
            try:
                yield
            finally:
                self._stream, self._copy = None, None

    def _insert(self, values: list[Any]) -> None:
        if connection.vendor == "postgresql":
            if self._stream is None:
                with connection.cursor() as cursor, _copy_into(cursor, _table()) as copy:
                    _copy_rows(copy, values)
                return
            if self._copy is None:
                cursor = self._stream.enter_context(connection.cursor())
                self._copy = self._stream.enter_context(_copy_into(cursor, _table()))
            _copy_rows(self._copy, values)
            return
        with _sqlite_cursor() as cursor:
            for sql, chunk in _sqlite_statements(values, ROWS_PER_INSERT, ""):
                cursor.execute(sql, chunk)

    def _upsert_postgresql(self, values: list[Any]) -> tuple[int, int]:
        """(rows already stored, rows written): COPY into a temporary table, then one upsert from it."""
        table, names = _table(), ", ".join(_quote(c) for c in STORED)
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {STAGE} AS SELECT {names} FROM {table} WITH NO DATA"  # noqa: S608
            )
            cursor.execute(f"TRUNCATE {STAGE}")
            with _copy_into(cursor, STAGE) as copy:
                _copy_rows(copy, values)
            cursor.execute(
                f"SELECT count(*) FROM {table} t JOIN {STAGE} s "  # noqa: S608
                "ON t.source = s.source AND t.register_id = s.register_id"
            )
            existing = cursor.fetchone()[0]
            cursor.execute(
                f"INSERT INTO {table} ({names}) SELECT {names} FROM {STAGE} {_upsert_tail('EXCLUDED')}"  # noqa: S608
            )
            changed = cursor.rowcount
            cursor.execute(f"TRUNCATE {STAGE}")
        return existing, changed

    def _upsert_sqlite(self, values: list[Any]) -> tuple[int, int]:
        """(rows already stored, rows written): counted by key, then multi-row upserts."""
        with _sqlite_cursor() as cursor:
            limit = cursor.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
            existing = 0
            register_ids = values[1::STORED_WIDTH]
            per_query = min(limit - 1, 10_000)
            for start in range(0, len(register_ids), per_query):
                chunk = register_ids[start : start + per_query]
                marks = ", ".join("?" * len(chunk))
                cursor.execute(
                    f"SELECT count(*) FROM {_table()} WHERE source = ? AND register_id IN ({marks})",  # noqa: S608
                    [values[0], *chunk],
                )
                existing += cursor.fetchone()[0]
            changed = 0
            for sql, chunk in _sqlite_statements(values, min(2000, limit // STORED_WIDTH), _upsert_tail("excluded")):
                cursor.execute(sql, chunk)
                changed += cursor.rowcount
        return existing, changed


def _copy_into(cursor: Any, table: str) -> Any:
    """psycopg's COPY of the import's columns into ``table`` (a context manager)."""
    names = ", ".join(_quote(c) for c in STORED)
    return cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN")


def _copy_rows(copy: Any, values: list[Any]) -> None:
    for start in range(0, len(values), STORED_WIDTH):
        copy.write_row(values[start : start + STORED_WIDTH])


@contextmanager
def _sqlite_cursor() -> Iterator[sqlite3.Cursor]:
    """A cursor of the driver itself: Django's would rewrite each statement's placeholders."""
    connection.ensure_connection()
    cursor = connection.connection.cursor()
    try:
        yield cursor
    finally:
        cursor.close()


def _sqlite_statements(values: list[Any], rows_per_statement: int, tail: str) -> Iterator[tuple[str, list[Any]]]:
    """Multi-row ``INSERT`` statements and their values.

    SQLite does per statement, not per row, part of the work (starting the statement, the
    AUTOINCREMENT key): a hundred rows a statement insert about a third faster than executemany.
    """
    names = ", ".join(_quote(c) for c in STORED)
    row_sql = "(" + ", ".join("?" * STORED_WIDTH) + ")"
    full = f"INSERT INTO {_table()} ({names}) VALUES {', '.join([row_sql] * rows_per_statement)} {tail}"  # noqa: S608
    step = rows_per_statement * STORED_WIDTH
    for start in range(0, len(values), step):
        chunk = values[start : start + step]
        if len(chunk) == step:
            yield full, chunk
        else:
            rows = len(chunk) // STORED_WIDTH
            yield f"INSERT INTO {_table()} ({names}) VALUES {', '.join([row_sql] * rows)} {tail}", chunk  # noqa: S608
