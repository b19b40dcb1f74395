from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.utils.html import escape

from roadmap.models import Measure, ReviewStatus
from roadmap.services import bilan_freeze, review_add

pytestmark = pytest.mark.django_db


def test_overview_shows_the_summary_and_lists_every_measure_by_title(client, programme) -> None:
    response = client.get("/feuille-de-route/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Feuille de route : les résultats en synthèse" in html
    for measure in Measure.objects.filter(programme=programme):
        assert escape(measure.title) in html
    assert "Statuts des mesures par dimension" in html
    assert "Statuts des mesures par chantier structurel" in html
    assert 'src="/feuille-de-route/avancement.svg"' in html
    assert "/feuille-de-route/bilans/bilan-7-mai-2021/bilan.pdf" in html
    assert "/feuille-de-route/bilans/bilan-7-mai-2021/bilan.csv" in html


def test_progress_chart_is_an_svg(client, programme) -> None:
    response = client.get("/feuille-de-route/avancement.svg")
    assert response["Content-Type"].startswith("image/svg+xml")
    assert b"<svg" in response.content
    assert b"Chantier 1" in response.content


def test_measure_page_shows_its_content_and_its_timeline_of_reviews(client, programme) -> None:
    html = client.get("/feuille-de-route/mesures/1/").content.decode()
    assert "DJEPVA/Equipe projet de la mission" in html
    assert 'id="bilan-2021-05-07"' in html
    assert "Bilan au 7 mai 2021" in html
    assert "12 juillet 2021" in html


def test_a_measure_without_review_says_so(client, programme) -> None:
    html = client.get("/feuille-de-route/mesures/5/").content.decode()
    assert "Pas encore de bilan" in html


def test_unknown_measure_is_a_french_404_page(client, programme) -> None:
    response = client.get("/feuille-de-route/mesures/99/")
    assert response.status_code == 404
    assert "Page non trouvée" in response.content.decode()


def test_a_draft_measure_is_invisible_to_the_public(client, programme) -> None:
    Measure.objects.filter(programme=programme, number=21).update(live=False)
    assert client.get("/feuille-de-route/mesures/21/").status_code == 404
    assert "Inscrire les nouvelles formes" not in client.get("/feuille-de-route/").content.decode()


def test_workstream_page_shows_its_review_narrative(client, programme) -> None:
    html = client.get("/feuille-de-route/chantiers/droit-de-l-alliance/").content.decode()
    assert "Créer un droit de l&#x27;alliance" in html
    assert "Le second chantier structurel" in html


def test_bilan_pdf_is_a_pdf_download(client, programme) -> None:
    response = client.get("/feuille-de-route/bilans/bilan-7-mai-2021/bilan.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]


def test_bilan_csv_has_one_row_per_measure(client, programme) -> None:
    response = client.get("/feuille-de-route/bilans/bilan-7-mai-2021/bilan.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["bilan", "date_bilan", "numero", "titre"]
    assert len(rows) == 22
    assert rows[1][6] == "Atteinte"
    assert rows[2][6] == "Pas encore de bilan"


def test_measures_csv_lists_the_current_state(client, programme) -> None:
    response = client.get("/feuille-de-route/mesures.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 22


def test_two_bilans_can_be_compared_measure_by_measure(client, programme) -> None:
    measure_3 = Measure.objects.get(programme=programme, number=3)
    review_add(
        programme=programme,
        measure=measure_3,
        date=dt.date(2021, 9, 1),
        status=ReviewStatus.objects.get(slug="en-cours"),
        text="Les données sont ouvertes.",
    )
    bilan_freeze(
        programme=programme,
        title="Bilan à un an et demi",
        slug="bilan-18-mois",
        date=dt.date(2021, 11, 7),
        publish=True,
    )
    response = client.get("/feuille-de-route/bilans/bilan-18-mois/?comparer_avec=bilan-7-mai-2021")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Évolution mesure par mesure" in html
    assert "Première évaluation" in html  # measure 3 had no review: no invented « +50 points »


def test_comparing_with_an_unknown_bilan_is_a_french_error(client, programme) -> None:
    response = client.get("/feuille-de-route/bilans/bilan-7-mai-2021/?comparer_avec=<script>")
    assert response.status_code == 400
    html = response.content.decode()
    assert "n'existe pas ou n&#x27;est pas publié" in html or "n&#x27;existe pas ou n&#x27;est pas publié" in html
    assert "<script>" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_an_unpublished_bilan_is_invisible(client, programme) -> None:
    bilan_freeze(programme=programme, title="Brouillon", slug="brouillon", date=dt.date(2021, 8, 1))
    assert client.get("/feuille-de-route/bilans/brouillon/").status_code == 404
    assert client.get("/feuille-de-route/bilans/brouillon/bilan.pdf").status_code == 404
