"""The Observatoire page (charts and their tables), its CSV and its API."""

from __future__ import annotations

import csv
import io

import pytest

pytestmark = pytest.mark.django_db


def test_the_observatory_page_shows_each_indicator_with_a_chart_and_its_data_table(client, reference_data) -> None:
    response = client.get("/observatoire/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Observatoire des partenariats</h1>" in html
    assert 'class="fr-breadcrumb"' in html
    assert html.count('<figure class="fr-content-media at-chart"') == 4
    assert html.count("<caption>") == 5  # one table per chart, and the surveys
    assert "/observatoire/indicateurs/jouer-collectif-levier-indispensable.svg" in html
    assert "<td>92 %</td>" in html
    assert "<td>moins de 30 %</td>" in html
    assert "non précisée" in html  # margins of error the source does not give


def test_an_indicator_chart_is_an_svg_with_its_values(client, reference_data) -> None:
    response = client.get("/observatoire/indicateurs/jouer-collectif-levier-indispensable.svg")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    svg = response.content.decode()
    assert "81 %" in svg and "84 %" in svg and "92 %" in svg
    assert "maires (2020)" in svg


def test_an_unknown_indicator_chart_is_a_404(client, reference_data) -> None:
    assert client.get("/observatoire/indicateurs/inconnu.svg").status_code == 404


def test_the_csv_holds_every_figure_with_its_source(client, reference_data) -> None:
    response = client.get("/observatoire/chiffres.csv")
    assert response["Content-Disposition"] == 'attachment; filename="observatoire-chiffres.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 6
    maires = next(r for r in rows if r["population"] == "maires")
    assert (maires["valeur"], maires["unite"], maires["type_acteur"], maires["annee_decrite"]) == (
        "92",
        "%",
        "collectivite",
        "2020",
    )
    assert maires["marge_erreur"] == ""
    assert all(r["passage_source"] for r in rows)


def test_the_api_lists_surveys_and_figures_with_count_and_items(client, reference_data) -> None:
    surveys = client.get("/api/v1/observatory/surveys").json()
    assert surveys["count"] == 6
    academic = next(s for s in surveys["items"] if s["slug"] == "impact-academique")
    assert academic["year"] is None and academic["sample_size"] is None and academic["figure_count"] == 0
    figures = client.get("/api/v1/observatory/figures").json()
    assert figures["count"] == 6
    fewer = next(f for f in figures["items"] if f["slug"] == "organisations-pratiquant-les-alliances-2011")
    assert (fewer["value_qualifier"], fewer["value_label"], fewer["actor_kind"]) == ("moins de", "moins de 30 %", None)
    assert fewer["margin_of_error"] is None
    assert fewer["source"]["passage"].startswith("Moins de 30% des organisations")


def test_the_knowledge_api_gives_forces_actors_and_history(client, reference_data) -> None:
    forces = client.get("/api/v1/knowledge/forces-of-change").json()
    assert forces["count"] == 7
    assert forces["items"][6]["illustration"] is None
    funds = client.get("/api/v1/knowledge/reference-actors", {"kind": "fonds"}).json()
    assert {a["name"] for a in funds["items"]} == {"Fonds ODD17", "Fonds i"}
    assert client.get("/api/v1/knowledge/reference-actors", {"kind": ""}).json()["count"] == 29
    refused = client.get("/api/v1/knowledge/reference-actors", {"kind": "inconnu"})
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["field"] == "kind"
    history = client.get("/api/v1/knowledge/history", {"limit": 1}).json()
    assert history["items"][0]["date_label"] == "2008"
    assert history["items"][0]["date_precision"] == "year"


def test_the_home_page_shows_the_observatory_headline_figures_with_their_population_year_and_source(
    client, reference_data
) -> None:
    html = client.get("/").content.decode()
    section = html[html.index('id="chiffres-observatoire"') :][:3000]
    assert "81 %" in section
    assert "des maires (2020)" in section
    assert "Source : Bilan de la feuille de route de la mission ministérielle" in section
    assert "Exemple fictif" not in section


def test_the_home_page_leaves_out_the_observatory_section_when_no_figure_is_loaded(client, vocabularies) -> None:
    assert 'id="chiffres-observatoire"' not in client.get("/").content.decode()
