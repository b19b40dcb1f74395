from __future__ import annotations

import pytest

from roadmap.models import Measure

pytestmark = pytest.mark.django_db


def test_measures_list_serves_the_21_measures_with_their_titles_and_dimensions(client, programme) -> None:
    data = client.get("/api/v1/roadmap/measures?limit=100").json()
    assert data["count"] == 21
    by_number = {item["number"]: item for item in data["items"]}
    for measure in Measure.objects.filter(programme=programme):
        assert by_number[measure.number]["title"] == measure.title
        assert by_number[measure.number]["dimension"] == measure.dimension
    first = by_number[1]
    assert first["horizon_months"] == {"min": 3, "max": 9}
    assert first["workstreams"] == [1]
    assert (first["status"], first["progress"]) == ("atteinte", 100)
    assert by_number[15]["horizon_months"] == {"min": 12, "max": 18}
    assert by_number[2]["status"] is None


def test_measures_list_is_paginated(client, programme) -> None:
    data = client.get("/api/v1/roadmap/measures?limit=5&offset=5").json()
    assert data["count"] == 21
    assert [item["number"] for item in data["items"]] == [6, 7, 8, 9, 10]


@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ("dimension=strategic", list(range(8, 15))),
        ("workstream=1", [1]),
        ("status=atteinte", [1]),
        ("status=pas-encore-de-bilan&dimension=operational", [2, 3, 4, 5, 6, 7]),
    ],
)
def test_measures_can_be_filtered(client, programme, query, numbers) -> None:
    data = client.get(f"/api/v1/roadmap/measures?{query}").json()
    assert [item["number"] for item in data["items"]] == numbers


@pytest.mark.parametrize("field", ["dimension", "workstream", "status"])
def test_an_unknown_filter_value_is_a_422_naming_the_field(client, programme, field) -> None:
    response = client.get(f"/api/v1/roadmap/measures?{field}=inconnu")
    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert detail["field"] == field
    assert "inconnu" in detail["msg"].lower()


def test_a_malformed_limit_is_a_422_in_french(client, programme) -> None:
    response = client.get("/api/v1/roadmap/measures?limit=abc")
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "Valeur invalide pour le paramètre « limit »."


def test_measure_detail_has_objective_facilitators_results_and_reviews(client, programme) -> None:
    data = client.get("/api/v1/roadmap/measures/1").json()
    assert data["objective"].startswith("Créer un espace numérique")
    assert data["facilitators"] == "DJEPVA/Equipe projet de la mission"
    assert data["expected_results"] == "3 mois pour un site « vitrine » opérationnel"
    review = data["reviews"][0]
    assert review["date"] == "2021-05-07"
    assert review["status"] == "atteinte"
    assert review["next_step_date"] == "2021-07-12"
    assert {"text", "next_steps"} <= review.keys()


def test_unknown_measure_is_a_json_404(client, programme) -> None:
    response = client.get("/api/v1/roadmap/measures/42")
    assert response.status_code == 404
    assert response.json() == {"detail": "Mesure 42 introuvable."}


def test_workstreams_and_bilans_are_lists_with_count(client, programme) -> None:
    workstreams = client.get("/api/v1/roadmap/workstreams").json()
    assert workstreams["count"] == 4
    assert workstreams["items"][0]["measures"] == [1]
    bilans = client.get("/api/v1/roadmap/bilans").json()
    assert bilans["count"] == 1
    assert bilans["items"][0]["date"] == "2021-05-07"
    assert bilans["items"][0]["pdf_url"].endswith("bilan.pdf")
    detail = client.get("/api/v1/roadmap/bilans/bilan-7-mai-2021").json()
    assert len(detail["entries"]) == 21


def test_openapi_document_and_interactive_docs_are_served(client, programme) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/roadmap/measures/{number}" in schema["paths"]
    assert client.get("/api/v1/docs").status_code == 200
