from __future__ import annotations

import csv
import shutil
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from organisations.importers import reading
from organisations.importers.rna import PRIVATE_COLUMNS
from organisations.models import Organisation

pytestmark = pytest.mark.django_db
REAL = "rna_waldec_20241101_dpt_976.csv"


def _import(*paths: Path, rejects: Path) -> str:
    from io import StringIO

    out = StringIO()
    call_command("import_rna", *[str(p) for p in paths], rejects=str(rejects), stdout=out, verbosity=1)
    return out.getvalue()


def _report(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def test_real_rows_are_imported_with_status_commune_and_dates(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / REAL, rejects=tmp_path / "r.csv")
    assert Organisation.objects.count() == 4
    escale = Organisation.objects.get(rna="W9T1002359")
    assert escale.status == "dissolved" and str(escale.status_date) == "2020-09-30"
    assert escale.commune_id == "97611" and escale.name == "ESCALE"
    assert escale.kind.slug == "association" and escale.source == "rna" and escale.register_id == "W9T1002359"
    active = Organisation.objects.get(rna="W9T1000001")
    assert active.status == "active" and active.status_date is None
    assert str(active.last_verified_on) == "2008-11-05"


def test_the_real_rows_are_the_sample_make_run_imports(fixtures_dir) -> None:
    """The fixture is a link to data/rna's file: the tests of the real rows cover what ``make run`` loads."""
    assert (fixtures_dir / REAL).resolve() == (Path(settings.BASE_DIR) / "data" / "rna" / REAL).resolve()


def test_empty_date_0001_01_01_is_stored_as_no_date(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / REAL, rejects=tmp_path / "r.csv")
    assert Organisation.objects.get(rna="W9T1002867").status_date is None


def test_second_import_changes_nothing(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / REAL, rejects=tmp_path / "r.csv")
    before = list(Organisation.objects.order_by("id").values())
    out = _import(fixtures_dir / REAL, rejects=tmp_path / "r.csv")
    assert "créées : 0, mises à jour : 0, inchangées : 4" in out
    assert list(Organisation.objects.order_by("id").values()) == before


def test_an_import_clears_the_cached_public_pages(registers, fixtures_dir, tmp_path, monkeypatch) -> None:
    from organisations.importers import runner

    cleared = []
    monkeypatch.setattr(runner, "clear_public_pages", lambda: cleared.append(True))
    _import(fixtures_dir / REAL, rejects=tmp_path / "r.csv")
    assert cleared  # the directory's cached pages would otherwise show the old rows for minutes
    # The imported rows carry their commune's département and région (the directory's filters).
    assert set(Organisation.objects.values_list("departement_code", "region_code")) == {("976", "06")}


def test_a_changed_row_is_updated_in_place(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / REAL, rejects=tmp_path / "r.csv")
    changed = tmp_path / "changed.csv"
    changed.write_text((fixtures_dir / REAL).read_text(encoding="utf-8").replace("ESCALE;ESCALE", "ESCALE 2;ESCALE"))
    out = _import(changed, rejects=tmp_path / "r.csv")
    assert "créées : 0, mises à jour : 1, inchangées : 3" in out
    assert Organisation.objects.get(rna="W9T1002359").name == "ESCALE 2"
    assert Organisation.objects.count() == 4


def test_if_empty_imports_into_a_directory_without_rna_rows_only(registers, fixtures_dir, tmp_path) -> None:
    """``make run`` seeds the directory with an old extract: it must never replace newer rows."""
    from io import StringIO

    first = StringIO()
    call_command("import_rna", str(fixtures_dir / REAL), if_empty=True, rejects=str(tmp_path / "r.csv"), stdout=first)
    assert "Organisations créées : 4" in first.getvalue()
    Organisation.objects.filter(rna="W9T1002359").update(name="ESCALE (nom plus récent)")
    again = StringIO()
    call_command("import_rna", str(fixtures_dir / REAL), if_empty=True, rejects=str(tmp_path / "r.csv"), stdout=again)
    assert "L'annuaire contient déjà des associations du RNA : rien n'est importé." in again.getvalue()
    assert Organisation.objects.get(rna="W9T1002359").name == "ESCALE (nom plus récent)"


def test_private_person_columns_are_never_stored(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / "rna_waldec_bom.csv", rejects=tmp_path / "r.csv")
    assert Organisation.objects.count() == 2
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM organisations_organisation")
        stored = " ".join(str(value) for row in cursor.fetchall() for value in row)
    for private in ("PRIVÉ", "PRIVE", "Secret", "MME", "FRANCE"):
        assert private not in stored
    columns = {field.column for field in Organisation._meta.get_fields() if hasattr(field, "column")}
    assert not columns & set(PRIVATE_COLUMNS)


def test_utf8_file_with_bom_is_read(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / "rna_waldec_bom.csv", rejects=tmp_path / "r.csv")
    assert Organisation.objects.get(rna="W751000002").name == "Éco-Lien Paris"


def test_latin1_file_is_read(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / "rna_waldec_latin1.csv", rejects=tmp_path / "r.csv")
    assert Organisation.objects.get(rna="W131000003").name == "Fraternité Côte Bleue"


def test_published_zip_of_departement_files_is_imported(registers, fixtures_dir, tmp_path) -> None:
    archive = tmp_path / "rna_waldec_20241101.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.write(fixtures_dir / REAL, REAL)
        handle.write(fixtures_dir / "rna_waldec_bom.csv", "rna_waldec_20241101_dpt_13.csv")
    _import(archive, rejects=tmp_path / "r.csv")
    assert Organisation.objects.count() == 6


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("rna_waldec_comma.csv", "mauvais séparateur"),
        ("rna_waldec_missing_columns.csv", "colonnes manquantes dans l'en-tête : titre, position"),
        ("rna_waldec_utf16.csv", "encodage illisible"),
    ],
)
def test_unreadable_file_stops_before_writing_and_names_the_problem(
    registers, fixtures_dir, tmp_path, name: str, message: str
) -> None:
    with pytest.raises(CommandError, match=message):
        _import(fixtures_dir / REAL, fixtures_dir / name, rejects=tmp_path / "r.csv")
    assert not Organisation.objects.exists()  # the good file given first was not imported either


def test_traps_import_readable_rows_and_report_the_others(registers, fixtures_dir, tmp_path) -> None:
    out = _import(fixtures_dir / "rna_waldec_traps.csv", rejects=tmp_path / "rejets.csv")
    report = {(row["ligne"], row["identifiant"]): row for row in _report(tmp_path / "rejets.csv")}
    assert report[("5", "W131000012")]["motif"].startswith("identifiant en double")
    assert report[("6", "W131000013")]["motif"].startswith("ligne tronquée")
    assert "numéro RNA invalide" in report[("8", "X123")]["motif"]
    assert "position inconnue" in report[("9", "W131000015")]["motif"]
    assert "date invalide" in report[("2", "W131000010")]["motif"]
    assert report[("3", "W131000011")]["suite donnée"] == "importée avec une réserve"
    assert "Lignes rejetées : 4" in out
    assert set(Organisation.objects.values_list("rna", flat=True)) == {
        "W131000010",
        "W131000011",
        "W131000012",
        "W131000014",
        "W131000016",
    }


def test_unknown_commune_code_imports_the_row_without_commune(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / "rna_waldec_traps.csv", rejects=tmp_path / "r.csv")
    assert Organisation.objects.get(rna="W131000011").commune is None


def test_bad_date_is_left_empty(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / "rna_waldec_traps.csv", rejects=tmp_path / "r.csv")
    assert Organisation.objects.get(rna="W131000010").founded_on is None


def test_first_of_duplicate_ids_is_kept(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / "rna_waldec_traps.csv", rejects=tmp_path / "r.csv")
    assert Organisation.objects.get(rna="W131000012").name == "Premier Doublon"


def test_injection_text_is_stored_verbatim_and_unsafe_website_dropped(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / "rna_waldec_traps.csv", rejects=tmp_path / "r.csv")
    organisation = Organisation.objects.get(rna="W131000014")
    assert organisation.name.startswith('=HYPERLINK("http://evil.example"')
    assert "DROP TABLE" in organisation.purpose
    assert organisation.website == ""


def test_report_cells_cannot_run_as_spreadsheet_formulas(registers, fixtures_dir, tmp_path) -> None:
    source = tmp_path / "formula.csv"
    lines = (fixtures_dir / "rna_waldec_bom.csv").read_text(encoding="utf-8-sig").splitlines()
    source.write_text("\n".join([lines[0], lines[1].replace("W131000001", "=1+1", 1)]) + "\n", encoding="utf-8")
    _import(source, rejects=tmp_path / "r.csv")
    assert _report(tmp_path / "r.csv")[0]["identifiant"] == "'=1+1"


def test_line_not_in_the_file_encoding_is_rejected_with_its_number(
    registers, fixtures_dir, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(reading, "SAMPLE_SIZE", 100)  # the sample (the header) is valid UTF-8
    _import(fixtures_dir / "rna_waldec_mixed_encoding.csv", rejects=tmp_path / "r.csv")
    report = _report(tmp_path / "r.csv")
    assert [(row["ligne"], row["motif"]) for row in report] == [
        ("4", "caractères illisibles dans l'encodage du fichier")
    ]
    assert Organisation.objects.count() == 2


def test_older_import_format_finds_the_commune_by_postcode_and_name(registers, fixtures_dir, tmp_path) -> None:
    _import(fixtures_dir / "rna_import_format.csv", rejects=tmp_path / "r.csv")
    assert Organisation.objects.get(rna="W691000020").commune_id == "69266"
    stephanoise = Organisation.objects.get(rna="W421000021")
    assert stephanoise.commune_id == "42218" and stephanoise.status == "dissolved"


def test_rejects_report_defaults_to_next_to_the_input(registers, fixtures_dir, tmp_path) -> None:
    source = tmp_path / "traps.csv"
    shutil.copy(fixtures_dir / "rna_waldec_traps.csv", source)
    call_command("import_rna", str(source), verbosity=0)
    assert (tmp_path / "traps.csv.rejets.csv").exists()


def test_interrupted_import_keeps_committed_batches_and_no_half_batch(
    registers, fixtures_dir, tmp_path, interrupt_writes
) -> None:
    interrupt_writes(2, first_row=True)  # the first row of the second batch is written, then Ctrl-C
    with pytest.raises(KeyboardInterrupt):
        call_command("import_rna", str(fixtures_dir / REAL), rejects=str(tmp_path / "r.csv"), batch_size=2, verbosity=0)
    assert Organisation.objects.count() == 2  # the first batch; the half-written second one was rolled back


def test_imported_search_fields_are_those_an_edit_would_compute(registers, fixtures_dir, tmp_path) -> None:
    """The writer derives the searched text itself: it must match ``Organisation.refresh_search_fields``."""
    rna = [str(fixtures_dir / name) for name in (REAL, "rna_waldec_traps.csv")]
    call_command("import_rna", *rna, rejects=str(tmp_path / "r.csv"), verbosity=0)
    sirene = str(fixtures_dir / "sirene_stock_unite_legale.csv")
    call_command("import_sirene", sirene, rejects=str(tmp_path / "s.csv"), verbosity=0)
    organisations = list(Organisation.objects.all())
    assert {o.source for o in organisations} == {"rna", "sirene"}
    for organisation in organisations:
        stored = (organisation.search_key, organisation.search_text)
        organisation.refresh_search_fields()
        assert stored == (organisation.search_key, organisation.search_text), organisation.register_id
        assert organisation.search_text.startswith(organisation.search_key)
