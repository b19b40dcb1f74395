"""The organisations' ASCII keys are compared byte by byte on every engine (core.fields.AsciiKeyField)."""

from __future__ import annotations

import pytest
from django.db import connection

from core.fields import AsciiKeyField
from organisations.models import Organisation
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

KEY_COLUMNS = ["source", "register_id", "search_key", "departement_code", "region_code"]


def test_the_key_columns_have_the_c_collation_on_postgresql_and_the_default_on_sqlite() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT column_name, collation_name FROM information_schema.columns WHERE table_name = %s",
                [Organisation._meta.db_table],
            )
            collations = dict(cursor.fetchall())
        assert {column: collations[column] for column in KEY_COLUMNS} == dict.fromkeys(KEY_COLUMNS, "C")
        assert collations["name"] is None  # the text shown keeps the database's own
    else:
        with connection.cursor() as cursor:
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [Organisation._meta.db_table])
            assert "COLLATE" not in cursor.fetchone()[0]


def test_a_field_given_its_own_collation_keeps_it() -> None:
    field = AsciiKeyField(max_length=3, db_collation="POSIX")
    assert field.db_parameters(connection)["collation"] == "POSIX"


def test_names_sort_by_their_keys_byte_by_byte_whatever_the_engine(territories, vocabularies) -> None:
    """A space sorts before any letter: « Saint Étienne » before « Sainte-Anne », as SQLite orders them.

    A French locale's collation would put « Sainte-Anne » first (it ignores spaces in a first pass).
    """
    for name in ["Sainte-Anne", "Saint-Étienne", "Saint Amand", "Saintes", "SAINT"]:
        OrganisationFactory(name=name)
    keys = list(Organisation.objects.order_by("search_key").values_list("search_key", flat=True))
    assert keys == ["saint", "saint amand", "saint etienne", "sainte anne", "saintes"]
    assert list(Organisation.objects.filter(search_key__gt="saint z").values_list("search_key", flat=True)) == [
        "sainte anne",
        "saintes",
    ]
