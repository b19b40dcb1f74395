"""Read-only API of the roadmap tracker, thin over roadmap.selectors."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Router, Status
from ninja.errors import ValidationError
from ninja.pagination import LimitOffsetPagination, paginate

from api.schemas import BilanDetailOut, BilanOut, ErrorOut, MeasureDetailOut, MeasureOut, WorkstreamOut
from roadmap import selectors
from roadmap.models import Bilan, BilanEntry, Dimension, Measure, Programme, Review

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
        "url": measure.get_absolute_url(),
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


def _bilan_out(bilan: Bilan, entries: list[BilanEntry]) -> dict[str, Any]:
    return {
        "slug": bilan.slug,
        "title": bilan.title,
        "date": bilan.date,
        "summary": bilan.summary,
        "progress": round(sum(e.progress for e in entries) / len(entries)) if entries else 0,
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
    return [
        {
            "number": int(group.key),
            "slug": workstreams[group.key].slug,
            "title": workstreams[group.key].title,
            "description": workstreams[group.key].description,
            "progress": group.progress,
            "measures": [m.number for m in group.measures],
            "url": group.url,
        }
        for group in summary.by_workstream
    ]


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
        chosen_workstream = (
            programme.workstreams.filter(number=int(workstream)).first() if workstream.isdigit() else None
        )
        if chosen_workstream is None:
            numbers = ", ".join(str(n) for n in programme.workstreams.values_list("number", flat=True))
            raise _invalid("workstream", f"Chantier inconnu. Valeurs possibles : {numbers}.")
    statuses = [slug for slug, _ in selectors.status_choices()]
    if status is not None and status not in statuses:
        raise _invalid("status", f"Statut inconnu. Valeurs possibles : {', '.join(statuses)}.")
    measures = selectors.measures_with_state(
        programme, dimension=dimension, workstream=chosen_workstream, status_slug=status
    )
    return [_measure_out(m) for m in measures]


@router.get("/measures/{number}", response={200: MeasureDetailOut, 404: ErrorOut}, summary="Une mesure et ses bilans")
def get_measure(request: HttpRequest, number: int) -> Status:
    measure = selectors.measures_with_state(_programme()).filter(number=number).first()
    if measure is None:
        return Status(404, {"detail": f"Mesure {number} introuvable."})
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
