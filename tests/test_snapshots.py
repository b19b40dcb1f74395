"""The test databases' snapshots (tests/snapshots.py, ADR 0038): what they restore is what the loaders write, and
a transactional test leaves nothing behind."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection

from territories.models import Commune
from tests import conftest


def test_the_restored_reference_data_is_what_load_reference_data_writes(reference_data) -> None:
    out = io.StringIO()
    call_command("load_reference_data", stdout=out, stderr=io.StringIO(), verbosity=1)
    assert "(0 changement(s))" in out.getvalue()


def test_the_vocabularies_and_the_questionnaire_keep_their_ids_beside_the_reference_data(
    vocabularies, orientation_data, reference_data
) -> None:
    connection.check_constraints()  # every foreign key points to a row: no id of one snapshot left in another's


@pytest.mark.django_db(transaction=True)
def test_reset_writes_back_a_changed_base_row_and_empties_the_other_tables() -> None:
    assert conftest.BASE is not None
    marseille = Commune.objects.get(code="13055")
    groups = sorted(Group.objects.values_list("name", flat=True))
    Commune.objects.filter(code="13055").update(name="Ailleurs")
    Group.objects.all().delete()
    Session.objects.create(session_key="k" * 32, session_data="", expire_date=dt.datetime(2030, 1, 1, tzinfo=dt.UTC))

    conftest.BASE.reset()

    assert Commune.objects.get(code="13055").name == marseille.name
    assert sorted(Group.objects.values_list("name", flat=True)) == groups
    assert not Session.objects.exists()
