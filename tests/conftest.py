from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from django.core.management import call_command
from django.test import TransactionTestCase

if TYPE_CHECKING:
    from tests.snapshots import Snapshot


@pytest.fixture(scope="session", autouse=True)
def _snapshots(django_db_setup: None, django_db_blocker) -> Iterator[None]:
    """Once per test database, before any test runs: the COG is loaded and the database set aside as the
    migrations and the COG leave it (``BASE``: content types, Wagtail's root page, site and collection, the
    roles' groups, the territories); then the reference data is loaded once and the rows it adds or changes set
    aside (``REFERENCE``), and the database goes back to ``BASE``."""
    global BASE, REFERENCE
    from django.db import connection, transaction

    from core.loading import LoadReport
    from territories.loaders import load_territories
    from tests.snapshots import Snapshot

    with django_db_blocker.unblock():
        with transaction.atomic():
            load_territories(LoadReport())
        base = Snapshot("test_base")
        base.take()
        call_command("load_reference_data", verbosity=0)
        changed = base.changed_tables()
        reference = Snapshot("test_reference")
        reference.take(changed)
        base.restore(changed)
    BASE, REFERENCE = base, reference
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(TransactionTestCase, "_fixture_teardown", _back_to_base)
        yield
    # Torn down after the test server, before the test database is dropped: a request thread that a browser
    # test left behind may still hold a PostgreSQL session, and DROP DATABASE refuses while one is open.
    if connection.vendor == "postgresql":
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


BASE: Snapshot | None = None  # set by _snapshots in this process (each xdist worker has its own database)
REFERENCE: Snapshot | None = None


def _back_to_base(test_case: TransactionTestCase) -> None:
    """After a transactional test (``transactional_db``, ``live_server``, the browser tests), the database goes back
    to ``BASE``, only the tables that differ rewritten. This replaces pytest-django's flush (a TRUNCATE of all 260
    tables, 3 to 4 s on PostgreSQL, after which the migrated rows and the COG had to be written again)."""
    from django.contrib.contenttypes.models import ContentType

    assert BASE is not None
    BASE.reset()
    ContentType.objects.clear_cache()


@pytest.fixture
def territories(db: None) -> None:
    """Régions, départements, EPCI and communes: in every test database (``BASE``); named for the reader."""


@pytest.fixture
def reference_data(db: None) -> None:
    """The reference data of data/ (SDGs, vocabularies, the 2020 roadmap, the seed knowledge, the observatory),
    as ``load_reference_data`` writes it, put back from ``REFERENCE`` inside the test's transaction."""
    assert REFERENCE is not None
    REFERENCE.restore()


@pytest.fixture
def programme(reference_data: None):
    from roadmap.models import Programme

    return Programme.objects.get(slug="feuille-de-route-2020")


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Each test starts with empty caches: rate-limit counters do not leak between tests."""
    from django.core.cache import cache, caches

    cache.clear()
    caches["ratelimit"].clear()
    caches["search"].clear()


@pytest.fixture(autouse=True)
def _fresh_facet_index() -> None:
    """Each test builds its own in-memory search filter index (a rolled-back test leaves no token)."""
    from search import facet_index

    facet_index.forget()


@pytest.fixture
def vocabularies(db: None) -> None:
    """Only the SDGs, actor kinds and partnership modalities (no roadmap, no geography): fast."""
    from core.loading import LoadReport
    from reference import loaders

    report = LoadReport()
    for step in (loaders.load_sdgs, loaders.load_actor_kinds, loaders.load_partnership_modalities):
        step(report)
