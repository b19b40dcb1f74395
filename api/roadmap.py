"""Read-only API of the roadmap tracker, thin over roadmap.selectors."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Router, Status
from ninja.errors import ValidationError
from ninja.pagination import LimitOffsetPagination, paginate

from api.schemas import (
    BilanDetailOut,
    BilanOut,
    ErrorOut,
    MeasureDetailOut,
    MeasureOut,
    RoadmapSummaryOut,
    WorkstreamOut,
)
from core.params import ascii_int
from roadmap import selectors
from roadmap.deadlines import Deadline
from roadmap.models import HORIZON_MONTHS, Bilan, BilanEntry, Dimension, Measure, Programme, Review, Workstream

router = Router(tags=["Feuille de route"])
_DIMENSIONS = dict(Dimension.choices)


def _programme() -> Programme:
    programme = selectors.current_programme()
    if programme is None:
        raise Http404("Aucune feuille de route n'est publiée.")
    return programme


def _invalid(field: str, message: str) -> ValidationError:
    return ValidationError([{"loc": ["query", field], "msg": message, "type": "value_error"}])


def _measure_out(measure: Measure) -> dict[str, Any]:
    low, high = measure.horizon_months
    return {
        "number": measure.number,
        "title": measure.title,
        "dimension": measure.dimension,
        "dimension_label": _DIMENSIONS[measure.dimension],
        "horizon_months": {"min": low, "max": high},
        "workstreams": [w.number for w in measure.workstreams.all()],
        "status": measure.current_status_slug,  # type: ignore[attr-defined]
        "status_label": selectors.measure_status_label(measure),
        "progress": selectors.measure_progress(measure),
        "last_review_date": measure.last_review_date,  # type: ignore[attr-defined]
        "next_review": _next_review_out(getattr(measure, "deadline", None)),
        "url": measure.get_absolute_url(),
    }


def _next_review_out(deadline: Deadline | None) -> dict[str, Any] | None:
    if deadline is None:
        return None
    return {
        "due_date": deadline.due,
        "state": deadline.light.slug,
        "state_label": deadline.light.label,
        "computed": deadline.computed,
        "explanation": deadline.explanation,
    }


def _review_out(review: Review) -> dict[str, Any]:
    return {
        "date": review.date,
        "status": review.status.slug,
        "status_label": review.status.name,
        "progress": review.progress,
        "text": review.text,
        "next_steps": review.next_steps,
        "next_step_date": review.next_step_date,
        "evidence_links": [{"url": link.url, "label": link.label} for link in review.evidence_links.all()],
        "source": review.source,
    }


def _roll_up_out(roll_up: selectors.RollUp) -> dict[str, Any]:
    return {
        "measure_count": roll_up.measure_count,
        "evaluated_count": roll_up.evaluated_count,
        "progress": roll_up.progress,
        "basis": roll_up.basis,
    }


def _own_review_out(review: Review | None) -> dict[str, Any] | None:
    if review is None:
        return None
    status = review.status
    return {"date": review.date, "status": status.slug, "status_label": status.name, "progress": review.progress}


def _workstream_out(workstream: Workstream, group: selectors.Group) -> dict[str, Any]:
    return {
        "number": workstream.number,
        "slug": workstream.slug,
        "title": workstream.title,
        "description": workstream.description,
        "measures": [m.number for m in group.measures],
        "review": _own_review_out(group.review),
        "review_disagrees_with_measures": group.review_disagrees_with_measures,
        "url": group.url,
        **_roll_up_out(group.roll_up),
    }


def _bilan_out(bilan: Bilan, entries: list[BilanEntry]) -> dict[str, Any]:
    return {
        "slug": bilan.slug,
        "title": bilan.title,
        "date": bilan.date,
        "summary": bilan.summary,
        **_roll_up_out(selectors.RollUp.of(e.progress for e in entries)),
        "url": bilan.get_absolute_url(),
        "pdf_url": reverse("roadmap:bilan_pdf", kwargs={"slug": bilan.slug}),
        "csv_url": reverse("roadmap:bilan_csv", kwargs={"slug": bilan.slug}),
    }


@router.get("/workstreams", response=list[WorkstreamOut], summary="Chantiers structurels")
@paginate(LimitOffsetPagination)
def list_workstreams(request: HttpRequest) -> list[dict[str, Any]]:
    summary = selectors.programme_summary(_programme())
    assert summary is not None
    workstreams = {str(w.number): w for w in summary.programme.workstreams.all()}
    return [_workstream_out(workstreams[group.key], group) for group in summary.by_workstream]


@router.get(
    "/summary",
    response=RoadmapSummaryOut,
    summary="Résultats en synthèse",
    description=(
        "Avancement moyen du programme, de chaque dimension et de chaque chantier, calculé sur les seules "
        "mesures évaluées (qui ont un bilan) : chaque moyenne dit sur combien de mesures elle porte "
        "(`evaluated_count` sur `measure_count`) et vaut null quand aucune n'est évaluée. Chaque chantier "
        "porte aussi son propre bilan et l'indication `review_disagrees_with_measures`."
    ),
)
def get_summary(request: HttpRequest) -> dict[str, Any]:
    summary = selectors.programme_summary(_programme())
    assert summary is not None
    programme = summary.programme
    workstreams = {str(w.number): w for w in programme.workstreams.all()}
    return {
        "slug": programme.slug,
        "title": programme.title,
        "start_date": programme.start_date,
        **_roll_up_out(summary.total.roll_up),
        "dimensions": [
            {
                "dimension": group.key,
                "label": group.label,
                "horizon_months": {"min": HORIZON_MONTHS[group.key][0], "max": HORIZON_MONTHS[group.key][1]},
                **_roll_up_out(group.roll_up),
            }
            for group in summary.by_dimension
        ],
        "workstreams": [_workstream_out(workstreams[group.key], group) for group in summary.by_workstream],
        "csv_url": reverse("roadmap:synthesis_csv"),
    }


@router.get("/measures", response=list[MeasureOut], summary="Mesures, filtrables")
@paginate(LimitOffsetPagination)
def list_measures(
    request: HttpRequest, dimension: str | None = None, workstream: str | None = None, status: str | None = None
) -> list[dict[str, Any]]:
    programme = _programme()
    if dimension is not None and dimension not in _DIMENSIONS:
        raise _invalid("dimension", f"Dimension inconnue. Valeurs possibles : {', '.join(_DIMENSIONS)}.")
    chosen_workstream = None
    if workstream is not None:
        number = ascii_int(workstream)
        chosen_workstream = programme.workstreams.filter(number=number).first() if number is not None else None
        if chosen_workstream is None:
            numbers = ", ".join(str(n) for n in programme.workstreams.values_list("number", flat=True))
            raise _invalid("workstream", f"Chantier inconnu. Valeurs possibles : {numbers}.")
    statuses = [slug for slug, _ in selectors.status_choices()]
    if status is not None and status not in statuses:
        raise _invalid("status", f"Statut inconnu. Valeurs possibles : {', '.join(statuses)}.")
    measures = selectors.measures_with_state(
        programme, dimension=dimension, workstream=chosen_workstream, status_slug=status
    )
    return [_measure_out(m) for m in selectors.with_deadlines(measures, programme)]


@router.get("/measures/{number}", response={200: MeasureDetailOut, 404: ErrorOut}, summary="Une mesure et ses bilans")
def get_measure(request: HttpRequest, number: int) -> Status:
    programme = _programme()
    measure = selectors.measures_with_state(programme).filter(number=number).first()
    if measure is None:
        return Status(404, {"detail": f"Mesure {number} introuvable."})
    selectors.with_deadlines([measure], programme)
    data = _measure_out(measure)
    data.update(
        objective=measure.objective,
        action_modalities=measure.action_modalities,
        facilitators=measure.facilitators,
        points_of_support=measure.points_of_support,
        expected_results=measure.expected_results,
        expected_delay_months=measure.expected_delay_months,
        reviews=[_review_out(r) for r in selectors.measure_reviews(measure)],
    )
    return Status(200, data)


@router.get("/bilans", response=list[BilanOut], summary="Bilans d'ensemble publiés")
@paginate(LimitOffsetPagination)
def list_bilans(request: HttpRequest) -> list[dict[str, Any]]:
    bilans = selectors.published_bilans(_programme()).prefetch_related("entries")
    return [_bilan_out(b, list(b.entries.all())) for b in bilans]


@router.get(
    "/bilans/{slug}", response={200: BilanDetailOut, 404: ErrorOut}, summary="Un bilan d'ensemble, mesure par mesure"
)
def get_bilan(request: HttpRequest, slug: str) -> Status:
    bilan = selectors.published_bilans(_programme()).filter(slug=slug).first()
    if bilan is None:
        return Status(404, {"detail": "Bilan introuvable."})
    entries = list(bilan.entries.all())
    data = _bilan_out(bilan, entries)
    data["groups"] = [
        {
            "level": group.level,
            "key": group.key,
            "label": group.label,
            "review": _own_review_out(group.review),
            "review_disagrees_with_measures": group.review_disagrees_with_measures,
            **_roll_up_out(group.roll_up),
        }
        for group in selectors.bilan_groups(bilan, entries)
    ]
    data["entries"] = [
        {
            "number": e.measure_number,
            "title": e.measure_title,
            "dimension": e.dimension,
            "status": e.status_slug or None,
            "status_label": e.status_name or selectors.NO_REVIEW_LABEL,
            "progress": e.progress,
            "review_date": e.review_date,
        }
        for e in entries
    ]
    return Status(200, data)
