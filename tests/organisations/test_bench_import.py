"""The import benchmark runs end to end on a small file and leaves nothing behind."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from organisations.models import Organisation

pytestmark = pytest.mark.django_db


def test_the_import_benchmark_prints_the_raw_insert_its_indexes_and_the_import(
    territories, vocabularies, settings, tmp_path
) -> None:
    settings.VAR_DIR = tmp_path
    out = StringIO()
    call_command("bench_import_rna", rows=300, stdout=out)
    printed = out.getvalue()
    assert "insertion brute (table nue, base seule)" in printed
    assert "puis les index de la table (repère)" in printed
    indexes = len(Organisation._meta.indexes)
    assert f"Repère : construire sur la table nue l'index unique et les {indexes} index" in printed
    assert "Organisations créées : 300, mises à jour : 0, inchangées : 0" in printed
    assert "inchangées : 300" in printed.split("second :")[1]
    # PostgreSQL: the plain INSERT beside COPY, with its ratio.
    assert ("insertion brute par INSERT (executemany)" in printed) == (connection.vendor == "postgresql")
    assert ("Import / insertion brute par INSERT" in printed) == (connection.vendor == "postgresql")
    assert not Organisation.objects.filter(is_generated=True).exists()
