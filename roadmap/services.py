"""Writes of the roadmap tracker. Each service is one transaction: it saves all or nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from roadmap.models import Bilan, BilanEntry, Measure, Programme, Review, ReviewEvidence, ReviewStatus, Workstream


@transaction.atomic
def review_add(
    *,
    programme: Programme,
    measure: Measure | None = None,
    workstream: Workstream | None = None,
    date: dt.date,
    status: ReviewStatus | None,
    text: str,
    next_steps: str = "",
    next_step_date: dt.date | None = None,
    progress: int | None = None,
    evidence_links: Iterable[tuple[str, str]] = (),
    status_justification: str = "",
    source: str = "",
    author: AbstractBaseUser | None = None,
) -> Review:
    """Record a dated review of a measure or a workstream, with its evidence links."""
    if status is None:
        raise ValidationError({"status": "Choisissez le statut du bilan."})
    review = Review(
        programme=programme,
        measure=measure,
        workstream=workstream,
        date=date,
        status=status,
        progress=status.default_progress if progress is None else progress,
        text=text,
        next_steps=next_steps,
        next_step_date=next_step_date,
        status_justification=status_justification,
        source=source,
        author=author,
    )
    review.full_clean()
    review.save()
    links = [
        ReviewEvidence(review=review, url=url, label=label, sort_order=i)
        for i, (url, label) in enumerate(evidence_links)
    ]
    for link in links:
        link.full_clean(exclude=["review"])
    ReviewEvidence.objects.bulk_create(links)
    return review


@transaction.atomic
def bilan_freeze(
    *,
    programme: Programme,
    title: str,
    date: dt.date,
    summary: str = "",
    slug: str = "",
    author: AbstractBaseUser | None = None,
    publish: bool = False,
) -> Bilan:
    """Freeze the state of every published measure of ``programme`` as of ``date``.

    A measure's state is its latest review dated on or before ``date``; the values are copied
    into the bilan so that later reviews or edits never change it.
    """
    bilan = Bilan(
        programme=programme,
        slug=slug or slugify(title)[:120],
        title=title,
        date=date,
        summary=summary,
        author=author,
        is_published=publish,
    )
    bilan.full_clean()
    bilan.save()
    measures: Sequence[Measure] = list(
        Measure.objects.filter(programme=programme).published().prefetch_related("workstreams").order_by("number")
    )
    latest_by_measure: dict[int, Review] = {}
    reviews = (
        Review.objects.filter(measure__in=measures, date__lte=date)
        .select_related("status")
        .order_by("measure_id", "date", "id")
    )
    for review in reviews:
        latest_by_measure[review.measure_id] = review  # ordered: the last one wins
    entries = []
    for measure in measures:
        review = latest_by_measure.get(measure.pk)
        entries.append(
            BilanEntry(
                bilan=bilan,
                measure=measure,
                measure_number=measure.number,
                measure_title=measure.title,
                dimension=measure.dimension,
                workstream_numbers=",".join(
                    str(w.number) for w in sorted(measure.workstreams.all(), key=lambda w: w.number)
                ),
                status_slug=review.status.slug if review else "",
                status_name=review.status.name if review else "",
                progress=review.progress if review else None,
                review_date=review.date if review else None,
                review_text=review.text if review else "",
                next_steps=review.next_steps if review else "",
            )
        )
    BilanEntry.objects.bulk_create(entries)
    return bilan


def bilan_set_published(*, bilan: Bilan, published: bool) -> Bilan:
    bilan.is_published = published
    bilan.save(update_fields=["is_published"])
    return bilan
