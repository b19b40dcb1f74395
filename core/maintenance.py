"""Database upkeep after bulk writes."""

from __future__ import annotations

from django.db import connection


def refresh_planner_statistics() -> None:
    """Give the query planner fresh statistics after a bulk load.

    Without them PostgreSQL takes the 61,000 organisations of Paris for 2,500 and visits the table
    instead of answering a count from the index (280 ms instead of 18 ms at national scale), until
    autovacuum comes by; SQLite has no statistics at all until ``ANALYZE`` runs.
    """
    # VACUUM also marks the pages all-visible (index-only counts); it cannot run in a transaction.
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
