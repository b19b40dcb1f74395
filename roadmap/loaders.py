"""Load the 2020 roadmap of the source document (data/roadmap/) as reference data.

Rules that keep a second run harmless and never undo the mission team's work:
- a measure already edited in the back office (it has revisions) is left as it is;
- reviews and bilans written by people are never touched; reference reviews are matched by
  their subject, date and source;
- a bilan is frozen: once created it is never recomputed.
"""

from __future__ import annotations

from typing import Any

from core.loading import LoadReport, read_yaml, upsert
from roadmap.models import Measure, PlannedBilan, Programme, Review, ReviewEvidence, ReviewStatus, Workstream
from roadmap.services import bilan_freeze

ROADMAP_FILE = "roadmap/feuille_de_route_2020.yml"
REFERENCE_SOURCE = (
    "Bilan de la feuille de route de la mission ministérielle « Accélérer les alliances stratégiques "
    "entre associations, entreprises & collectivités », 7 mai 2021"
)
_MEASURE_TEXT_FIELDS = ("objective", "action_modalities", "facilitators", "points_of_support", "expected_results")


def load_roadmap(report: LoadReport) -> Programme:
    data = read_yaml(ROADMAP_FILE)
    for position, item in enumerate(data["review_statuses"], start=1):
        upsert(
            ReviewStatus,
            {"slug": item["slug"]},
            {"name": item["name"], "default_progress": item["default_progress"], "position": position},
            report,
        )
    programme_data = data["programme"]
    programme = upsert(
        Programme,
        {"slug": programme_data["slug"]},
        {
            "title": programme_data["title"],
            "description": programme_data["description"],
            "start_date": programme_data["start_date"],
        },
        report,
    )
    workstreams = {
        item["number"]: upsert(
            Workstream,
            {"programme": programme, "number": item["number"]},
            {"slug": item["slug"], "title": item["title"], "description": item["description"]},
            report,
        )
        for item in data["workstreams"]
    }
    measures = {item["number"]: _load_measure(programme, item, workstreams, report) for item in data["measures"]}
    for item in data["reviews"]:
        _load_review(programme, item, measures, workstreams, report)
    for item in data["bilans"]:
        _load_bilan(programme, item, report)
    for item in data.get("planned_bilans") or []:
        upsert(
            PlannedBilan,
            {"programme": programme, "year": item["year"]},
            {"title": item["title"], "quote": item["quote"], "source": REFERENCE_SOURCE},
            report,
        )
    return programme


def _load_measure(
    programme: Programme, item: dict[str, Any], workstreams: dict[int, Workstream], report: LoadReport
) -> Measure:
    existing = Measure.objects.filter(programme=programme, number=item["number"]).first()
    if existing is not None and existing.latest_revision_id is not None:
        report.add(str(Measure._meta.verbose_name_plural), "unchanged")  # edited by the mission team
        return existing
    values: dict[str, Any] = {
        "title": item["title"],
        "dimension": item["dimension"],
        "expected_delay_months": item.get("expected_delay_months"),
        **{name: item.get(name) or "" for name in _MEASURE_TEXT_FIELDS},
    }
    measure = upsert(Measure, {"programme": programme, "number": item["number"]}, values, report)
    wanted = {workstreams[number].pk for number in item.get("workstreams") or []}
    if set(measure.workstreams.values_list("pk", flat=True)) != wanted:
        measure.workstreams.set(wanted)
        measure.save()
    return measure


def _load_review(
    programme: Programme,
    item: dict[str, Any],
    measures: dict[int, Measure],
    workstreams: dict[int, Workstream],
    report: LoadReport,
) -> None:
    subject = item["subject"]
    status = ReviewStatus.objects.get(slug=item["status"])
    review = upsert(
        Review,
        {
            "programme": programme,
            "measure": measures.get(subject.get("measure")),
            "workstream": workstreams.get(subject.get("workstream")),
            "date": item["date"],
            "source": REFERENCE_SOURCE,
        },
        {
            "status": status,
            "progress": status.default_progress,
            "text": item["text"],
            "next_steps": item.get("next_steps") or "",
            "next_step_date": item.get("next_step_date"),
            "status_justification": item.get("status_justification") or "",
        },
        report,
    )
    wanted = [(link["url"], link["label"]) for link in item.get("evidence_links") or []]
    current = list(review.evidence_links.order_by("sort_order").values_list("url", "label"))
    if current != wanted:
        ReviewEvidence.objects.filter(review=review).delete()
        ReviewEvidence.objects.bulk_create(
            ReviewEvidence(review=review, url=url, label=label, sort_order=index)
            for index, (url, label) in enumerate(wanted)
        )


def _load_bilan(programme: Programme, item: dict[str, Any], report: LoadReport) -> None:
    label = "bilans d'ensemble"
    if programme.bilans.filter(slug=item["slug"]).exists():
        report.add(label, "unchanged")
        return
    bilan_freeze(
        programme=programme,
        slug=item["slug"],
        title=item["title"],
        date=item["date"],
        summary=item.get("summary") or "",
        author=None,
        publish=True,
    )
    report.add(label, "created")
