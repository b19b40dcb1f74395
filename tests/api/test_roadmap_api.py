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
    assert (by_number[2]["status"], by_number[2]["progress"]) == (None, None)
    assert by_number[2]["status_label"] == "Pas encore de bilan"


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


def test_summary_gives_every_roll_up_with_the_measures_it_rests_on(client, programme) -> None:
    data = client.get("/api/v1/roadmap/summary").json()
    assert (data["progress"], data["evaluated_count"], data["measure_count"]) == (100, 1, 21)
    assert data["basis"] == "1 mesure évaluée sur 21"
    strategic = next(d for d in data["dimensions"] if d["dimension"] == "strategic")
    assert (strategic["progress"], strategic["evaluated_count"], strategic["measure_count"]) == (None, 0, 7)
    assert data["csv_url"] == "/feuille-de-route/synthese.csv"


def test_workstreams_carry_their_own_review_and_the_disagreement_flag(client, programme) -> None:
    items = client.get("/api/v1/roadmap/workstreams").json()["items"]
    first, second = items[0], items[1]
    assert (first["progress"], first["evaluated_count"], first["measure_count"]) == (100, 1, 1)
    assert first["review"]["status"] == "en-cours"
    assert first["review_disagrees_with_measures"] is True
    assert (second["progress"], second["measure_count"], second["review_disagrees_with_measures"]) == (None, 0, False)


def test_bilan_progress_rests_on_its_evaluated_entries(client, programme) -> None:
    detail = client.get("/api/v1/roadmap/bilans/bilan-7-mai-2021").json()
    assert (detail["progress"], detail["evaluated_count"], detail["measure_count"]) == (100, 1, 21)
    entry_2 = next(e for e in detail["entries"] if e["number"] == 2)
    assert (entry_2["status"], entry_2["progress"]) == (None, None)
    chantier_1 = next(g for g in detail["groups"] if g["level"] == "chantier" and g["key"] == "1")
    assert chantier_1["review_disagrees_with_measures"] is True


def test_openapi_documents_the_roll_up_counts_and_null_progress(client, programme) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/roadmap/summary" in schema["paths"]
    components = schema["components"]["schemas"]
    workstream = components["WorkstreamOut"]["properties"]
    assert {"evaluated_count", "measure_count", "review_disagrees_with_measures"} <= workstream.keys()
    measure_progress = components["MeasureOut"]["properties"]["progress"]
    assert {"type": "null"} in measure_progress["anyOf"]
