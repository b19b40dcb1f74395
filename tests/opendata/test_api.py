"""The API and the files say the same: the catalogue's figures, and each dataset beside its own endpoint."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal

import pytest

from opendata.registry import datasets
from tests.opendata.validation import download

pytestmark = pytest.mark.django_db


def _rows(client, name: str) -> list[dict[str, str]]:
    text = download(client, f"/donnees/{name}/{name}.csv").decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def _items(client, url: str) -> list[dict]:
    body = client.get(url).json()
    assert body["count"] == len(body["items"]), "one page holds every item of the test"
    return body["items"]


def _moment(value: str | None) -> dt.datetime | dt.date | None:
    if value is None:
        return None
    parsed = dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)
    return parsed.replace(microsecond=0) if isinstance(parsed, dt.datetime) else parsed


def test_the_catalogue_api_gives_each_files_columns_row_count_and_date(client, public_content) -> None:
    body = client.get("/api/v1/datasets").json()
    assert body["count"] == len(datasets()) == len(body["items"])
    for item in body["items"]:
        text = download(client, item["csv_url"]).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        assert rows[0] == item["columns"], item["name"]
        assert len(rows) - 1 == item["row_count"], item["name"]
        resource = json.loads(download(client, item["datapackage_url"]))["resources"][0]
        assert resource["rowCount"] == item["row_count"]
        assert _moment(resource.get("lastModified")) == _moment(item["last_modified"]), item["name"]


def test_observatory_figures_match_the_api(client, reference_data) -> None:
    rows = _rows(client, "observatoire-chiffres")
    api = _items(client, "/api/v1/observatory/figures?limit=100")
    from_file = [(r["code_indicateur"], r["population"], Decimal(r["valeur"].replace(",", "."))) for r in rows]
    from_api = [(f["indicator_code"], f["population"], Decimal(str(f["value"]))) for f in api]
    assert from_file == from_api and from_file


def test_observatory_surveys_match_the_api(client, reference_data) -> None:
    rows = _rows(client, "observatoire-enquetes")
    api = _items(client, "/api/v1/observatory/surveys?limit=100")
    assert [(r["identifiant"], int(r["chiffres"])) for r in rows] == [(s["slug"], s["figure_count"]) for s in api]


def test_measures_match_the_api(client, reference_data) -> None:
    rows = _rows(client, "feuille-de-route-mesures")
    api = _items(client, "/api/v1/roadmap/measures?limit=100")
    assert len(rows) == 21
    assert [(int(r["numero"]), r["statut"], r["avancement_pct"]) for r in rows] == [
        (m["number"], m["status_label"], "" if m["progress"] is None else str(m["progress"])) for m in api
    ]


def test_cases_match_the_api_without_demo(client, public_content) -> None:
    rows = _rows(client, "exemples-inspirants")
    api = _items(client, "/api/v1/cases?exemples=masquer&limit=200")
    assert sorted(r["identifiant"] for r in rows) == sorted(c["slug"] for c in api)
    assert public_content["case"].slug in {r["identifiant"] for r in rows}
    assert public_content["demo_case"].slug not in {r["identifiant"] for r in rows}


def test_tools_match_the_api_without_demo(client, public_content) -> None:
    rows = _rows(client, "outils-et-methodes")
    api = _items(client, "/api/v1/tools?exemples=masquer&limit=200")
    assert sorted(r["adresse"].split("://", 1)[1].split("/", 1)[1] for r in rows) == sorted(
        t["url"].lstrip("/") for t in api
    )
    assert [r["titre"] for r in rows] == ["Outil réel"]


def test_events_match_the_api_without_demo(client, public_content) -> None:
    rows = _rows(client, "evenements")
    api = _items(client, "/api/v1/resources?section=event&exemples=masquer&limit=200")
    assert sorted(r["titre"] for r in rows) == sorted(e["title"] for e in api)
    event = next(r for r in rows if r["titre"] == "Rencontre réelle")
    assert event["organisateur"] == "Une association" and event["territoire"] == "Marseille (13)"


def test_catalysts_match_the_api_without_demo(client, public_content) -> None:
    rows = _rows(client, "catalyseurs")
    api = _items(client, "/api/v1/catalysts?is_demo=false&limit=100")
    assert [r["identifiant"] for r in rows] == [c["slug"] for c in api] == [public_content["catalyst"].slug]
    assert rows[0]["departements_couverts"] == " | ".join(api[0]["departements"])


def test_listings_match_the_api_and_flag_the_demo_ones(client, public_content) -> None:
    rows = _rows(client, "faire-alliance-annonces")
    api = _items(client, "/api/v1/alliance/needs?limit=100") + _items(client, "/api/v1/alliance/offers?limit=100")
    assert sorted((int(r["id"]), r["exemple_fictif"]) for r in rows) == sorted(
        (listing["id"], "oui" if listing["is_demo"] else "non") for listing in api
    )
    real = next(r for r in rows if int(r["id"]) == public_content["listing"].pk)
    assert real["organisation"] == "'=Association au nom piégé"  # a spreadsheet never runs it as a formula
