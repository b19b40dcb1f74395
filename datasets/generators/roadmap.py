"""Generated dated reviews of the roadmap measures, through ``roadmap.services.review_add``.

``Review`` has no ``is_generated`` column: generated reviews carry ``source = GENERATED_SOURCE``
(shown on the measure page), and only ``generate_dataset --scale …`` writes them, never ``make run``.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from datasets.generators.common import Geography, Progress, raw_delete, rng_for
from datasets.vocabulary import GENERATED_SOURCE
from roadmap.models import Measure, Review, ReviewEvidence, ReviewStatus
from roadmap.services import review_add

LABEL = "Bilans de mesures"
FIRST_DAY = dt.date(2021, 1, 15)


def existing() -> int:
    return Review.objects.filter(source=GENERATED_SOURCE).count()


def reset() -> int:
    generated = Review.objects.filter(source=GENERATED_SOURCE)
    with transaction.atomic():
        raw_delete(ReviewEvidence.objects.filter(review__in=generated.values("pk")))
        return raw_delete(generated)


def measures() -> list[Measure]:
    return list(Measure.objects.published().select_related("programme").order_by("programme_id", "number"))


def generate(per_measure: int, *, seed: int, geo: Geography, progress: Progress) -> int:
    rng = rng_for(seed, "reviews")
    statuses = list(ReviewStatus.objects.order_by("position", "pk"))
    if not statuses:
        return 0
    written = 0
    with transaction.atomic():
        for measure in measures():
            for step in range(per_measure):
                date = FIRST_DAY + dt.timedelta(days=120 * step + rng.randrange(60))
                review_add(
                    programme=measure.programme,
                    measure=measure,
                    date=date,
                    status=statuses[min(len(statuses) - 1, rng.randrange(len(statuses)))],
                    text=f"Bilan fictif n° {step + 1} de la mesure {measure.number}, généré pour le banc d'essai.",
                    next_steps="Étapes fictives : poursuivre le suivi.",
                    source=GENERATED_SOURCE,
                )
                written += 1
            progress(per_measure)
    return written


def expected(per_measure: int) -> int:
    return per_measure * len(measures())
