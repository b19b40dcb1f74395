"""Reads of the roadmap tracker, shared by the HTML pages, the exports and the API.

Progress rolls up as follows (docs/adr/0004-progress-roll-up.md): a measure's progress is the
progress of its latest review (0 while it has none); a dimension, a workstream and the
programme take the mean progress of the published measures they gather.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from roadmap.models import (
    HORIZON_MONTHS,
    Bilan,
    BilanEntry,
    Dimension,
    Measure,
    Programme,
    Review,
    ReviewStatus,
    Workstream,
)

NO_REVIEW_LABEL = "Pas encore de bilan"
NO_REVIEW_SLUG = "pas-encore-de-bilan"


def current_programme() -> Programme | None:
    """The programme shown by the public pages: the most recently started one."""
    return Programme.objects.order_by("-start_date", "-id").first()


def measures_with_state(
    programme: Programme,
    *,
    dimension: str | None = None,
    workstream: Workstream | None = None,
    status_slug: str | None = None,
) -> QuerySet[Measure]:
    queryset = (
        Measure.objects.filter(programme=programme)
        .published()
        .with_current_state()
        .prefetch_related(Prefetch("workstreams", queryset=Workstream.objects.order_by("number")))
        .order_by("number")
    )
    if dimension:
        queryset = queryset.filter(dimension=dimension)
    if workstream is not None:
        queryset = queryset.filter(workstreams=workstream)
    if status_slug == NO_REVIEW_SLUG:
        queryset = queryset.filter(current_status_slug__isnull=True)
    elif status_slug:
        queryset = queryset.filter(current_status_slug=status_slug)
    return queryset


def status_choices() -> list[tuple[str, str]]:
    statuses = [(s.slug, s.name) for s in ReviewStatus.objects.all()]
    return [*statuses, (NO_REVIEW_SLUG, NO_REVIEW_LABEL)]


def measure_progress(measure: Measure) -> int:
    return measure.current_progress or 0  # type: ignore[attr-defined]


def measure_status_label(measure: Measure) -> str:
    return measure.current_status_name or NO_REVIEW_LABEL  # type: ignore[attr-defined]


def _mean(values: list[int]) -> int | None:
    return round(sum(values) / len(values)) if values else None


@dataclass
class Group:
    """A set of measures (a dimension, a workstream, the programme) and its rolled-up state."""

    key: str
    label: str
    measures: list[Measure] = field(default_factory=list)
    horizon: tuple[int, int] | None = None
    url: str = ""

    @property
    def progress(self) -> int | None:
        return _mean([measure_progress(m) for m in self.measures])

    @property
    def status_counts(self) -> list[tuple[str, int]]:
        counts = Counter(measure_status_label(m) for m in self.measures)
        return sorted(counts.items(), key=lambda item: (item[0] == NO_REVIEW_LABEL, item[0]))

    @property
    def reviewed_count(self) -> int:
        return sum(1 for m in self.measures if m.current_status_slug)  # type: ignore[attr-defined]


@dataclass
class ProgrammeSummary:
    programme: Programme
    measures: list[Measure]
    total: Group
    by_dimension: list[Group]
    by_workstream: list[Group]
    statuses: list[str]
    latest_workstream_reviews: dict[int, Review]

    def status_table(self, groups: list[Group]) -> list[tuple[Group, list[int]]]:
        """Rows of a status × group table: for each group, its count of measures per status."""
        rows = []
        for group in groups:
            counts = dict(group.status_counts)
            rows.append((group, [counts.get(status, 0) for status in self.statuses]))
        return rows


def programme_summary(programme: Programme | None = None) -> ProgrammeSummary | None:
    programme = programme or current_programme()
    if programme is None:
        return None
    measures = list(measures_with_state(programme))
    by_dimension = [
        Group(
            key=value,
            label=f"Mesures {label}s",
            measures=[m for m in measures if m.dimension == value],
            horizon=HORIZON_MONTHS[value],
        )
        for value, label in Dimension.choices
    ]
    workstreams = list(programme.workstreams.order_by("number"))
    by_workstream = [
        Group(
            key=str(w.number),
            label=f"Chantier {w.number} — {w.title}",
            measures=[m for m in measures if w in m.workstreams.all()],
            url=w.get_absolute_url(),
        )
        for w in workstreams
    ]
    used = {measure_status_label(m) for m in measures}
    statuses = [s.name for s in ReviewStatus.objects.all() if s.name in used]
    if NO_REVIEW_LABEL in used:
        statuses.append(NO_REVIEW_LABEL)
    latest_reviews: dict[int, Review] = {}
    for review in Review.objects.filter(workstream__in=workstreams).select_related("status").order_by("date", "id"):
        latest_reviews[review.workstream_id] = review
    return ProgrammeSummary(
        programme=programme,
        measures=measures,
        total=Group(key="programme", label="Ensemble du programme", measures=measures),
        by_dimension=by_dimension,
        by_workstream=by_workstream,
        statuses=statuses,
        latest_workstream_reviews=latest_reviews,
    )


def measure_reviews(measure: Measure) -> QuerySet[Review]:
    """The timeline of a measure's reviews, most recent first."""
    return (
        measure.reviews.select_related("status", "author").prefetch_related("evidence_links").order_by("-date", "-id")
    )


def workstream_reviews(workstream: Workstream) -> QuerySet[Review]:
    return (
        workstream.reviews.select_related("status", "author")
        .prefetch_related("evidence_links")
        .order_by("-date", "-id")
    )


def published_bilans(programme: Programme) -> QuerySet[Bilan]:
    return programme.bilans.published().order_by("-date", "-id")


@dataclass
class EntryChange:
    number: int
    title: str
    before: BilanEntry | None
    after: BilanEntry | None

    @property
    def status_changed(self) -> bool:
        return _status(self.before) != _status(self.after)

    @property
    def progress_delta(self) -> int:
        return (self.after.progress if self.after else 0) - (self.before.progress if self.before else 0)

    @property
    def changed(self) -> bool:
        return self.status_changed or self.progress_delta != 0 or self.before is None or self.after is None


def _status(entry: BilanEntry | None) -> str:
    if entry is None:
        return ""
    return entry.status_name or NO_REVIEW_LABEL


def bilan_compare(earlier: Bilan, later: Bilan) -> list[EntryChange]:
    """Measure by measure, what changed between two bilans."""
    before = {e.measure_number: e for e in earlier.entries.all()}
    after = {e.measure_number: e for e in later.entries.all()}
    changes = []
    for number in sorted(before.keys() | after.keys()):
        entry = after.get(number) or before[number]
        changes.append(
            EntryChange(number=number, title=entry.measure_title, before=before.get(number), after=after.get(number))
        )
    return changes
