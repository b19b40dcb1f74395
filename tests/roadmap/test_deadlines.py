"""The traffic light of the measures' next bilans, table-driven on a fixed clock (no real date is read)."""

from __future__ import annotations

import datetime as dt

import pytest

from roadmap.deadlines import GroupLight, Light, add_months, light_on, measure_deadline
from roadmap.models import Measure

START = dt.date(2020, 5, 7)


def _measure(dimension: str = "operational", *, due: dt.date | None = None, rhythm: int = 12) -> Measure:
    return Measure(number=2, title="Essai", dimension=dimension, review_due_date=due, review_rhythm_months=rhythm)


@pytest.mark.parametrize(
    ("dimension", "last_review", "typed_due", "rhythm", "today", "due", "light", "computed"),
    [
        # No bilan: end of the dimension's horizon after the programme's start (9, 12, 18 months).
        ("operational", None, None, 12, dt.date(2020, 12, 1), dt.date(2021, 2, 7), Light.UP_TO_DATE, True),
        ("operational", None, None, 12, dt.date(2021, 1, 8), dt.date(2021, 2, 7), Light.DUE, True),
        ("operational", None, None, 12, dt.date(2021, 2, 7), dt.date(2021, 2, 7), Light.DUE, True),
        ("operational", None, None, 12, dt.date(2021, 2, 8), dt.date(2021, 2, 7), Light.LATE, True),
        ("strategic", None, None, 12, dt.date(2021, 1, 1), dt.date(2021, 5, 7), Light.UP_TO_DATE, True),
        ("political", None, None, 12, dt.date(2021, 11, 1), dt.date(2021, 11, 7), Light.DUE, True),
        # After a bilan: its date plus the measure's rhythm.
        (
            "operational",
            dt.date(2021, 5, 7),
            None,
            12,
            dt.date(2021, 6, 1),
            dt.date(2022, 5, 7),
            Light.UP_TO_DATE,
            True,
        ),
        ("operational", dt.date(2021, 5, 7), None, 6, dt.date(2021, 11, 8), dt.date(2021, 11, 7), Light.LATE, True),
        # A typed due date wins while it is later than the latest bilan…
        (
            "political",
            None,
            dt.date(2023, 1, 31),
            12,
            dt.date(2022, 6, 1),
            dt.date(2023, 1, 31),
            Light.UP_TO_DATE,
            False,
        ),
        (
            "operational",
            dt.date(2021, 5, 7),
            dt.date(2021, 9, 1),
            12,
            dt.date(2021, 9, 2),
            dt.date(2021, 9, 1),
            Light.LATE,
            False,
        ),
        # …and a bilan published after it answers it: the computed date takes over.
        (
            "operational",
            dt.date(2021, 10, 1),
            dt.date(2021, 9, 1),
            12,
            dt.date(2021, 10, 2),
            dt.date(2022, 10, 1),
            Light.UP_TO_DATE,
            True,
        ),
    ],
)
def test_due_date_and_light(dimension, last_review, typed_due, rhythm, today, due, light, computed) -> None:
    deadline = measure_deadline(
        _measure(dimension, due=typed_due, rhythm=rhythm),
        last_review_date=last_review,
        programme_start=START,
        today=today,
    )
    assert (deadline.due, deadline.light, deadline.computed) == (due, light, computed)


def test_a_computed_date_says_how_it_was_obtained() -> None:
    deadline = measure_deadline(_measure(), last_review_date=None, programme_start=START, today=dt.date(2026, 12, 3))
    assert deadline.explanation == (
        "échéance calculée à partir de l'horizon de la dimension opérationnelle (premiers effets à 3/9 mois) "
        "et du lancement de la feuille de route le 7 mai 2020"
    )
    assert deadline.label == "en retard : bilan attendu le 7 février 2021"


def test_a_typed_date_says_the_mission_team_set_it() -> None:
    deadline = measure_deadline(
        _measure(due=dt.date(2027, 3, 1)), last_review_date=None, programme_start=START, today=dt.date(2026, 12, 3)
    )
    assert deadline.explanation == "échéance fixée par l'équipe de la mission"
    assert deadline.label == "à jour : prochain bilan attendu le 1er mars 2027"


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2020, 5, 7), 9, dt.date(2021, 2, 7)),
        (dt.date(2021, 8, 31), 6, dt.date(2022, 2, 28)),
        (dt.date(2023, 8, 31), 6, dt.date(2024, 2, 29)),
        (dt.date(2020, 12, 15), 1, dt.date(2021, 1, 15)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_last_of_the_month(day, months, expected) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("lights", "expected_light", "count", "label"),
    [
        ([], None, 0, "aucune mesure rattachée"),
        ([Light.UP_TO_DATE], Light.UP_TO_DATE, 1, "à jour (1 mesure sur 1)"),
        ([Light.UP_TO_DATE, Light.DUE, Light.DUE], Light.DUE, 2, "bilan attendu (2 mesures sur 3)"),
        (
            [Light.LATE, Light.DUE, Light.UP_TO_DATE, Light.LATE, Light.LATE],
            Light.LATE,
            3,
            "en retard (3 mesures sur 5)",
        ),
    ],
)
def test_a_chantier_shows_the_worst_light_of_its_measures_and_how_many(lights, expected_light, count, label) -> None:
    today = dt.date(2026, 1, 1)
    dues = {Light.UP_TO_DATE: today + dt.timedelta(days=90), Light.DUE: today, Light.LATE: today - dt.timedelta(days=1)}
    deadlines = [
        measure_deadline(_measure(due=dues[light]), last_review_date=None, programme_start=START, today=today)
        for light in lights
    ]
    group = GroupLight.of(deadlines)
    assert (group.light, group.count, group.label) == (expected_light, count, label)


def test_the_light_changes_exactly_at_the_due_soon_window() -> None:
    due = dt.date(2026, 6, 30)
    assert light_on(due, today=dt.date(2026, 5, 30)) is Light.UP_TO_DATE
    assert light_on(due, today=dt.date(2026, 5, 31)) is Light.DUE
