"""/donnees/: the catalogue page, each dataset's page, and its files dated by the data's own last change."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils.http import http_date

from observatory.models import Survey, SurveyFigure
from opendata.registry import datasets
from tests.opendata.validation import download

pytestmark = pytest.mark.django_db
FIXED = dt.datetime(2024, 3, 1, 10, 30, tzinfo=dt.UTC)


def _date_the_observatory(moment: dt.datetime) -> None:
    SurveyFigure.objects.update(updated_at=moment)
    Survey.objects.update(updated_at=moment)


def test_the_page_lists_every_dataset_with_its_files_count_and_date(client, reference_data) -> None:
    _date_the_observatory(FIXED)
    html = client.get("/donnees/").content.decode()
    assert "<h1>Données ouvertes</h1>" in html
    assert "<caption>Jeux de données publiés" in html
    assert "Licence Ouverte 2.0 (Etalab)" in html
    for dataset in datasets():
        assert f'href="/donnees/{dataset.name}/{dataset.name}.csv"' in html
        assert f'href="/donnees/{dataset.name}/schema.json"' in html
        assert f'href="/donnees/{dataset.name}/datapackage.json"' in html
    figures = SurveyFigure.objects.count()
    assert '<a href="/donnees/observatoire-chiffres/">' in html
    row = html.split('<a href="/donnees/observatoire-chiffres/">')[1].split("</tr>")[0]
    assert f"<td>{figures}</td>" in row
    assert "<td>1er mars 2024</td>" in row  # the data's last change, in French, not the day of the request


def test_a_dataset_without_rows_says_so_instead_of_a_date(client, db) -> None:
    html = client.get("/donnees/").content.decode()
    row = html.split('<a href="/donnees/observatoire-chiffres/">')[1].split("</tr>")[0]
    assert "<td>0</td>" in row and "aucune donnée" in row


def test_the_footer_and_navigation_lead_to_the_open_data(client, db) -> None:
    html = client.get("/mentions-legales/").content.decode()
    assert 'href="/donnees/"' in html


def test_a_dataset_page_describes_each_column_in_a_table(client, reference_data) -> None:
    response = client.get("/donnees/observatoire-chiffres/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<caption>Colonnes du fichier observatoire-chiffres.csv" in html
    assert '<th scope="row"><code>valeur</code></th>' in html
    assert "virgule décimale" in html
    assert 'class="fr-breadcrumb"' in html


@pytest.mark.parametrize(
    "url",
    [
        "/donnees/inconnu/",
        "/donnees/inconnu/schema.json",
        "/donnees/inconnu/inconnu.csv",
        "/donnees/inconnu/datapackage.json",
    ],
)
def test_an_unknown_dataset_is_a_404(client, db, url) -> None:
    assert client.get(url).status_code == 404


def test_a_csv_under_another_name_than_its_dataset_is_a_404(client, db) -> None:
    assert client.get("/donnees/observatoire-chiffres/autre.csv").status_code == 404


def test_the_csv_is_streamed_and_dated_by_its_data(client, reference_data) -> None:
    _date_the_observatory(FIXED)
    response = client.get("/donnees/observatoire-chiffres/observatoire-chiffres.csv")
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Last-Modified"] == http_date(FIXED.timestamp())
    assert 'filename="observatoire-chiffres.csv"' in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeffindicateur;code_indicateur;")
    assert len(text.strip().split("\r\n")) == SurveyFigure.objects.count() + 1


def test_an_unchanged_csv_is_not_sent_again(client, reference_data) -> None:
    _date_the_observatory(FIXED)
    response = client.get(
        "/donnees/observatoire-chiffres/observatoire-chiffres.csv", HTTP_IF_MODIFIED_SINCE=http_date(FIXED.timestamp())
    )
    assert response.status_code == 304


def test_the_schema_says_the_licence_the_demo_rule_and_the_constraints(client, reference_data) -> None:
    import json

    schema = json.loads(download(client, "/donnees/observatoire-chiffres/schema.json"))
    assert schema["licenses"][0]["name"] == "etalab-2.0"
    assert "Aucun exemple fictif" in schema["description"]
    valeur = next(f for f in schema["fields"] if f["name"] == "valeur")
    assert valeur == {
        "name": "valeur",
        "title": "valeur",
        "type": "number",
        "description": "La valeur, dans l'unité de la colonne unite.",
        "decimalChar": ",",
        "constraints": {"required": True},
    }


def test_the_catalogue_package_lists_every_dataset_with_relative_paths_and_dates(client, reference_data) -> None:
    import json

    _date_the_observatory(FIXED)
    package = json.loads(download(client, "/donnees/datapackage.json"))
    assert package["licenses"][0]["name"] == "etalab-2.0"
    by_name = {r["name"]: r for r in package["resources"]}
    assert set(by_name) == {d.name for d in datasets()}
    figures = by_name["observatoire-chiffres"]
    assert figures["path"] == "observatoire-chiffres/observatoire-chiffres.csv"
    assert figures["lastModified"] == "2024-03-01T10:30:00Z"
    assert figures["rowCount"] == SurveyFigure.objects.count()
    assert figures["dialect"]["delimiter"] == ";"
