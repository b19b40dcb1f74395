"""On SQLite, pages are read in DEFERRED transactions (side by side); writes keep the write lock.

Each request runs in a thread of its own, on that thread's own connection, as a server's worker thread
would. On the test worker's main connection, which every earlier test of the worker used (and which the
session's live server shares, on an in-memory database), one whole run saw no BEGIN at all for both
requests, a state these tests did not create and could not reproduce alone.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's transaction modes only"),
]


def _in_a_thread(method: str, path: str) -> dict:
    """The BEGIN statements of one request, and the connection's transaction mode after it."""
    seen: dict = {}

    def request() -> None:
        own = connections["default"]
        try:
            with CaptureQueriesContext(own) as queries:
                seen["status"] = getattr(Client(), method)(path).status_code
            seen["begins"] = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("BEGIN")]
            own.ensure_connection()
            seen["mode_after"] = own.transaction_mode
        finally:
            own.close()

    thread = threading.Thread(target=request)
    thread.start()
    thread.join(timeout=60)
    return seen


def test_a_read_begins_deferred() -> None:
    seen = _in_a_thread("get", "/accessibilite/")
    assert seen["status"] == 200 and seen["begins"] == ["BEGIN"], seen


def test_a_write_still_takes_the_write_lock_first() -> None:
    seen = _in_a_thread("post", "/connexion/")
    assert seen["begins"] == ["BEGIN IMMEDIATE"], seen


def test_the_configured_mode_is_restored_after_a_read() -> None:
    assert _in_a_thread("get", "/accessibilite/")["mode_after"] == "IMMEDIATE"
