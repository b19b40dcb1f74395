"""Planner statistics after a bulk load."""

from __future__ import annotations

import pytest
from django.db import connection

from core.maintenance import refresh_planner_statistics


@pytest.mark.django_db(transaction=True)
def test_statistics_are_refreshed_outside_a_transaction() -> None:
    refresh_planner_statistics()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
            assert cursor.fetchone()[0] == 1


@pytest.mark.django_db
def test_statistics_are_refreshed_inside_a_transaction_too() -> None:
    assert connection.in_atomic_block
    refresh_planner_statistics()
