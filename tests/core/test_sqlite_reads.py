"""On SQLite, pages are read in DEFERRED transactions (side by side); writes keep the write lock."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's transaction modes only"),
]


def _begins(client, method: str, path: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        getattr(client, method)(path)
    return [q["sql"] for q in queries.captured_queries if q["sql"].startswith("BEGIN")]


def test_a_read_begins_deferred(client) -> None:
    assert _begins(client, "get", "/accessibilite/") == ["BEGIN"]


def test_a_write_still_takes_the_write_lock_first(client) -> None:
    assert _begins(client, "post", "/connexion/") == ["BEGIN IMMEDIATE"]


def test_the_configured_mode_is_restored_after_a_read(client) -> None:
    client.get("/accessibilite/")
    connection.ensure_connection()
    assert connection.transaction_mode == "IMMEDIATE"
