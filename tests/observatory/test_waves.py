"""A survey wave from a CSV: every error class is found by line before anything is written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from observatory.models import SurveyFigure
from observatory.services import survey_wave_import
from observatory.waves import HEADER, check_wave, template_csv
from tests.factories import UserFactory
from tests.observatory.wave_files import wave_csv

pytestmark = pytest.mark.django_db


def _messages(content: bytes) -> list[str]:
    return [str(error) for error in check_wave(content).errors]


def test_a_correct_wave_is_checked_without_error_and_nothing_is_written(survey) -> None:
    result = check_wave(wave_csv({}, {"population": "Dirigeants d'entreprise", "type_acteur": "entreprise"}))
    assert result.ok, result.errors
    assert [f.population for f in result.figures] == ["Maires", "Dirigeants d'entreprise"]
    assert result.figures[0].value == Decimal("81.5")
    assert result.figures[0].territory_name == "Provence-Alpes-Côte d'Azur"
    assert SurveyFigure.objects.count() == 0


def test_an_editor_imports_the_wave(survey, editor) -> None:
    survey_wave_import(content=wave_csv({}, {"population": "Élus"}), user=editor)
    figures = list(SurveyFigure.objects.filter(survey=survey).order_by("position"))
    assert [f.population for f in figures] == ["Maires", "Élus"]
    assert figures[0].collected_on == dt.date(2024, 3, 31)
    assert figures[0].margin_of_error == Decimal("2.5")
    assert figures[0].source == "Rapport 2024, page 12"


def test_a_wrong_header_is_one_error_on_line_1(survey) -> None:
    header = [*HEADER[:-1], "document"]
    assert _messages(wave_csv({}, header=header)) == [
        f"Ligne 1 : en-tête inattendu. Colonnes attendues : {' ; '.join(HEADER)}. Reçu : {' ; '.join(header)}."
    ]


def test_an_unknown_survey_names_its_line_and_column(survey) -> None:
    assert _messages(wave_csv({}, {"enquete": "inconnue"})) == [
        "Ligne 3, colonne « enquete » : enquête inconnue « inconnue » : créez-la d'abord dans « Enquêtes de "
        "l'Observatoire »."
    ]


def test_a_value_that_is_not_a_number_is_an_error(survey) -> None:
    assert _messages(wave_csv({"valeur": "beaucoup"})) == [
        "Ligne 2, colonne « valeur » : « beaucoup » n'est pas un nombre."
    ]


def test_a_percentage_above_100_is_an_error(survey) -> None:
    assert _messages(wave_csv({"valeur": "120"})) == [
        "Ligne 2, colonne « valeur » : un pourcentage est compris entre 0 et 100 (reçu : 120)."
    ]


def test_a_count_above_100_is_not_a_percentage_error(survey) -> None:
    assert check_wave(wave_csv({"valeur": "1200", "unite": "associations"})).ok


def test_an_unknown_actor_kind_is_an_error(survey) -> None:
    (message,) = _messages(wave_csv({"type_acteur": "martien"}))
    assert message.startswith("Ligne 2, colonne « type_acteur » : type d'acteur inconnu « martien » (valeurs : ")


def test_an_unknown_territory_is_an_error(survey) -> None:
    assert _messages(wave_csv({"echelle_territoire": "departement", "code_territoire": "999"})) == [
        "Ligne 2, colonne « code_territoire » : territoire inconnu : aucun(e) département de code « 999 »."
    ]


def test_an_unknown_territory_level_is_an_error(survey) -> None:
    (message,) = _messages(wave_csv({"echelle_territoire": "canton"}))
    assert message.startswith("Ligne 2, colonne « echelle_territoire » : échelle inconnue « canton »")


def test_a_duplicate_line_names_the_first_one(survey) -> None:
    assert _messages(wave_csv({}, {"remarque": "la même"})) == ["Ligne 3 : même chiffre que la ligne 2 (doublon)."]


def test_a_figure_already_published_is_a_duplicate(survey, editor) -> None:
    survey_wave_import(content=wave_csv({}), user=editor)
    assert _messages(wave_csv({})) == [
        "Ligne 2 : ce chiffre est déjà publié (même enquête, indicateur, population et année)."
    ]


def test_dates_in_the_future_are_errors(survey) -> None:
    next_year = timezone.localdate().year + 1
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    assert _messages(wave_csv({"annee": str(next_year), "date_collecte": tomorrow.isoformat()})) == [
        f"Ligne 2, colonne « annee » : l'année {next_year} est dans le futur.",
        f"Ligne 2, colonne « date_collecte » : le {tomorrow:%d/%m/%Y} est dans le futur.",
    ]


def test_every_error_of_every_line_is_listed_in_line_order(survey) -> None:
    messages = _messages(wave_csv({"valeur": "x"}, {"population": "Élus", "enquete": "autre", "unite": ""}))
    assert [m.split(" : ")[0] for m in messages] == [
        "Ligne 2, colonne « valeur »",
        "Ligne 3, colonne « enquete »",
        "Ligne 3, colonne « unite »",
    ]


def test_a_file_that_is_not_utf8_is_refused(survey) -> None:
    assert _messages(wave_csv({"population": "Élus"}).decode("utf-8-sig").encode("latin-1")) == [
        "Ligne 0 : le fichier n'est pas en UTF-8 : enregistrez-le en « CSV UTF-8 »."
    ]


def test_a_line_with_missing_cells_is_an_error(survey) -> None:
    content = wave_csv({}) + b"barometre-essai;x\r\n"
    assert _messages(content) == ["Ligne 3 : 2 cellules au lieu de 17."]


def test_an_import_with_one_error_writes_nothing(survey, editor) -> None:
    with pytest.raises(ValidationError) as raised:
        survey_wave_import(content=wave_csv({}, {"population": "Élus", "valeur": "abc"}), user=editor)
    assert raised.value.messages == ["Ligne 3, colonne « valeur » : « abc » n'est pas un nombre."]
    assert SurveyFigure.objects.count() == 0


def test_a_user_without_the_editors_permission_cannot_import(survey) -> None:
    with pytest.raises(PermissionDenied):
        survey_wave_import(content=wave_csv({}), user=UserFactory.create())
    assert SurveyFigure.objects.count() == 0


def test_the_template_is_the_header_and_an_example_line() -> None:
    lines = template_csv().lstrip("\ufeff").split("\r\n")
    assert lines[0].split(";") == HEADER
    assert len(lines[1].split(";")) == len(HEADER)
