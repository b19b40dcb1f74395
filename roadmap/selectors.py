"""Reads of the roadmap tracker, shared by the HTML pages, the exports and the API.

Progress rolls up as follows (docs/adr/0004-progress-roll-up.md, amended by
docs/adr/0018-roll-ups-say-what-they-rest-on.md): a measure's progress is the progress of its
latest review, and a measure without a review has none (``None``, « Pas encore de bilan »); a
dimension, a workstream and the programme take the mean progress of the *evaluated* published
measures they gather, and always carry how many measures that mean rests on (``RollUp``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from core.permissions import MISSION_TEAM
from roadmap.deadlines import GroupLight, measure_deadline
from roadmap.models import (
    HORIZON_MONTHS,
    Bilan,
    BilanEntry,
    Dimension,
    Measure,
    PlannedBilan,
    Programme,
    Review,
    ReviewStatus,
    ReviewSubmission,
    SubmissionStatus,
    Workstream,
)
from roadmap.permissions import is_facilitator, is_mission_team

NO_REVIEW_LABEL = "Pas encore de bilan"
# Public pages name the team that writes reviews, never a back-office login (core.permissions).
REVIEW_PUBLISHER = MISSION_TEAM
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


def with_deadlines(measures: Iterable[Measure], programme: Programme, *, today: dt.date | None = None) -> list[Measure]:
    """The measures (annotated by ``with_current_state``), each with its ``deadline`` on ``today``."""
    today = today or timezone.localdate()
    annotated = list(measures)
    for measure in annotated:
        measure.deadline = measure_deadline(  # type: ignore[attr-defined]
            measure,
            last_review_date=measure.last_review_date,  # type: ignore[attr-defined]
            programme_start=programme.start_date,
            today=today,
        )
    return annotated


def status_choices() -> list[tuple[str, str]]:
    statuses = [(s.slug, s.name) for s in ReviewStatus.objects.all()]
    return [*statuses, (NO_REVIEW_SLUG, NO_REVIEW_LABEL)]


def measure_progress(measure: Measure) -> int | None:
    """The progress of the latest review, or ``None`` for a measure that has no review yet."""
    if not measure.current_status_slug:  # type: ignore[attr-defined]
        return None
    return measure.current_progress  # type: ignore[attr-defined]


def measure_status_label(measure: Measure) -> str:
    return measure.current_status_name or NO_REVIEW_LABEL  # type: ignore[attr-defined]


def _mean(values: list[int]) -> int | None:
    return round(sum(values) / len(values)) if values else None


def measures_phrase(evaluated: int, total: int) -> str:
    """« 1 mesure évaluée sur 21 », « aucune mesure évaluée sur 20 », « aucune mesure rattachée »."""
    if total == 0:
        return "aucune mesure rattachée"
    if evaluated == 0:
        return f"aucune mesure évaluée sur {total}"
    plural = "s" if evaluated > 1 else ""
    return f"{evaluated} mesure{plural} évaluée{plural} sur {total}"


@dataclass(frozen=True)
class RollUp:
    """The mean progress of a set of measures and what it rests on.

    ``progress`` is the mean over the measures that have a review (``evaluated_count``) and is
    ``None`` when none has: a figure with nothing behind it is missing, never zero.
    """

    measure_count: int
    evaluated_count: int
    progress: int | None

    @classmethod
    def of(cls, progresses: Iterable[int | None]) -> RollUp:
        values = list(progresses)
        evaluated = [value for value in values if value is not None]
        return cls(measure_count=len(values), evaluated_count=len(evaluated), progress=_mean(evaluated))

    @property
    def basis(self) -> str:
        return measures_phrase(self.evaluated_count, self.measure_count)

    @property
    def label(self) -> str:
        """The figure with its basis, never a percentage alone: « 100 % (1 mesure évaluée sur 21) »."""
        if self.progress is None:
            return f"Pas encore de bilan ({self.basis})"
        return f"{self.progress} % ({self.basis})"


def disagreement_text(label: str, review: Review, roll_up: RollUp) -> str:
    """The explicit sentence shown wherever a workstream's own review and its measures disagree."""
    return (
        f"{label} : son propre bilan (« {review.status.name} », {review.progress} %) et la moyenne de ses "
        f"mesures évaluées ({roll_up.progress} %, {roll_up.basis}) ne disent pas la même chose. "
        "La moyenne ne porte que sur les "
        "mesures qui ont un bilan ; le statut du chantier est celui de son propre bilan, qui juge l'ensemble "
        "du chantier."
    )


def _stage(progress: int) -> int:
    """0 not started, 1 under way, 2 achieved: the reading a visitor makes of a percentage."""
    return 0 if progress <= 0 else 2 if progress >= 100 else 1


def review_disagrees(review: Review | BilanEntry | None, roll_up: RollUp) -> bool:
    """Whether a workstream's own review and the roll-up of its measures tell different stages."""
    if review is None or review.progress is None or roll_up.progress is None:
        return False
    return _stage(review.progress) != _stage(roll_up.progress)


@dataclass
class Group:
    """A set of measures (a dimension, a workstream, the programme) and its rolled-up state."""

    key: str
    label: str
    measures: list[Measure] = field(default_factory=list)
    horizon: tuple[int, int] | None = None
    url: str = ""

    review: Review | None = None  # a workstream's own latest review, shown beside the roll-up

    @property
    def roll_up(self) -> RollUp:
        return RollUp.of(measure_progress(m) for m in self.measures)

    @property
    def progress(self) -> int | None:
        return self.roll_up.progress

    @property
    def measure_count(self) -> int:
        return len(self.measures)

    @property
    def evaluated_count(self) -> int:
        return self.roll_up.evaluated_count

    @property
    def review_disagrees_with_measures(self) -> bool:
        return review_disagrees(self.review, self.roll_up)

    @property
    def light(self) -> GroupLight:
        """The worst traffic light of the group's measures, and how many measures have it."""
        return GroupLight.of(m.deadline for m in self.measures if hasattr(m, "deadline"))

    @property
    def status_counts(self) -> list[tuple[str, int]]:
        counts = Counter(measure_status_label(m) for m in self.measures)
        return sorted(counts.items(), key=lambda item: (item[0] == NO_REVIEW_LABEL, item[0]))


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


def latest_workstream_reviews(workstreams: Iterable[Workstream]) -> dict[int, Review]:
    """The latest own review of each workstream, by workstream id."""
    latest: dict[int, Review] = {}
    reviews = Review.objects.filter(workstream__in=list(workstreams)).select_related("status").order_by("date", "id")
    for review in reviews:
        latest[review.workstream_id] = review  # ordered: the last one wins
    return latest


def workstream_group(workstream: Workstream, measures: list[Measure], review: Review | None) -> Group:
    return Group(
        key=str(workstream.number),
        label=f"Chantier {workstream.number} — {workstream.title}",
        measures=measures,
        url=workstream.get_absolute_url(),
        review=review,
    )


def programme_summary(programme: Programme | None = None) -> ProgrammeSummary | None:
    programme = programme or current_programme()
    if programme is None:
        return None
    measures = with_deadlines(measures_with_state(programme), programme)
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
    latest_reviews = latest_workstream_reviews(workstreams)
    by_workstream = [
        workstream_group(w, [m for m in measures if w in m.workstreams.all()], latest_reviews.get(w.pk))
        for w in workstreams
    ]
    used = {measure_status_label(m) for m in measures}
    statuses = [s.name for s in ReviewStatus.objects.all() if s.name in used]
    if NO_REVIEW_LABEL in used:
        statuses.append(NO_REVIEW_LABEL)
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
        measure.reviews.select_related("status", "submission")
        .prefetch_related("evidence_links", "submission__files")
        .order_by("-date", "-id")
    )


def workstream_reviews(workstream: Workstream) -> QuerySet[Review]:
    return workstream.reviews.select_related("status").prefetch_related("evidence_links").order_by("-date", "-id")


def published_bilans(programme: Programme) -> QuerySet[Bilan]:
    return programme.bilans.published().order_by("-date", "-id")


@dataclass(frozen=True)
class BilanGroup:
    """A dimension, a workstream or the programme in a frozen bilan, with its roll-up."""

    level: str  # "programme", "dimension" or "chantier"
    key: str
    label: str
    roll_up: RollUp
    review: Review | None = None  # a workstream's own latest review on or before the bilan's date

    @property
    def review_disagrees_with_measures(self) -> bool:
        return review_disagrees(self.review, self.roll_up)


def bilan_groups(bilan: Bilan, entries: list[BilanEntry] | None = None) -> list[BilanGroup]:
    """The roll-ups of a frozen bilan: the programme, each dimension, each workstream."""
    entries = list(bilan.entries.all()) if entries is None else entries
    groups = [BilanGroup("programme", "programme", "Ensemble du programme", RollUp.of(e.progress for e in entries))]
    for value, label in Dimension.choices:
        members = [e.progress for e in entries if e.dimension == value]
        groups.append(BilanGroup("dimension", value, f"Mesures {label}s", RollUp.of(members)))
    workstreams = list(bilan.programme.workstreams.order_by("number"))
    own_reviews: dict[int, Review] = {}
    reviews = Review.objects.filter(workstream__in=workstreams, date__lte=bilan.date).select_related("status")
    for review in reviews.order_by("date", "id"):
        own_reviews[review.workstream_id] = review  # ordered: the last one wins
    for workstream in workstreams:
        number = str(workstream.number)
        members = [e.progress for e in entries if number in e.workstream_numbers.split(",")]
        label = f"Chantier {workstream.number} — {workstream.title}"
        groups.append(BilanGroup("chantier", number, label, RollUp.of(members), own_reviews.get(workstream.pk)))
    return groups


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
    def progress_delta(self) -> int | None:
        """Points gained between two evaluations; ``None`` when either side has no review."""
        before = self.before.progress if self.before else None
        after = self.after.progress if self.after else None
        if before is None or after is None:
            return None
        return after - before

    @property
    def changed(self) -> bool:
        return self.status_changed or bool(self.progress_delta) or self.before is None or self.after is None


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


@dataclass(frozen=True)
class PlannedBilanState:
    """A programme bilan the roadmap announced, and the published bilans dated in its year (if any)."""

    planned: PlannedBilan
    bilans: list[Bilan]


def planned_bilans(programme: Programme) -> list[PlannedBilanState]:
    published = list(published_bilans(programme))
    return [
        PlannedBilanState(planned=planned, bilans=[b for b in published if b.date.year == planned.year])
        for planned in programme.planned_bilans.order_by("year")
    ]


def may_read_evidence(user: Any, submission: ReviewSubmission) -> bool:
    """Published evidence is public; before that, only the measure's facilitators and the mission team."""
    if submission.status == SubmissionStatus.PUBLISHED:
        return True
    return is_mission_team(user) or is_facilitator(user, submission.measure)


def facilitator_space(user: Any) -> dict[str, Any]:
    """What a facilitator sees in « Mon espace »: their measures with due dates, and their measures' bilans."""
    programme = current_programme()
    if programme is None:
        return {"measures": [], "submissions": []}
    measures = with_deadlines(
        measures_with_state(programme).filter(facilitator_assignments__user=user).distinct(), programme
    )
    submissions = (
        ReviewSubmission.objects.of_facilitator(user)
        .select_related("measure", "review_status")
        .prefetch_related("events")
        .order_by("measure__number", "-updated_at", "-id")
    )
    listed = list(submissions)
    for submission in listed:
        events = list(submission.events.all())  # prefetched, in order
        submission.last_event = events[-1] if events else None  # type: ignore[attr-defined]
    return {"measures": measures, "submissions": listed}


def latest_return_comment(submission: ReviewSubmission) -> str:
    """The mission team's latest comment when it returned the bilan; empty once it is submitted again."""
    if submission.status != SubmissionStatus.RETURNED:
        return ""
    event = submission.events.filter(action="returned").order_by("-at", "-id").first()
    return event.comment if event else ""
