"""Public pages of the roadmap: parse the request, call a selector, render."""

from __future__ import annotations

from pathlib import PurePath

from csp.decorators import csp_exempt
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from core.breadcrumbs import breadcrumb
from core.cache import public_page
from core.downloads import csv_response
from core.params import text_param
from roadmap import charts, exports, selectors
from roadmap.deadlines import DUE_SOON_DAYS
from roadmap.models import Bilan, Programme, SubmissionFile, Workstream

OVERVIEW_TITLE = "Feuille de route"


def _programme_or_404() -> Programme:
    programme = selectors.current_programme()
    if programme is None:
        raise Http404("Aucune feuille de route n'est publiée.")
    return programme


@public_page
def overview(request: HttpRequest) -> HttpResponse:
    programme = _programme_or_404()
    summary = selectors.programme_summary(programme)
    return render(
        request,
        "roadmap/overview.html",
        {
            "page_title": OVERVIEW_TITLE,
            "breadcrumb_data": breadcrumb(OVERVIEW_TITLE),
            "summary": summary,
            "dimension_rows": summary.status_table(summary.by_dimension) if summary else [],
            "workstream_rows": summary.status_table(summary.by_workstream) if summary else [],
            "bilans": selectors.published_bilans(programme),
            "planned_bilans": selectors.planned_bilans(programme),
            "due_soon_days": DUE_SOON_DAYS,
        },
    )


@csp_exempt()
@public_page
def progress_chart(request: HttpRequest) -> HttpResponse:
    summary = selectors.programme_summary(_programme_or_404())
    assert summary is not None
    return HttpResponse(charts.progress_svg(summary), content_type="image/svg+xml; charset=utf-8")


def measures_csv(request: HttpRequest) -> HttpResponse:
    programme = _programme_or_404()
    return csv_response(
        exports.measures_rows(selectors.measures_with_state(programme)), filename="feuille-de-route-mesures.csv"
    )


def synthesis_csv(request: HttpRequest) -> HttpResponse:
    summary = selectors.programme_summary(_programme_or_404())
    assert summary is not None
    return csv_response(exports.synthesis_rows(summary), filename="feuille-de-route-synthese.csv")


@public_page
def measure_detail(request: HttpRequest, number: int) -> HttpResponse:
    programme = _programme_or_404()
    measure = get_object_or_404(selectors.measures_with_state(programme), number=number)
    selectors.with_deadlines([measure], programme)
    title = f"Mesure {measure.number}"
    return render(
        request,
        "roadmap/measure_detail.html",
        {
            "page_title": f"{title} — {measure.title}",
            "breadcrumb_data": breadcrumb(title, (reverse("roadmap:overview"), OVERVIEW_TITLE)),
            "measure": measure,
            "reviews": selectors.measure_reviews(measure),
            "review_publisher": selectors.REVIEW_PUBLISHER,
            "status_label": selectors.measure_status_label(measure),
            "progress": selectors.measure_progress(measure),
            "facilitator_bodies": measure.facilitator_bodies.select_related("organisation"),
            "due_soon_days": DUE_SOON_DAYS,
        },
    )


@public_page
def workstream_detail(request: HttpRequest, slug: str) -> HttpResponse:
    programme = _programme_or_404()
    workstream = get_object_or_404(Workstream, programme=programme, slug=slug)
    measures = selectors.with_deadlines(selectors.measures_with_state(programme, workstream=workstream), programme)
    review = selectors.latest_workstream_reviews([workstream]).get(workstream.pk)
    group = selectors.workstream_group(workstream, measures, review)
    title = f"Chantier {workstream.number}"
    return render(
        request,
        "roadmap/workstream_detail.html",
        {
            "page_title": f"{title} — {workstream.title}",
            "breadcrumb_data": breadcrumb(title, (reverse("roadmap:overview"), OVERVIEW_TITLE)),
            "workstream": workstream,
            "group": group,
            "reviews": selectors.workstream_reviews(workstream),
            "review_publisher": selectors.REVIEW_PUBLISHER,
            "disagreement": selectors.disagreement_text(f"Chantier {workstream.number}", review, group.roll_up)
            if review is not None and group.review_disagrees_with_measures
            else "",
        },
    )


def _published_bilan(slug: str) -> Bilan:
    return get_object_or_404(Bilan.objects.published().select_related("programme"), slug=slug)


@public_page
def bilan_detail(request: HttpRequest, slug: str) -> HttpResponse:
    bilan = _published_bilan(slug)
    others = selectors.published_bilans(bilan.programme).exclude(pk=bilan.pk)
    entries = list(bilan.entries.select_related("measure"))
    compare_slug = text_param(request.GET, "comparer_avec", max_length=100)
    comparison = None
    compared = None
    error = ""
    if compare_slug:
        compared = others.filter(slug=compare_slug).first()
        if compared is None:
            error = "Le bilan choisi pour la comparaison n'existe pas ou n'est pas publié."
        else:
            earlier, later = sorted([compared, bilan], key=lambda b: (b.date, b.pk))
            comparison = {"earlier": earlier, "later": later, "changes": selectors.bilan_compare(earlier, later)}
    return render(
        request,
        "roadmap/bilan_detail.html",
        {
            "page_title": bilan.title,
            "breadcrumb_data": breadcrumb(bilan.title, (reverse("roadmap:overview"), OVERVIEW_TITLE)),
            "bilan": bilan,
            "entries": entries,
            "groups": selectors.bilan_groups(bilan, entries),
            "others": others,
            "comparison": comparison,
            "compared": compared,
            "compare_error": error,
        },
        status=400 if error else 200,
    )


def bilan_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    bilan = _published_bilan(slug)
    response = HttpResponse(exports.bilan_pdf(bilan), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{bilan.slug}.pdf"'
    return response


def bilan_csv(request: HttpRequest, slug: str) -> HttpResponse:
    bilan = _published_bilan(slug)
    return csv_response(exports.bilan_rows(bilan), filename=f"{bilan.slug}.csv")


def evidence_file(request: HttpRequest, pk: int) -> FileResponse:
    """A bilan's evidence file: public once the bilan is published; before, only its facilitators and the
    mission team may read it (anyone else gets a 404, which says nothing of its existence)."""
    found = SubmissionFile.objects.select_related("submission__measure").filter(pk=pk).first()
    if found is None or not selectors.may_read_evidence(request.user, found.submission):
        raise Http404("Justificatif introuvable.")
    try:
        handle = found.file.open("rb")
    except FileNotFoundError as error:
        raise Http404("Justificatif introuvable.") from error
    assert found.file.name is not None  # the file opened: it has a name
    return FileResponse(handle, as_attachment=True, filename=PurePath(found.file.name).name)
