from __future__ import annotations

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def _territories_in_database(django_db_setup: None, django_db_blocker) -> None:
    """The COG of data/territories/, loaded once per test database, outside the tests' transactions."""
    from django.db import transaction

    from core.loading import LoadReport
    from territories.loaders import load_territories

    with django_db_blocker.unblock(), transaction.atomic():
        load_territories(LoadReport())


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
