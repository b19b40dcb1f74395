from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from pytest_django.plugin import blocking_manager_key


@pytest.fixture(scope="session", autouse=True)
def _migrated_rows(django_db_setup: None, django_db_blocker) -> Iterator[None]:
    """What the migrations wrote (content types, permissions, Wagtail's root page, site, root collection and
    moderation workflow, the roles' groups), serialised once per test database before any test runs."""
    global _migrated_contents
    from django.db import connection

    with django_db_blocker.unblock():
        rows = json.loads(connection.creation.serialize_db_to_string())
    # Content types first: saving some migrated rows looks their content type up (and would create it anew).
    rows.sort(key=lambda row: row["model"] not in ("contenttypes.contenttype", "auth.permission"))
    _migrated_contents = json.dumps(rows)
    yield
    # Torn down after the test server, before the test database is dropped: a request thread that a browser
    # test left behind may still hold a PostgreSQL session, and DROP DATABASE refuses while one is open.
    if connection.vendor == "postgresql":
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture(scope="session")
def _territories_in_database(_migrated_rows: None, django_db_blocker) -> None:
    """The COG of data/territories/, loaded once per test database, outside the tests' transactions."""
    from django.db import transaction

    from core.loading import LoadReport
    from territories.loaders import load_territories

    global _territories_loaded
    with django_db_blocker.unblock(), transaction.atomic():
        load_territories(LoadReport())
    _territories_loaded = True


# Fixtures that make pytest-django's test a TransactionTestCase: every table is emptied (flush) after it.
FLUSHING_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences", "django_db_serialized_rollback"}
_territories_loaded = False  # _territories_in_database ran in this process (each xdist worker has its own database)
_migrated_contents: str | None = None  # _migrated_rows ran in this process


def _flushes_the_database(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    transactional = bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
    return transactional or bool(FLUSHING_FIXTURES & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    """After a transactional test has emptied the tables, what the migrations wrote is put back as it was (with its
    ids: Wagtail's root collection, the groups, the content types the other rows point to), then the COG, committed,
    once: otherwise the next test in this worker met a database that no migrated database can be, and every later
    test asking for ``territories`` loaded it again inside its own rolled-back transaction (seconds each)."""
    result = yield
    # After the last test (nextitem None) the test database is already destroyed: nothing to put back.
    if _migrated_contents is not None and nextitem is not None and _flushes_the_database(item):
        from django.contrib.contenttypes.models import ContentType
        from django.db import connection, transaction

        from core.loading import LoadReport
        from territories.loaders import load_territories

        with item.config.stash[blocking_manager_key].unblock():
            # pytest-django's flush ran the post-migrate handlers (new content types, new ids): empty again first.
            call_command("flush", verbosity=0, interactive=False, reset_sequences=False, inhibit_post_migrate=True)
            ContentType.objects.clear_cache()
            connection.creation.deserialize_db_from_string(_migrated_contents)
            ContentType.objects.clear_cache()
            if _territories_loaded:
                with transaction.atomic():
                    load_territories(LoadReport())
    return result


@pytest.fixture
def territories(db: None, _territories_in_database: None) -> None:
    """Régions, départements, EPCI and communes (reloaded only if a transactional test emptied the tables)."""
    from core.loading import LoadReport
    from territories.loaders import load_territories
    from territories.models import Commune

    if not Commune.objects.exists():
        load_territories(LoadReport())


@pytest.fixture
def reference_data(db: None, _territories_in_database: None) -> None:
    """The reference data of data/ (SDGs, vocabularies, the 2020 roadmap), loaded once per database."""
    from roadmap.models import Programme

    if not Programme.objects.exists():
        call_command("load_reference_data", verbosity=0)


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
