"""Loading a register much larger than the table (the first national import) in one transaction.

Maintaining the table's indexes and checking its foreign keys row by row costs more than
inserting the rows themselves. So, inside one transaction:

- the secondary indexes are dropped, then rebuilt from all their keys at once before the commit
  (several times faster); on PostgreSQL the unique constraint goes too when the table holds no
  row of the imported registers (nothing can conflict), and the foreign keys, re-added after the
  load and then checked by PostgreSQL in one query instead of one per row;
- on SQLite, where a transaction cannot turn the foreign keys off, they are turned off just
  before it (when the import does not already run in one), and the keys written are checked
  against their tables before the commit, once per distinct key; the rollback journal replaces
  the WAL for the load when no other connection uses the database (see ``_SqliteTable``).

An interrupted load rolls everything back, the dropped indexes and constraints included. Readers
wait until the commit: on PostgreSQL for the table and the tables it refers to (dropping indexes
and foreign keys locks them), on SQLite with the rollback journal for the whole database. This
mode is for the first load of a register, not for the routine re-imports (see
``runner._wants_bulk``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import ForeignKey

from organisations.importers.writer import COLUMNS, Writer
from organisations.models import Organisation

_KEYS_PER_QUERY = 500


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _table() -> str:
    return _quote(Organisation._meta.db_table)


@contextmanager
def bulk_load(writer: Writer, sources: set[str]) -> Iterator[None]:
    """Run the writes inside as one transaction, the table's indexes and constraints rebuilt before its commit."""
    table = _SqliteTable() if connection.vendor == "sqlite" else _PostgresqlTable()
    with table.outside_transaction(), transaction.atomic():
        table.lock()
        writer.fresh = not _stores_any(sources)
        writer.references = {field.column: set() for field in table.references_to_check()}
        try:
            table.drop(keep_unique=not writer.fresh)
            with writer.streaming():
                yield
            check_references(writer.references)
            table.rebuild()
        finally:
            writer.fresh, writer.references = False, None


def _stores_any(sources: set[str]) -> bool:
    marks = ", ".join(["%s"] * len(sources))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {_table()} WHERE source IN ({marks}) LIMIT 1", sorted(sources))  # noqa: S608
        return cursor.fetchone() is not None


def _foreign_keys() -> list[ForeignKey]:
    """The foreign keys among the columns an import writes (the commune, the actor kind)."""
    fields = Organisation._meta.concrete_fields
    return [field for field in fields if isinstance(field, ForeignKey) and field.column in COLUMNS]


def check_references(references: dict[str, set[Any]]) -> None:
    """Raise IntegrityError if a key written in a foreign key column is missing from the table it refers to."""
    for field in _foreign_keys():
        keys = sorted(key for key in references.get(field.column, ()) if key is not None)
        target_table = _quote(field.related_model._meta.db_table)
        target_column = _quote(field.target_field.column)
        found: set[Any] = set()
        with connection.cursor() as cursor:
            for start in range(0, len(keys), _KEYS_PER_QUERY):
                chunk = keys[start : start + _KEYS_PER_QUERY]
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(
                    f"SELECT {target_column} FROM {target_table} WHERE {target_column} IN ({marks})",  # noqa: S608
                    chunk,
                )
                found.update(key for (key,) in cursor.fetchall())
        missing = [key for key in keys if key not in found]
        if missing:
            shown = ", ".join(str(key) for key in missing[:5])
            raise IntegrityError(
                f"Import annulé : « {field.column} » désigne des lignes absentes de {target_table} ({shown})."
            )


class _SqliteTable:
    """SQLite: the indexes that have their own ``CREATE INDEX`` (a unique constraint's cannot be dropped)."""

    def __init__(self) -> None:
        self.dropped: list[str] = []
        self.checks_off = False

    @contextmanager
    def outside_transaction(self) -> Iterator[None]:
        """Settings for the load, changed around its transaction (SQLite ignores them inside one).

        The foreign keys go off (checked before the commit instead). The rollback journal replaces
        the WAL when no other connection uses the database: the new pages are then written once,
        to the database file, instead of to the WAL and again at the checkpoint; the load stays
        one transaction, which a crash rolls back. Both are restored after.
        """
        if connection.in_atomic_block:
            yield
            return
        foreign_keys = _pragma("foreign_keys")
        journal = _pragma("journal_mode")
        _pragma("foreign_keys", "OFF")
        self.checks_off = bool(foreign_keys)
        if journal == "wal":
            _try_pragma("journal_mode", "DELETE")
        try:
            yield
        finally:
            if journal == "wal":
                _try_pragma("journal_mode", "WAL")  # or the next connection's own setting restores it
            _pragma("foreign_keys", "ON" if foreign_keys else "OFF")

    def references_to_check(self) -> list[ForeignKey]:
        return _foreign_keys() if self.checks_off else []

    def lock(self) -> None:
        with connection.cursor() as cursor:  # a write that changes nothing takes the database's write lock
            cursor.execute(f"UPDATE {_table()} SET id = id WHERE 0")  # noqa: S608

    def drop(self, *, keep_unique: bool) -> None:  # the unique index is kept either way
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL",
                [Organisation._meta.db_table],
            )
            for name, sql in cursor.fetchall():
                cursor.execute(f"DROP INDEX {_quote(name)}")
                self.dropped.append(sql)

    def rebuild(self) -> None:
        with sorting_threads(), connection.cursor() as cursor:
            for sql in self.dropped:
                cursor.execute(sql)
        self.dropped = []


@contextmanager
def sorting_threads() -> Iterator[None]:
    """Inside, SQLite sorts with helper threads, one per processor this process may use.

    ``CREATE INDEX`` sorts every key of the table: with the reading process ended, the other
    processors are idle; with two, the indexes of a 2-million-row load are built in 8 s instead of
    11 s. SQLite uses no more threads than it was compiled for; the setting is restored after.
    """
    if connection.vendor != "sqlite":
        yield
        return
    before = _pragma("threads")
    _pragma("threads", str(usable_processors()))
    try:
        yield
    finally:
        _pragma("threads", str(before))


def usable_processors() -> int:
    """The processors this process may run on (its affinity where the system tells it)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _pragma(name: str, value: str | None = None) -> Any:
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA {name}" if value is None else f"PRAGMA {name} = {value}")
        row = cursor.fetchone()
    return row[0] if row else None


def _try_pragma(name: str, value: str) -> None:
    """A setting that needs the database to itself: tried at once, left as it is if another connection is there."""
    timeout = _pragma("busy_timeout")
    _pragma("busy_timeout", "0")
    try:
        _pragma(name, value)
    except OperationalError:
        pass  # another connection uses the database: the load keeps the current setting
    finally:
        _pragma("busy_timeout", str(int(timeout)))


class _PostgresqlTable:
    """PostgreSQL: the indexes but the primary key's, the foreign keys, and the unique constraints if asked.

    Each is recreated from the definition PostgreSQL gives (``pg_get_indexdef``,
    ``pg_get_constraintdef``), so an index or constraint added later by a migration is handled
    the same way.
    """

    def __init__(self) -> None:
        self.restore: list[str] = []
        self.deferred_again: list[str] = []

    @contextmanager
    def outside_transaction(self) -> Iterator[None]:
        yield  # the foreign keys are dropped with the indexes, inside the transaction

    def references_to_check(self) -> list[ForeignKey]:
        return []  # PostgreSQL checks them when they are added back

    def lock(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {_table()} IN SHARE ROW EXCLUSIVE MODE")

    def drop(self, *, keep_unique: bool) -> None:
        table, name = _table(), Organisation._meta.db_table
        with connection.cursor() as cursor:
            constraints = self._constraints(cursor, name, "u" if not keep_unique else None)
            foreign_keys = self._constraints(cursor, name, "f")
            self._run_pending_checks(cursor, name)
            cursor.execute(
                "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                "WHERE x.indrelid = %s::regclass AND NOT x.indisprimary "
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
                [name],
            )
            indexes = cursor.fetchall()
            for constraint, _definition in constraints + foreign_keys:
                cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {_quote(constraint)}")
            for index, _definition in indexes:
                cursor.execute(f"DROP INDEX {_quote(index)}")
        add = f"ALTER TABLE {table} ADD CONSTRAINT"
        self.restore = (
            [f"{add} {_quote(n)} {d}" for n, d in constraints]
            + [definition for _index, definition in indexes]
            + [f"{add} {_quote(n)} {d}" for n, d in foreign_keys]
        )

    def _run_pending_checks(self, cursor: Any, table: str) -> None:
        """Run now the deferred checks pending on the table (from earlier in an enclosing transaction).

        PostgreSQL refuses to change a table with pending checks: those of its foreign keys and of
        the foreign keys that refer to it. The latter are deferred again after the load.
        """
        cursor.execute(
            "SELECT conname, conrelid <> %s::regclass AND condeferred FROM pg_constraint "
            "WHERE contype = 'f' AND condeferrable AND (conrelid = %s::regclass OR confrelid = %s::regclass)",
            [table, table, table],
        )
        names = cursor.fetchall()
        if names:
            cursor.execute(f"SET CONSTRAINTS {', '.join(_quote(n) for n, _ in names)} IMMEDIATE")
        self.deferred_again = [n for n, deferred in names if deferred]

    @staticmethod
    def _constraints(cursor: Any, table: str, kind: str | None) -> list[tuple[str, str]]:
        if kind is None:
            return []
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = %s",
            [table, kind],
        )
        return list(cursor.fetchall())

    def rebuild(self) -> None:
        with connection.cursor() as cursor:
            for statement in self.restore:
                cursor.execute(statement)
            if self.deferred_again:
                cursor.execute(f"SET CONSTRAINTS {', '.join(_quote(n) for n in self.deferred_again)} DEFERRED")
        self.restore = []
