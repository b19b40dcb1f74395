from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from organisations.models import Organisation

pytestmark = pytest.mark.django_db
FILE = "sirene_stock_unite_legale.csv"


def _import(path, tmp_path, **options) -> None:
    call_command("import_sirene", str(path), rejects=str(tmp_path / "r.csv"), verbosity=0, **options)


def test_diffusible_legal_persons_are_imported_with_their_kind(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / FILE, tmp_path)
    kinds = dict(Organisation.objects.values_list("siren", "kind__slug"))
    assert kinds == {"732829320": "association", "356000000": "entreprise", "130025265": "fondation"}


def test_la_poste_siret_is_kept(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / FILE, tmp_path)
    assert Organisation.objects.get(siren="356000000").siret == "35600000000047"


def test_natural_persons_and_non_diffusible_units_are_not_stored(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / FILE, tmp_path)
    assert not Organisation.objects.filter(siren__in=["123456782", "111111118"]).exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, purpose, search_text FROM organisations_organisation")
        stored = " ".join(" ".join(row) for row in cursor.fetchall()).lower()
    assert "jeanne" not in stored and "personne" not in stored


def test_closed_unit_stays_flagged_with_its_date(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / FILE, tmp_path)
    closed = Organisation.objects.get(siren="130025265")
    assert closed.status == "closed" and str(closed.status_date) == "2019-12-31"


def test_active_only_filter(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / FILE, tmp_path, active_only=True)
    assert not Organisation.objects.filter(siren="130025265").exists()


def test_legal_category_filter(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / FILE, tmp_path, legal_categories="92,93")
    assert set(Organisation.objects.values_list("siren", flat=True)) == {"732829320", "130025265"}


def test_naf_filter(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / FILE, tmp_path, naf="53.10Z")
    assert list(Organisation.objects.values_list("siren", flat=True)) == ["356000000"]


def test_malformed_filter_is_refused_in_french(registers, fixtures_dir, tmp_path) -> None:
    with pytest.raises(CommandError, match="Code NAF mal formé"):
        _import(fixtures_dir / FILE, tmp_path, naf="peinture")


def test_invalid_siren_is_reported_with_its_line(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / FILE, tmp_path)
    report = (tmp_path / "r.csv").read_text(encoding="utf-8")
    assert "7;123456789;SIREN invalide" in report


def test_second_import_creates_no_duplicate(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / FILE, tmp_path)
    _import(fixtures_dir / FILE, tmp_path)
    assert Organisation.objects.count() == 3


def test_rna_file_given_to_sirene_stops_naming_the_missing_columns(registers, fixtures_dir, tmp_path) -> None:
    with pytest.raises(CommandError, match=r"mauvais séparateur|colonnes manquantes"):
        _import(fixtures_dir / "rna_waldec_20241101_dpt_976.csv", tmp_path)
