"""Back office (Wagtail admin) of the mission team: review the facilitators' bilans (publish, or return
with a comment), name each measure's facilitators, and import bilans from a CSV file (dry run first)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core.params import ascii_int
from roadmap import bilan_import, facilitator_services, selectors, submission_services
from roadmap.facilitation_forms import BilanImportForm
from roadmap.models import Measure, ReviewSubmission
from roadmap.permissions import MISSION_TEAM_PERMISSION

PERMISSION = MISSION_TEAM_PERMISSION


def _check(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied("Seule l'équipe de la mission relit les bilans des facilitateurs.")


def review_list(request: HttpRequest) -> HttpResponse:
    _check(request)
    pending = (
        ReviewSubmission.objects.awaiting_review()
        .select_related("measure", "review_status", "author", "indicator_value__indicator")
        .prefetch_related("links", "files", "events__actor")
        .order_by("updated_at", "id")
    )
    recent = (
        ReviewSubmission.objects.exclude(status="submitted")
        .select_related("measure", "review_status")
        .order_by("-updated_at", "-id")[:30]
    )
    return render(request, "roadmap/admin/review_list.html", {"submissions": pending, "recent": recent})


@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    _check(request)
    submission = get_object_or_404(ReviewSubmission.objects.select_related("measure"), pk=pk)
    decision = request.POST.get("decision")
    comment = request.POST.get("reason", "")
    try:
        if decision == "approve":
            submission_services.submission_publish(submission=submission, user=request.user, comment=comment)
            messages.success(request, f"Bilan de la mesure {submission.measure.number} validé et publié.")
        elif decision == "reject":
            submission_services.submission_return(submission=submission, user=request.user, comment=comment)
            messages.success(request, "Bilan renvoyé au facilitateur avec votre commentaire.")
        else:
            messages.error(request, "Décision inconnue : choisissez « Valider et publier » ou « Renvoyer ».")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("roadmap_submissions")


def facilitators(request: HttpRequest) -> HttpResponse:
    _check(request)
    programme = selectors.current_programme()
    measures = (
        Measure.objects.filter(programme=programme)
        .prefetch_related("facilitator_bodies__organisation", "facilitator_assignments__user")
        .order_by("number")
        if programme
        else Measure.objects.none()
    )
    return render(request, "roadmap/admin/facilitators.html", {"measures": measures})


@require_POST
def facilitators_change(request: HttpRequest, number: int) -> HttpResponse:
    _check(request)
    programme = selectors.current_programme()
    measure = get_object_or_404(Measure, programme=programme, number=number)
    action = request.POST.get("action", "")
    try:
        if action == "add_account":
            email = request.POST.get("email", "").strip()
            user = get_user_model().objects.filter(email__iexact=email, is_active=True).first() if email else None
            if user is None:
                raise ValidationError(f"Aucun compte actif n'a l'adresse « {email[:100]} ».")
            facilitator_services.assignment_add(measure=measure, user=user, by=request.user)
            messages.success(request, f"{user.email} est désormais facilitateur de la mesure {measure.number}.")
        elif action == "remove_account":
            facilitator_services.assignment_remove(
                measure=measure, assignment_id=_int(request.POST.get("id")), by=request.user
            )
            messages.success(request, f"Compte retiré des facilitateurs de la mesure {measure.number}.")
        elif action == "add_body":
            body = facilitator_services.body_add(
                measure=measure,
                organisation_text=request.POST.get("organisation", ""),
                state_service=request.POST.get("state_service", ""),
                by=request.user,
            )
            messages.success(request, f"« {body.name} » ajouté aux facilitateurs de la mesure {measure.number}.")
        elif action == "remove_body":
            facilitator_services.body_remove(measure=measure, body_id=_int(request.POST.get("id")), by=request.user)
            messages.success(request, f"Facilitateur retiré de la mesure {measure.number}.")
        else:
            messages.error(request, "Action inconnue.")
    except ValidationError as error:
        messages.error(request, f"Mesure {measure.number} : {' '.join(error.messages)}")
    return redirect(f"{_facilitators_url()}#mesure-{measure.number}")


def _int(value: str | None) -> int:
    return ascii_int(value or "") or 0


def _facilitators_url() -> str:
    return reverse("roadmap_facilitators")


def import_template(request: HttpRequest) -> HttpResponse:
    _check(request)
    response = HttpResponse(bilan_import.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="modele-import-bilans.csv"'
    return response


def import_bilans(request: HttpRequest) -> HttpResponse:
    """GET: the form. POST « Vérifier »: the dry run (errors by line, nothing written). POST « Importer »:
    the same check, then every row written in one transaction, or nothing if any row is wrong."""
    _check(request)
    form = BilanImportForm(request.POST or None, request.FILES or None)
    check = None
    imported = False
    if request.method == "POST" and form.is_valid():
        programme = selectors.current_programme()
        data = form.cleaned_data["file"].read()
        facilitator = form.cleaned_data["facilitator_email"]
        if programme is None:
            form.add_error(None, "Aucune feuille de route n'est chargée.")
        elif request.POST.get("action") == "import":
            check = bilan_import.bilans_import(
                data=data,
                programme=programme,
                user=request.user,
                facilitator=facilitator,
                publish=form.cleaned_data["publish"],
            )
            imported = check.ok
        else:
            check = bilan_import.bilans_check(data=data, programme=programme, facilitator=facilitator)
    status = 400 if form.errors or (check is not None and not check.ok) else 200
    return render(
        request,
        "roadmap/admin/import.html",
        {"form": form, "check": check, "imported": imported, "header": bilan_import.TEMPLATE_HEADER},
        status=status,
    )
