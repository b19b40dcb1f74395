"""Rows of the test database set aside in SQL and put back in one ``INSERT … SELECT`` per table.

A snapshot lives next to the test database, out of Django's sight (a schema on PostgreSQL, an attached in-memory
database on SQLite): ``flush`` never empties it and introspection never lists it. Putting rows back this way takes
a fraction of a second where loading them again through the loaders took seconds (the COG's 35,000 communes,
the reference data's SDGs, roadmap, seed knowledge and their search documents).
See docs/adr/0038-test-database-snapshots.md.
"""

from __future__ import annotations

import os
import sqlite3

from django.apps import apps
from django.db import connection, transaction


def _copied_columns() -> dict[str, list[str]]:
    """Every table that ``flush`` empties, with the columns Django writes (a generated column is left to the
    engine: PostgreSQL's search vector)."""
    columns: dict[str, list[str]] = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy and not meta.swapped:
            columns.setdefault(meta.db_table, [str(field.column) for field in meta.local_concrete_fields])
    return columns


class Snapshot:
    """The rows of some tables as they were when ``take`` ran; ``restore`` makes those tables hold them again."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.tables: list[str] = []
        self._columns = _copied_columns()
        self._uri = f"file:{name}_{os.getpid()}?mode=memory&cache=shared"
        self._keeper: sqlite3.Connection | None = None

    def _copy(self, table: str) -> str:
        return f"{connection.ops.quote_name(self.name)}.{connection.ops.quote_name(table)}"

    def _column_list(self, table: str) -> str:
        return ", ".join(connection.ops.quote_name(column) for column in self._columns[table])

    def _create_storage(self, cursor) -> None:
        quoted = connection.ops.quote_name(self.name)
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP SCHEMA IF EXISTS {quoted} CASCADE")
            cursor.execute(f"CREATE SCHEMA {quoted}")
        else:
            self._attach(cursor)

    def _attach(self, cursor) -> None:
        """SQLite: the snapshot is an in-memory database of its own, kept alive by a connection of its own, and
        attached to whichever connection Django holds now (some tests open a new one)."""
        if connection.vendor != "sqlite":
            return
        if self._keeper is None:
            self._keeper = sqlite3.connect(self._uri, uri=True)
        cursor.execute("SELECT name FROM pragma_database_list")
        if self.name not in {row[0] for row in cursor.fetchall()}:
            cursor.execute(f"ATTACH DATABASE %s AS {connection.ops.quote_name(self.name)}", [self._uri])

    def take(self, tables: list[str] | None = None) -> None:
        """Copy aside the rows of ``tables`` (every non-empty table of Django's when None)."""
        with transaction.atomic(), connection.cursor() as cursor:
            self._create_storage(cursor)
            if tables is None:
                tables = [table for table in sorted(self._columns) if self._has_rows(cursor, table)]
            for table in tables:
                cursor.execute(f"DROP TABLE IF EXISTS {self._copy(table)}")
                columns = self._column_list(table)
                cursor.execute(
                    f"CREATE TABLE {self._copy(table)} AS SELECT {columns} FROM {connection.ops.quote_name(table)}"  # noqa: S608
                )
        self.tables = tables

    def restore(self, tables: list[str] | None = None) -> None:
        """Empty ``tables`` (the snapshot's when None) and put back the rows the snapshot holds of them, with their
        ids (foreign keys are checked at commit: Django creates them deferrable)."""
        with transaction.atomic(), connection.cursor() as cursor:
            self._attach(cursor)
            for table in self.tables if tables is None else tables:
                quoted, columns = connection.ops.quote_name(table), self._column_list(table)
                cursor.execute(f"DELETE FROM {quoted}")  # noqa: S608
                if table in self.tables:
                    cursor.execute(f"INSERT INTO {quoted} ({columns}) SELECT {columns} FROM {self._copy(table)}")  # noqa: S608

    def reset(self) -> None:
        """Make the whole database hold what the snapshot holds: its tables that differ are written again, every
        other table that has rows is emptied."""
        with transaction.atomic(), connection.cursor() as cursor:
            self._attach(cursor)
            filled = self._filled_tables(cursor)
            stale = [table for table in self.tables if self._differs(cursor, table)]
            extra = [table for table in filled if table not in self.tables]
        self.restore(stale + extra)

    def _filled_tables(self, cursor) -> set[str]:
        """Django's tables that hold at least one row, a hundred per query (SQLite allows 500 per compound query)."""
        quote, tables = connection.ops.quote_name, sorted(self._columns)
        filled: set[str] = set()
        for start in range(0, len(tables), 100):
            chunk = tables[start : start + 100]
            probes = [f"SELECT '{table}' WHERE EXISTS (SELECT 1 FROM {quote(table)})" for table in chunk]  # noqa: S608
            cursor.execute(" UNION ALL ".join(probes))
            filled.update(row[0] for row in cursor.fetchall())
        return filled

    def changed_tables(self) -> list[str]:
        """The tables whose rows in the database differ from the snapshot's (rows added, removed or changed)."""
        with connection.cursor() as cursor:
            self._attach(cursor)
            return [table for table in sorted(self._columns) if self._differs(cursor, table)]

    def _has_rows(self, cursor, table: str) -> bool:
        cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")  # noqa: S608
        return cursor.fetchone() is not None

    def _differs(self, cursor, table: str) -> bool:
        if table not in self.tables:
            return self._has_rows(cursor, table)
        live, kept, columns = connection.ops.quote_name(table), self._copy(table), self._column_list(table)
        for first, second in ((live, kept), (kept, live)):
            cursor.execute(
                f"SELECT 1 FROM (SELECT {columns} FROM {first} EXCEPT SELECT {columns} FROM {second}) AS d LIMIT 1"  # noqa: S608
            )
            if cursor.fetchone() is not None:
                return True
        return False
