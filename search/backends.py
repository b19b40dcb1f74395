"""The engine-specific seam of the search: the full-text match and its relevance ranking.

Filters, facet counts and pagination are ``search.facet_index``'s (feeds and alerts filter with the
ORM, ``search.selectors.restrict``). A query is a list of clauses (``search.query``): every clause
must match, a clause matches when one of its phrases does (« odd » or « objectif developpement
durable »). Terms are ``[a-z]+`` or ``[0-9]+`` only and the expressions are still passed as SQL
parameters. When the query has several clauses, a document whose title holds the query as one
phrase (« Mesure 2 — … » for « mesure 2 ») ranks before the others.

- SQLite: an FTS5 external-content table over (title_text, body_text), kept in sync by triggers,
  ranked by BM25 with the title weighing 4 times the body.
- PostgreSQL: a generated ``tsvector`` column (title weight A, body weight B, ``simple``
  configuration: the text is already normalised) with a GIN index, ranked by ``ts_rank``.
- Any other engine: ``LIKE`` on the normalised text, most recent first (correct, not fast).

Both database objects are created by migration 0002 and can be recreated by ``ensure_fulltext``
(``manage.py rebuild_search_index``). See docs/adr/0010-search.md.

Table names below are module constants and search terms always travel as SQL parameters, hence
the ``noqa: S608/S611`` markers.
"""

from __future__ import annotations

import json

from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import RawSQL

from search.models import SearchDocument
from search.query import alternatives, title_phrases

TABLE = "search_searchdocument"
FTS_TABLE = "search_document_fts"
VOCAB_TABLE = "search_document_vocab"

SQLITE_FULLTEXT = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    f"title_text, body_text, content='{TABLE}', content_rowid='id', tokenize='unicode61')",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ai AFTER INSERT ON {TABLE} BEGIN "  # noqa: S608
    f"INSERT INTO {FTS_TABLE}(rowid, title_text, body_text) VALUES (new.id, new.title_text, new.body_text); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ad AFTER DELETE ON {TABLE} BEGIN "  # noqa: S608
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title_text, body_text) "
    f"VALUES ('delete', old.id, old.title_text, old.body_text); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_au AFTER UPDATE ON {TABLE} BEGIN "  # noqa: S608
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title_text, body_text) "
    f"VALUES ('delete', old.id, old.title_text, old.body_text); "
    f"INSERT INTO {FTS_TABLE}(rowid, title_text, body_text) VALUES (new.id, new.title_text, new.body_text); END",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('rank', 'bm25(4.0, 1.0)')",  # noqa: S608
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",  # noqa: S608
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ai",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_ad",
    f"DROP TRIGGER IF EXISTS {FTS_TABLE}_au",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]
POSTGRES_FULLTEXT = [
    f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, title_text), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, body_text), 'B')) STORED",
    f"CREATE INDEX IF NOT EXISTS search_document_vector ON {TABLE} USING gin (search_vector)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS search_document_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
]


def ensure_fulltext(db: BaseDatabaseWrapper | None = None) -> None:
    """Create the engine's full-text objects if missing (idempotent) and fill them from the table."""
    db = db or connection
    statements = {"sqlite": SQLITE_FULLTEXT, "postgresql": POSTGRES_FULLTEXT}.get(db.vendor, [])
    with db.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def drop_fulltext(db: BaseDatabaseWrapper | None = None) -> None:
    db = db or connection
    statements = {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(db.vendor, [])
    with db.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _fts5_clause(clause: str) -> str:
    phrases = [f'"{" ".join(phrase)}"' for phrase in alternatives(clause)]
    return phrases[0] if len(phrases) == 1 else f"({' OR '.join(phrases)})"


class SqliteBackend:
    @staticmethod
    def _match(terms: list[str]) -> str:
        return " AND ".join(_fts5_clause(clause) for clause in terms)

    @staticmethod
    def _title_order(terms: list[str]) -> tuple[str, list[str]]:
        """An ``ORDER BY`` term putting first the titles that hold the query as a phrase, and its parameter."""
        phrases = title_phrases(terms)
        if not phrases:
            return "", []
        expression = " OR ".join(f'"{" ".join(phrase)}"' for phrase in phrases)
        return (
            f"rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s) DESC, ",  # noqa: S608
            [f"title_text : ({expression})"],
        )

    def match(self, queryset: QuerySet, terms: list[str]) -> QuerySet:
        return queryset.filter(
            id__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [self._match(terms)])  # noqa: S608, S611
        )

    def ranked_ids(self, terms: list[str]) -> list[int]:
        """Ids of every document matching all ``terms``, most relevant first."""
        title_order, title_parameters = self._title_order(terms)
        sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s ORDER BY {title_order}rank, rowid DESC"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, [self._match(terms), *title_parameters])
            return [row[0] for row in cursor.fetchall()]

    def matching_ids(self, terms: list[str]) -> list[int]:
        """Ids of every document matching all ``terms``, unranked (no BM25 computed: several times cheaper).

        Read as one comma-separated string: a row per id would cost a Python tuple each.
        """
        sql = f"SELECT group_concat(rowid) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, [self._match(terms)])
            joined = cursor.fetchone()[0]
        return list(map(int, joined.split(","))) if joined else []

    def frequent_terms(self, min_documents: int) -> dict[str, list[int]]:
        """Each term found in at least ``min_documents`` documents → the ids of these documents, most
        relevant first for that term alone (the order of ``ranked_ids([term])``).

        The vocabulary comes from FTS5's own (``fts5vocab``, a temporary table of this connection:
        nothing is written to the database).
        """
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{VOCAB_TABLE} USING fts5vocab(main, {FTS_TABLE}, row)"
            )
            cursor.execute(f"SELECT term FROM temp.{VOCAB_TABLE} WHERE doc >= %s", [min_documents])  # noqa: S608
            frequent = [row[0] for row in cursor.fetchall()]
        return {term: self.ranked_ids([term]) for term in frequent}

    def ranked_among(self, terms: list[str], ids: list[int], limit: int) -> list[int]:
        """The ``limit`` most relevant of ``ids`` (all matching ``terms``): BM25 computed for these only.

        ``+rowid``, not ``rowid``: FTS5 would otherwise run the match once per id of the list (seconds);
        this way it reads the match once and keeps the listed ids, ranking only them.
        """
        title_order, title_parameters = self._title_order(terms)
        sql = (
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "  # noqa: S608
            f"AND +rowid IN (SELECT value FROM json_each(%s)) ORDER BY {title_order}rank, rowid DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [self._match(terms), json.dumps(ids), *title_parameters, limit])
            return [row[0] for row in cursor.fetchall()]


def _tsquery_clause(clause: str) -> str:
    phrases = [" <-> ".join(phrase) for phrase in alternatives(clause)]
    return phrases[0] if len(phrases) == 1 else f"({' | '.join(phrases)})"


class PostgresBackend:
    @staticmethod
    def _tsquery(terms: list[str]) -> str:
        return " & ".join(_tsquery_clause(clause) for clause in terms)

    @staticmethod
    def _title_order(terms: list[str]) -> tuple[str, list[str]]:
        """An ``ORDER BY`` term putting first the titles (weight A) that hold the query as a phrase."""
        phrases = title_phrases(terms)
        if not phrases:
            return "", []
        expression = " | ".join(f"({' <-> '.join(f'{term}:A' for term in phrase)})" for phrase in phrases)
        return "search_vector @@ to_tsquery('simple'::regconfig, %s) DESC, ", [expression]

    def match(self, queryset: QuerySet, terms: list[str]) -> QuerySet:
        # A self-contained subquery: it stays valid when the queryset is itself nested (facet counts).
        return queryset.filter(
            id__in=RawSQL(  # noqa: S611
                f"SELECT id FROM {TABLE} WHERE search_vector @@ to_tsquery('simple'::regconfig, %s)",  # noqa: S608
                [self._tsquery(terms)],
            )
        )

    def ranked_ids(self, terms: list[str]) -> list[int]:
        """Ids of every document matching all ``terms``, most relevant first."""
        title_order, title_parameters = self._title_order(terms)
        sql = (
            f"SELECT id FROM {TABLE}, to_tsquery('simple'::regconfig, %s) AS query "  # noqa: S608
            f"WHERE search_vector @@ query ORDER BY {title_order}ts_rank(search_vector, query) DESC, id DESC"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [self._tsquery(terms), *title_parameters])
            return [row[0] for row in cursor.fetchall()]

    def matching_ids(self, terms: list[str]) -> list[int]:
        """Ids of every document matching all ``terms``, unranked (the GIN index, no ``ts_rank``)."""
        sql = f"SELECT id FROM {TABLE} WHERE search_vector @@ to_tsquery('simple'::regconfig, %s)"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, [self._tsquery(terms)])
            return [row[0] for row in cursor.fetchall()]

    def frequent_terms(self, min_documents: int) -> dict[str, list[int]]:
        """Each term found in at least ``min_documents`` documents → the ids of these documents, most
        relevant first for that term alone (the order of ``ranked_ids([term])``).

        Two passes over the vectors, each in one statement: ``ts_stat`` counts the documents of each
        lexeme, then the documents of the frequent ones are gathered and ranked (a per-term ``@@``
        would read the whole table once per term).
        """
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT word FROM ts_stat('SELECT search_vector FROM {TABLE}') WHERE ndoc >= %s",  # noqa: S608
                [min_documents],
            )
            frequent = [row[0] for row in cursor.fetchall()]
            if not frequent:
                return {}
            # One sort of all the postings, then the ids joined in that order (an ``ORDER BY`` inside
            # ``string_agg`` sorts each group on its own: twice as slow). The groups' order is the
            # sort's: the rows reach the aggregate already grouped, in sequence.
            cursor.execute(
                "SELECT lexeme, string_agg(id::text, ',') FROM ("  # noqa: S608
                "SELECT id, lexeme, ts_rank(search_vector, to_tsquery('simple'::regconfig, lexeme)) AS rank "
                f"FROM {TABLE}, unnest(tsvector_to_array(search_vector)) AS lexeme WHERE lexeme = ANY(%s) "
                "ORDER BY lexeme, rank DESC, id DESC) AS postings GROUP BY lexeme",
                [frequent],
            )
            return {lexeme: list(map(int, joined.split(","))) for lexeme, joined in cursor.fetchall()}

    def ranked_among(self, terms: list[str], ids: list[int], limit: int) -> list[int]:
        """The ``limit`` most relevant of ``ids`` (all matching ``terms``): ``ts_rank`` computed for these only."""
        title_order, title_parameters = self._title_order(terms)
        sql = (
            f"SELECT id FROM {TABLE}, to_tsquery('simple'::regconfig, %s) AS query "  # noqa: S608
            "WHERE id = ANY(%s) AND search_vector @@ query "
            f"ORDER BY {title_order}ts_rank(search_vector, query) DESC, id DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [self._tsquery(terms), ids, *title_parameters, limit])
            return [row[0] for row in cursor.fetchall()]


class LikeBackend:
    def match(self, queryset: QuerySet, terms: list[str]) -> QuerySet:
        for clause in terms:
            condition = Q()
            for phrase in alternatives(clause):
                text = " ".join(phrase)
                condition |= Q(body_text__contains=text) | Q(title_text__contains=text)
            queryset = queryset.filter(condition)
        return queryset

    def ranked_ids(self, terms: list[str]) -> list[int]:
        ordered = self.match(SearchDocument.objects.all(), terms).order_by(F("date").desc(nulls_last=True), "-id")
        return list(ordered.values_list("id", flat=True))

    def matching_ids(self, terms: list[str]) -> list[int]:
        return list(self.match(SearchDocument.objects.all(), terms).values_list("id", flat=True))

    def frequent_terms(self, min_documents: int) -> dict[str, list[int]]:
        return {}

    def ranked_among(self, terms: list[str], ids: list[int], limit: int) -> list[int]:
        chosen = set(ids)
        return [pk for pk in self.ranked_ids(terms) if pk in chosen][:limit]


def backend() -> SqliteBackend | PostgresBackend | LikeBackend:
    return {"sqlite": SqliteBackend, "postgresql": PostgresBackend}.get(connection.vendor, LikeBackend)()
