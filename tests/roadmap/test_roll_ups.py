"""A measure without a review has no progress; every roll-up says what it rests on."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from roadmap.models import Measure, ReviewStatus
from roadmap.selectors import RollUp, measures_phrase, programme_summary
from roadmap.services import bilan_freeze, review_add


def test_a_roll_up_averages_only_the_evaluated_measures() -> None:
    roll_up = RollUp.of([100, None, None, 50])
    assert (roll_up.progress, roll_up.evaluated_count, roll_up.measure_count) == (75, 2, 4)


def test_a_roll_up_without_any_evaluated_measure_has_no_percentage() -> None:
    roll_up = RollUp.of([None, None])
    assert roll_up.progress is None
    assert roll_up.label == "Pas encore de bilan (aucune mesure évaluée sur 2)"


@pytest.mark.parametrize(
    ("evaluated", "total", "text"),
    [
        (1, 21, "1 mesure évaluée sur 21"),
        (2, 21, "2 mesures évaluées sur 21"),
        (0, 20, "aucune mesure évaluée sur 20"),
        (0, 0, "aucune mesure rattachée"),
    ],
)
def test_measures_phrase_says_how_many_measures_a_figure_rests_on(evaluated, total, text) -> None:
    assert measures_phrase(evaluated, total) == text


@pytest.mark.django_db
def test_workstream_1_review_in_progress_disagrees_with_its_measures_at_100(programme) -> None:
    summary = programme_summary(programme)
    assert summary is not None
    workstream_1 = summary.by_workstream[0]
    assert workstream_1.review is not None and workstream_1.review.status.slug == "en-cours"
    assert workstream_1.progress == 100
    assert workstream_1.review_disagrees_with_measures is True


@pytest.mark.django_db
def test_a_workstream_without_evaluated_measures_never_disagrees(programme) -> None:
    summary = programme_summary(programme)
    assert summary is not None
    assert summary.by_workstream[1].review_disagrees_with_measures is False


@pytest.mark.django_db
def test_overview_says_how_many_measures_the_programme_figure_rests_on(client, programme) -> None:
    html = client.get("/feuille-de-route/").content.decode()
    assert "</strong> d'avancement moyen (1 mesure évaluée sur 21)" in html
    assert "5 %" not in html
    assert "compte pour 0 %" not in html
    assert 'Pas encore de bilan <span class="fr-text--xs">(aucune mesure évaluée sur 7)</span>' in html


@pytest.mark.django_db
def test_overview_shows_each_workstream_review_beside_its_roll_up_and_flags_the_disagreement(client, programme) -> None:
    html = client.get("/feuille-de-route/").content.decode()
    assert "Bilan propre du chantier au 7 mai 2021 : <strong>En cours</strong>" in html
    assert "ne disent pas la même chose" in html


@pytest.mark.django_db
def test_workstream_page_says_its_review_and_its_measures_disagree(client, programme) -> None:
    html = client.get("/feuille-de-route/chantiers/plateforme-collective-impact/").content.decode()
    assert "Le bilan du chantier et la moyenne de ses mesures ne concordent pas" in html
    assert "(100 %, 1 mesure évaluée sur 1)" in html
    assert "« En cours », 50 %" in html


@pytest.mark.django_db
def test_workstream_page_without_disagreement_has_no_warning(client, programme) -> None:
    html = client.get("/feuille-de-route/chantiers/droit-de-l-alliance/").content.decode()
    assert "ne concordent pas" not in html
    assert "Pas d'avancement : aucune mesure rattachée." in html


@pytest.mark.django_db
def test_a_measure_without_review_shows_no_percentage(client, programme) -> None:
    html = client.get("/feuille-de-route/mesures/5/").content.decode()
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "Pas encore de bilan" in main
    assert "0 %" not in main


@pytest.mark.django_db
def test_public_review_shows_the_team_never_the_back_office_login(client, programme, django_user_model) -> None:
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "x")
    review_add(
        programme=programme,
        measure=Measure.objects.get(programme=programme, number=2),
        date=dt.date(2021, 12, 1),
        status=ReviewStatus.objects.get(slug="lancee"),
        text="Premiers échanges.",
        author=admin,
    )
    html = client.get("/feuille-de-route/mesures/2/").content.decode()
    assert "Saisi par l'Équipe de la mission" in html
    assert "admin" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "Bilan au 1er décembre 2021" in html


@pytest.mark.django_db
def test_home_page_figure_says_what_it_rests_on(client, programme) -> None:
    html = client.get("/").content.decode()
    assert "avancement moyen de 100 % sur 1 mesure évaluée sur 21" in html


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.django_db
def test_synthesis_csv_has_one_row_per_roll_up_with_its_counts(client, programme) -> None:
    response = client.get("/feuille-de-route/synthese.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = _csv(response)
    header = rows[0]
    by_key = {(row[0], row[1]): dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert len(rows) == 1 + 1 + 3 + 4
    programme_row = by_key[("programme", "programme")]
    assert (programme_row["mesures"], programme_row["mesures_evaluees"], programme_row["avancement_moyen_pct"]) == (
        "21",
        "1",
        "100",
    )
    strategic = by_key[("dimension", "strategic")]
    assert (strategic["mesures_evaluees"], strategic["avancement_moyen_pct"]) == ("0", "")
    workstream_1 = by_key[("chantier", "1")]
    assert (workstream_1["statut_bilan_chantier"], workstream_1["bilan_chantier_discordant"]) == ("En cours", "oui")


@pytest.mark.django_db
def test_measures_csv_leaves_the_progress_of_a_measure_without_review_empty(client, programme) -> None:
    rows = _csv(client.get("/feuille-de-route/mesures.csv"))
    assert rows[1][4:6] == ["Atteinte", "100"]
    assert rows[2][4:6] == ["Pas encore de bilan", ""]


@pytest.mark.django_db
def test_bilan_entry_of_a_measure_without_review_has_no_progress(programme) -> None:
    bilan = bilan_freeze(programme=programme, title="Bilan test", slug="bilan-test", date=dt.date(2021, 6, 1))
    entry = bilan.entries.get(measure_number=2)
    assert (entry.status_name, entry.progress) == ("", None)


@pytest.mark.django_db
def test_bilan_page_lists_the_roll_ups_with_their_basis(client, programme) -> None:
    html = client.get("/feuille-de-route/bilans/bilan-7-mai-2021/").content.decode()
    assert "Avancement moyen des mesures évaluées au 7 mai 2021" in html
    assert '100 % <span class="fr-text--xs">(1 mesure évaluée sur 21)</span>' in html
    assert "ne concorde pas avec la moyenne de ses mesures" in html


@pytest.mark.django_db
def test_bilan_pdf_text_says_how_many_measures_each_average_rests_on(client, programme) -> None:
    pypdf = pytest.importorskip("pypdf")
    response = client.get("/feuille-de-route/bilans/bilan-7-mai-2021/bilan.pdf")
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "Avancement moyen des mesures évaluées : 100 % (1 mesure évaluée sur 21)" in text
    assert "aucune mesure évaluée sur 7" in text
    assert "État figé au 7 mai 2021" in text
    assert "ne disent pas la même chose" in text
    assert "Avancement moyen des 21 mesures" not in text
