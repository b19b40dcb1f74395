"""Due dates of the measures' next bilans and the traffic light (« à jour », « bilan attendu », « en retard »).

Rules (docs/adr/0032-facilitators-bilans-and-due-dates.md):
- a measure without a published bilan is due at the end of its dimension's horizon after the
  programme's start (operational 9 months, strategic 12, political 18);
- a measure with one is due its review rhythm (12 months by default) after its latest bilan;
- a due date the mission team typed replaces the computed one while it is later than the latest bilan
  (a bilan published since answers it, and the computed date takes over again);
- « bilan attendu » from ``DUE_SOON_DAYS`` days before the due date to the due date itself,
  « en retard » after it, « à jour » before. Every date says how it was obtained.

Pure functions of the measure and of ``today``: the tests pass a fixed clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from core.dates import french_date
from roadmap.models import HORIZON_MONTHS, Dimension, Measure

DUE_SOON_DAYS = 30
_DIMENSIONS = dict(Dimension.choices)


class Light(Enum):
    """Ordered from best to worst: a workstream shows the worst of its measures."""

    UP_TO_DATE = ("a-jour", "à jour", "success")
    DUE = ("bilan-attendu", "bilan attendu", "warning")
    LATE = ("en-retard", "en retard", "error")

    def __init__(self, slug: str, label: str, badge: str) -> None:
        self.slug = slug
        self.label = label
        self.badge = badge  # DSFR badge variant

    @property
    def rank(self) -> int:
        return list(Light).index(self)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months; the 31st becomes the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Deadline:
    due: dt.date
    light: Light
    explanation: str  # how the due date was obtained, shown beside it
    computed: bool

    @property
    def label(self) -> str:
        """« en retard depuis le 7 mai 2022 », « bilan attendu le 7 mai 2022 », « à jour (prochain bilan le …) »."""
        day = french_date(self.due)
        if self.light is Light.LATE:
            return f"en retard : bilan attendu le {day}"
        if self.light is Light.DUE:
            return f"bilan attendu le {day}"
        return f"à jour : prochain bilan attendu le {day}"


def measure_deadline(
    measure: Measure, *, last_review_date: dt.date | None, programme_start: dt.date, today: dt.date
) -> Deadline:
    """The due date of ``measure``'s next bilan and its light on ``today``."""
    typed = measure.review_due_date
    if typed is not None and (last_review_date is None or typed > last_review_date):
        due, computed = typed, False
        explanation = "échéance fixée par l'équipe de la mission"
    elif last_review_date is not None:
        rhythm = measure.review_rhythm_months
        due, computed = add_months(last_review_date, rhythm), True
        explanation = (
            f"échéance calculée à partir du dernier bilan publié (bilan au {french_date(last_review_date)}) "
            f"et du rythme des bilans de la mesure (tous les {rhythm} mois)"
        )
    else:
        low, high = HORIZON_MONTHS[measure.dimension]
        due, computed = add_months(programme_start, high), True
        explanation = (
            f"échéance calculée à partir de l'horizon de la dimension {_DIMENSIONS[measure.dimension]} "
            f"(premiers effets à {low}/{high} mois) et du lancement de la feuille de route le "
            f"{french_date(programme_start)}"
        )
    return Deadline(due=due, light=light_on(due, today=today), explanation=explanation, computed=computed)


def light_on(due: dt.date, *, today: dt.date) -> Light:
    if today > due:
        return Light.LATE
    if today >= due - dt.timedelta(days=DUE_SOON_DAYS):
        return Light.DUE
    return Light.UP_TO_DATE


@dataclass(frozen=True)
class GroupLight:
    """The worst light of a set of measures and how many of them have it."""

    light: Light | None
    count: int
    total: int

    @classmethod
    def of(cls, deadlines: Iterable[Deadline]) -> GroupLight:
        lights = [deadline.light for deadline in deadlines]
        if not lights:
            return cls(light=None, count=0, total=0)
        worst = max(lights, key=lambda light: light.rank)
        return cls(light=worst, count=lights.count(worst), total=len(lights))

    @property
    def label(self) -> str:
        """« en retard (3 mesures sur 5) », « à jour (1 mesure sur 1) », « aucune mesure rattachée »."""
        if self.light is None:
            return "aucune mesure rattachée"
        plural = "s" if self.count > 1 else ""
        return f"{self.light.label} ({self.count} mesure{plural} sur {self.total})"
