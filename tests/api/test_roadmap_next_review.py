"""The API gives each measure's due date, its state and how the date was obtained, as the pages do."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_a_measure_says_when_its_next_bilan_is_due_and_why(client, programme) -> None:
    data = client.get("/api/v1/roadmap/measures/2").json()
    assert data["next_review"] == {
        "due_date": "2021-02-07",
        "state": "en-retard",
        "state_label": "en retard",
        "computed": True,
        "explanation": (
            "échéance calculée à partir de l'horizon de la dimension opérationnelle (premiers effets à 3/9 mois) "
            "et du lancement de la feuille de route le 7 mai 2020"
        ),
    }


def test_the_list_gives_every_measure_its_next_bilan(client, programme) -> None:
    items = client.get("/api/v1/roadmap/measures?limit=100").json()["items"]
    assert {item["number"]: item["next_review"]["due_date"] for item in items if item["number"] in (1, 8, 15)} == {
        1: "2022-05-07",  # bilan au 7 mai 2021 + 12 mois
        8: "2021-05-07",  # stratégique : 12 mois après le lancement
        15: "2021-11-07",  # politique : 18 mois après le lancement
    }
