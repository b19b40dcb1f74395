from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

import pytest
from django.core.management import call_command
from django.test import TransactionTestCase

if TYPE_CHECKING:
    from tests.snapshots import Snapshot


@pytest.fixture(scope="session", autouse=True)
def _base(django_db_setup: None, django_db_blocker) -> Iterator[None]:
    """Once per test database, before any test runs: the COG is loaded and the database set aside as the
    migrations and the COG leave it (``BASE``: content types, Wagtail's root page, site and collection, the
    roles' groups, the territories). A transactional test puts it back afterwards instead of a flush."""
    global BASE
    from django.db import connection, transaction

    from core.loading import LoadReport
    from territories.loaders import load_territories
    from tests.snapshots import Snapshot

    with django_db_blocker.unblock():
        with transaction.atomic():
            load_territories(LoadReport())
        BASE = Snapshot("test_base")
        BASE.take()
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


BASE: Snapshot | None = None  # set by _base in this process (each xdist worker has its own database)


def _back_to_base(test_case: TransactionTestCase) -> None:
    """After a transactional test (``transactional_db``, ``live_server``, the browser tests), the database goes back
    to ``BASE``, only the tables that differ rewritten. This replaces pytest-django's flush (a TRUNCATE of all 260
    tables, 3 to 4 s on PostgreSQL, after which the migrated rows and the COG had to be written again)."""
    from django.contrib.contenttypes.models import ContentType

    assert BASE is not None
    BASE.reset()
    ContentType.objects.clear_cache()


def set_aside(name: str, load: Callable[[], object], django_db_blocker, on_top_of: Snapshot | None = None) -> Snapshot:
    """Run ``load`` on the base database (with ``on_top_of`` restored first), keep the rows it adds or changes as
    the snapshot ``name``, and put the database back to ``BASE``: a test fixture then restores them in milliseconds
    instead of loading them again. A snapshot taken on top of another one holds the same rows with the same ids
    for what both loaded, so a test may ask for both."""
    from tests.snapshots import Snapshot

    assert BASE is not None
    with django_db_blocker.unblock():
        BASE.reset()
        if on_top_of is not None:
            on_top_of.restore()
        load()
        changed = BASE.changed_tables()
        snapshot = Snapshot(name)
        snapshot.take(changed)
        BASE.restore(changed)
    return snapshot


# The data sets of data/ a test asks for by name. Each is loaded once per test database, the first time a test asks,
# and set aside on top of the one before it: vocabularies → orientation questionnaire → reference data → demonstration
# content (ADR 0038).
@pytest.fixture
def territories(db: None) -> None:
    """Régions, départements, EPCI and communes: in every test database (``BASE``); named for the reader."""


def load_vocabularies() -> None:
    """The SDGs and their targets, actor kinds and partnership modalities, by the loaders of load_reference_data."""
    from core.loading import LoadReport
    from reference import loaders

    report = LoadReport()
    for step in (loaders.load_sdgs, loaders.load_actor_kinds, loaders.load_partnership_modalities):
        step(report)


@pytest.fixture(scope="session")
def _vocabularies_snapshot(_base: None, django_db_blocker) -> Snapshot:
    return set_aside("test_vocabularies", load_vocabularies, django_db_blocker)


@pytest.fixture
def vocabularies(_vocabularies_snapshot: Snapshot, db: None) -> None:
    """Only the SDGs, actor kinds and partnership modalities (no roadmap, no seed knowledge)."""
    _vocabularies_snapshot.restore()


def load_orientation() -> None:
    """What version 1 of the questionnaire rests on (forces of change, the cited studies), then version 1 itself,
    with the loaders of load_reference_data."""
    from core.loading import LoadReport
    from knowledge.loaders import load_studies
    from orientation.loaders import load_questionnaire
    from reference.loaders import load_forces_of_change

    report = LoadReport()
    for step in (load_forces_of_change, load_studies, load_questionnaire):
        step(report)


@pytest.fixture(scope="session")
def _orientation_snapshot(_vocabularies_snapshot: Snapshot, django_db_blocker) -> Snapshot:
    return set_aside("test_orientation", load_orientation, django_db_blocker, on_top_of=_vocabularies_snapshot)


@pytest.fixture
def orientation_data(_orientation_snapshot: Snapshot, db: None) -> None:
    """The vocabularies and the orientation questionnaire's version 1 with what it rests on (no roadmap)."""
    _orientation_snapshot.restore()


@pytest.fixture(scope="session")
def _reference_snapshot(_orientation_snapshot: Snapshot, django_db_blocker) -> Snapshot:
    load = partial(call_command, "load_reference_data", verbosity=0)
    return set_aside("test_reference", load, django_db_blocker, on_top_of=_orientation_snapshot)


@pytest.fixture
def reference_data(_reference_snapshot: Snapshot, db: None) -> None:
    """The reference data of data/ (SDGs, vocabularies, the 2020 roadmap, the seed knowledge, the observatory), as
    ``load_reference_data`` writes it, put back inside the test's transaction (committed for a transactional test)."""
    _reference_snapshot.restore()


@pytest.fixture
def programme(reference_data: None):
    from roadmap.models import Programme

    return Programme.objects.get(slug="feuille-de-route-2020")


@pytest.fixture(scope="session")
def _demo_snapshot(_reference_snapshot: Snapshot, django_db_blocker) -> Snapshot:
    load = partial(call_command, "load_demo_content", verbosity=0)
    return set_aside("test_demo", load, django_db_blocker, on_top_of=_reference_snapshot)


@pytest.fixture
def demo_content(_demo_snapshot: Snapshot, reference_data: None) -> None:
    """The reference data and the demonstration content of data/demo/, as ``load_demo_content`` writes them."""
    _demo_snapshot.restore()


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
