"""The facilitators' pages in « Mon espace »: their measures, due dates, and the bilans they draft.

Every write goes through ``roadmap.submission_services``, which checks on the server that the person
facilitates the measure; anyone else gets a French 403 page and nothing changes.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from core.breadcrumbs import breadcrumb
from indicators.models import Indicator
from roadmap import selectors, submission_services
from roadmap.facilitation_forms import SubmissionForm
from roadmap.models import Measure, ReviewSubmission, SubmissionStatus
from roadmap.permissions import is_facilitator

MY_SPACE = "Mon espace"
MY_MEASURES = "Mes mesures de la feuille de route"


def _add_errors(form: SubmissionForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, messages_ in error.message_dict.items():
            form.add_error(name if name in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


def _measure(request: HttpRequest, number: int) -> Measure:
    programme = selectors.current_programme()
    measure = Measure.objects.filter(programme=programme, number=number).published().first() if programme else None
    if measure is None:
        raise Http404("Mesure introuvable.")
    if not is_facilitator(request.user, measure):
        raise PermissionDenied(
            f"Vous n'êtes pas facilitateur de la mesure {number} : seuls ses facilitateurs rédigent ses bilans."
        )
    return measure


def _submission(request: HttpRequest, pk: int) -> ReviewSubmission:
    submission = ReviewSubmission.objects.select_related("measure__programme", "review_status").filter(pk=pk).first()
    if submission is None:
        raise Http404("Bilan introuvable.")
    if not is_facilitator(request.user, submission.measure):
        raise PermissionDenied("Ce bilan concerne une mesure dont vous n'êtes pas facilitateur.")
    return submission


def _indicators(measure: Measure) -> QuerySet[Indicator]:
    return Indicator.objects.filter(measure=measure).order_by("name")


@require_GET
@login_required
def my_measures(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "roadmap/facilitation/my_measures.html",
        {
            "page_title": MY_MEASURES,
            "breadcrumb_data": breadcrumb(MY_MEASURES, (reverse("accounts:dashboard"), MY_SPACE)),
            **selectors.facilitator_space(request.user),
        },
    )


def _save(request: HttpRequest, form: SubmissionForm, measure: Measure, submission: ReviewSubmission | None) -> bool:
    submit = request.POST.get("action") == "submit"
    try:
        if submission is None:
            submission = submission_services.submission_create(
                measure=measure, user=request.user, content=form.content(), submit=submit
            )
        else:
            submission = submission_services.submission_update(
                submission=submission, user=request.user, content=form.content(), submit=submit
            )
    except ValidationError as error:
        _add_errors(form, error)
        return False
    if submission.status == SubmissionStatus.SUBMITTED:
        messages.success(request, "Bilan soumis : l'équipe de la mission va le relire avant publication.")
    else:
        messages.success(request, "Brouillon enregistré : il n'est visible que de vous et de l'équipe de la mission.")
    return True


def _form_page(
    request: HttpRequest, form: SubmissionForm, measure: Measure, submission: ReviewSubmission | None
) -> HttpResponse:
    title = f"Bilan de la mesure {measure.number}"
    return render(
        request,
        "roadmap/facilitation/submission_form.html",
        {
            "page_title": title,
            "breadcrumb_data": breadcrumb(
                title, (reverse("accounts:dashboard"), MY_SPACE), (reverse("facilitation:my_measures"), MY_MEASURES)
            ),
            "form": form,
            "measure": measure,
            "submission": submission,
            "events": list(submission.events.select_related("actor").all()) if submission else [],
            "team_comment": selectors.latest_return_comment(submission) if submission else "",
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def submission_create(request: HttpRequest, number: int) -> HttpResponse:
    measure = _measure(request, number)
    form = SubmissionForm(request.POST or None, request.FILES or None, indicators=_indicators(measure))
    if request.method == "POST" and form.is_valid() and _save(request, form, measure, None):
        return redirect("facilitation:my_measures")
    return _form_page(request, form, measure, None)


@require_http_methods(["GET", "POST"])
@login_required
def submission_edit(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _submission(request, pk)
    form = SubmissionForm(
        request.POST or None, request.FILES or None, submission=submission, indicators=_indicators(submission.measure)
    )
    if request.method == "POST" and form.is_valid() and _save(request, form, submission.measure, submission):
        return redirect("facilitation:my_measures")
    return _form_page(request, form, submission.measure, submission)
