"""The one engine-specific seam of the register imports: upsert a batch of organisation rows.

Both engines use ``INSERT … ON CONFLICT (source, register_id) DO UPDATE … WHERE <something
changed>``, so an unchanged row is not rewritten. PostgreSQL receives the batch by ``COPY`` into a
temporary table, then one ``INSERT … SELECT``; SQLite receives multi-row ``INSERT`` statements
through its own driver (no per-row ORM work). See docs/adr/0009-organisations-registers.md.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from django.db import connection

from organisations.models import Organisation

# The columns an import writes, in the order of the rows it builds.
COLUMNS = [
    "source",
    "register_id",
    "kind_id",
    "name",
    "search_key",
    "search_text",
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
KEY = ["source", "register_id"]
UPDATED = [column for column in COLUMNS if column not in KEY]
STAGE = "organisations_import_stage"

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


class Writer:
    """Upserts batches; ``write`` returns (created, updated), the rest of the batch is unchanged."""

    def write(self, rows: list[Row]) -> tuple[int, int]:
        if not rows:
            return 0, 0
        if connection.vendor == "postgresql":
            return self._write_postgresql(rows)
        return self._write_sqlite(rows)

    def _write_postgresql(self, rows: list[Row]) -> tuple[int, int]:
        table, names = _table(), ", ".join(_quote(c) for c in COLUMNS)
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {STAGE} AS SELECT {names} FROM {table} WITH NO DATA"  # noqa: S608
            )
            cursor.execute(f"TRUNCATE {STAGE}")
            with cursor.cursor.copy(f"COPY {STAGE} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
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
        created = len(rows) - existing
        return created, changed - created

    def _write_sqlite(self, rows: list[Row]) -> tuple[int, int]:
        connection.ensure_connection()
        raw: sqlite3.Connection = connection.connection  # type: ignore[assignment]
        limit = raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        table, names = _table(), ", ".join(_quote(c) for c in COLUMNS)
        cursor = raw.cursor()
        try:
            existing = 0
            per_query = min(limit - 1, 10_000)
            for start in range(0, len(rows), per_query):
                chunk = rows[start : start + per_query]
                marks = ", ".join("?" * len(chunk))
                cursor.execute(
                    f"SELECT count(*) FROM {table} WHERE source = ? AND register_id IN ({marks})",  # noqa: S608
                    [chunk[0][0], *(row[1] for row in chunk)],
                )
                existing += cursor.fetchone()[0]
            row_sql = "(" + ", ".join("?" * len(COLUMNS)) + ")"
            per_statement = min(2000, limit // len(COLUMNS))
            changed = 0
            tail = _upsert_tail("excluded")
            for start in range(0, len(rows), per_statement):
                batch = rows[start : start + per_statement]
                sql = f"INSERT INTO {table} ({names}) VALUES {', '.join([row_sql] * len(batch))} {tail}"  # noqa: S608
                cursor.execute(sql, [value for row in batch for value in row])
                changed += cursor.rowcount
        finally:
            cursor.close()
        created = len(rows) - existing
        return created, changed - created
