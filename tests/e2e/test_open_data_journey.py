"""A reuser opens « Données ouvertes » from the footer, downloads a CSV and its schema, validates one with the other."""

from __future__ import annotations

import json
import re

import pytest

from tests.e2e.accessibility import assert_accessible
from tests.e2e.screenshots import shot
from tests.opendata.validation import errors, validate_csv_with_schema

pytestmark = pytest.mark.e2e


def test_download_a_dataset_and_its_schema_then_validate(page, tmp_path) -> None:
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name="API et données ouvertes").click()
    page.wait_for_url(re.compile(r"/donnees/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Données ouvertes"
    catalogue = page.get_by_role("table", name=re.compile("^Jeux de données publiés"))
    assert catalogue.is_visible()
    assert "Licence Ouverte 2.0" in page.locator("main").inner_text()
    assert_accessible(page)
    shot(page, "donnees-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, "donnees-390")
    page.set_viewport_size({"width": 1280, "height": 900})

    row = catalogue.get_by_role("row").filter(has_text="Observatoire des partenariats : les chiffres")
    assert re.search(r"\b\d{1,2}(er)? [a-zéû]+ \d{4}\b", row.inner_text())  # a date in French
    with page.expect_download() as csv_download:
        row.get_by_role("link", name="CSV").click()
    csv_path = tmp_path / "observatoire-chiffres.csv"
    csv_download.value.save_as(csv_path)

    row.get_by_role("link", name="Observatoire des partenariats : les chiffres des enquêtes").click()
    page.wait_for_url(re.compile(r"/donnees/observatoire-chiffres/$"))
    assert page.get_by_role("table", name=re.compile("^Colonnes du fichier observatoire-chiffres.csv")).is_visible()
    assert_accessible(page)
    schema_response = page.request.get(page.get_by_role("link", name="Schéma (schema.json)").get_attribute("href"))
    assert schema_response.ok
    schema_path = tmp_path / "schema.json"
    schema_path.write_bytes(schema_response.body())
    assert json.loads(schema_path.read_text(encoding="utf-8"))["licenses"][0]["name"] == "etalab-2.0"

    report = validate_csv_with_schema(csv_path, schema_path)
    assert report.valid, errors(report)
    assert report.tasks[0].stats["rows"] > 0
