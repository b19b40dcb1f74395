"""CSV import of the measures' bilans: every error class listed by line, in French, and nothing written."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from roadmap.bilan_import import TEMPLATE_HEADER, bilans_check, bilans_import, template_csv
from roadmap.models import Review, ReviewSubmission, SubmissionStatus
from tests.roadmap.facilitation_fixtures import facilitator, measure_2, mission_member

__all__ = ["facilitator", "measure_2", "mission_member"]

pytestmark = pytest.mark.django_db

HEADER = ";".join(TEMPLATE_HEADER)


def _csv(*rows: str, header: str = HEADER) -> bytes:
    return ("\ufeff" + "\n".join([header, *rows]) + "\n").encode()


def _row(number: str = "2", date: str = "2026-11-02", status: str = "En cours", **extra: str) -> str:
    values = {
        "numero_mesure": number,
        "date_bilan": date,
        "statut": status,
        "avancement_pct": "",
        "bilan": "Les outils ont été recensés.",
        "prochaines_etapes": "",
        "date_prochaine_etape": "",
        "lien_justificatif": "",
        "libelle_justificatif": "",
    }
    values.update(extra)
    return ";".join(values[name] for name in TEMPLATE_HEADER)


def _errors(programme, data: bytes, **kwargs) -> list[str]:
    return [str(error) for error in bilans_check(data=data, programme=programme, **kwargs).errors]


def test_the_template_passes_the_check(programme) -> None:
    check = bilans_check(data=template_csv().encode(), programme=programme)
    assert check.ok
    assert [row.measure.number for row in check.rows] == [2]


def test_a_wrong_header_names_the_missing_and_unknown_columns(programme) -> None:
    header = HEADER.replace("date_bilan", "date")
    assert _errors(programme, _csv(_row(), header=header)) == [
        "Ligne 1 : en-tête incorrect (colonne manquante : date_bilan ; colonne inconnue : date). "
        f"En-tête attendu : {HEADER}"
    ]


def test_unknown_measure_numbers_are_listed_each_with_its_line(programme) -> None:
    errors = _errors(programme, _csv(_row("42"), _row("2"), _row("abc")))
    assert errors == [
        "Ligne 2 : la mesure 42 n'existe pas dans la feuille de route (mesures 1 à 21)",
        "Ligne 4 : « abc » n'est pas un numéro de mesure",
    ]


def test_dates_in_the_future_and_unreadable_dates_are_refused(programme) -> None:
    errors = _errors(programme, _csv(_row("2", "2999-01-01"), _row("3", "31/02/2026"), _row("4", "2019-01-01")))
    assert errors == [
        "Ligne 2 : la date du bilan (2999-01-01) est dans le futur",
        "Ligne 3 : date du bilan « 31/02/2026 » illisible (attendu AAAA-MM-JJ ou JJ/MM/AAAA)",
        "Ligne 4 : la date du bilan (2019-01-01) précède le lancement de la feuille de route",
    ]


def test_an_invalid_status_lists_the_possible_ones(programme) -> None:
    errors = _errors(programme, _csv(_row(status="Presque fini")))
    assert errors[0].startswith("Ligne 2 : statut « Presque fini » inconnu (statuts possibles : « À lancer », ")


def test_a_status_is_read_by_its_label_or_its_identifier(programme) -> None:
    check = bilans_check(data=_csv(_row("2", status="en-cours"), _row("3", status="atteinte")), programme=programme)
    assert [row.review_status.slug for row in check.rows] == ["en-cours", "atteinte"]


def test_a_measure_that_is_not_the_facilitators_is_refused(programme, facilitator) -> None:
    errors = _errors(programme, _csv(_row("2"), _row("5")), facilitator=facilitator)
    assert errors == ["Ligne 3 : la mesure 5 n'est pas une mesure de ce facilitateur"]


def test_two_rows_for_one_measure_are_refused(programme) -> None:
    assert _errors(programme, _csv(_row("2"), _row("2"))) == [
        "Ligne 3 : la mesure 2 figure déjà à la ligne 2 (une ligne par mesure)"
    ]


def test_other_cell_errors_progress_link_and_empty_text(programme) -> None:
    errors = _errors(
        programme,
        _csv(
            _row("2", avancement_pct="150"),
            _row("3", lien_justificatif="pas une adresse"),
            _row("4", bilan=""),
            _row("5", libelle_justificatif="Rapport"),
        ),
    )
    assert errors == [
        "Ligne 2 : avancement « 150 » : un nombre entier de 0 à 100 est attendu",
        "Ligne 3 : lien justificatif « pas une adresse » : adresse web invalide",
        "Ligne 4 : la colonne « bilan » est vide",
        "Ligne 5 : un libellé de justificatif est donné sans son lien",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Ligne 1 : le fichier est vide"),
        (
            "numero_mesure;date_bilan".encode("latin-1") + "\nÀ".encode("latin-1"),
            "Ligne 1 : le fichier n'est pas encodé en UTF-8",
        ),
        (HEADER.encode(), "Ligne 2 : le fichier ne contient aucune ligne de bilan"),
    ],
)
def test_files_that_cannot_be_read_are_refused(programme, data, message) -> None:
    assert _errors(programme, data)[0].startswith(message)


def test_a_row_with_a_missing_cell_is_refused(programme) -> None:
    assert _errors(programme, _csv("2;2026-11-02;En cours")) == ["Ligne 2 : 3 colonnes au lieu de 9"]


def test_the_import_writes_nothing_when_any_row_is_wrong(programme, mission_member) -> None:
    check = bilans_import(data=_csv(_row("2"), _row("3", "2999-01-01")), programme=programme, user=mission_member)
    assert not check.ok
    assert not ReviewSubmission.objects.exists()


def test_the_import_creates_submitted_bilans_awaiting_review(programme, mission_member) -> None:
    check = bilans_import(
        data=_csv(
            _row("2", lien_justificatif="https://www.exemple.fr/rapport", libelle_justificatif="Rapport"), _row("3")
        ),
        programme=programme,
        user=mission_member,
    )
    assert check.ok
    submissions = ReviewSubmission.objects.order_by("measure__number")
    assert [s.status for s in submissions] == [SubmissionStatus.SUBMITTED] * 2
    assert submissions[0].links.get().label == "Rapport"
    assert submissions[0].events.get().action == "imported"
    assert not Review.objects.filter(measure__number__in=[2, 3]).exists()


def test_the_import_can_publish_directly(programme, mission_member) -> None:
    bilans_import(data=_csv(_row("2")), programme=programme, user=mission_member, publish=True)
    assert Review.objects.get(measure__number=2).text == "Les outils ont été recensés."


def test_a_measure_with_a_bilan_awaiting_review_is_refused(programme, mission_member) -> None:
    bilans_import(data=_csv(_row("2")), programme=programme, user=mission_member)
    assert _errors(programme, _csv(_row("2"))) == [
        "Ligne 2 : la mesure 2 a déjà un bilan soumis qui attend la relecture de l'équipe"
    ]


def test_only_the_mission_team_imports(programme, facilitator) -> None:
    with pytest.raises(PermissionDenied):
        bilans_import(data=_csv(_row("2")), programme=programme, user=facilitator)
    assert not ReviewSubmission.objects.exists()
