"""Back office (Wagtail admin): the moderators review the claims that e-mail domains could not
verify, with the evidence given, and the organisations proposed outside the registers."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from organisations import members
from organisations.models import Claim, OrganisationRequest, RequestStatus

PERMISSION = "organisations.change_claim"


def _check(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied("Seule l'équipe de modération examine les demandes.")


def review_list(request: HttpRequest) -> HttpResponse:
    _check(request)
    return render(
        request,
        "organisations/admin/review_list.html",
        {
            "claims": Claim.objects.pending().select_related("organisation", "user"),
            "requests": OrganisationRequest.objects.filter(status=RequestStatus.PENDING).select_related(
                "kind", "commune", "proposer"
            ),
        },
    )


@require_http_methods(["POST"])
def claim_decide(request: HttpRequest, pk: int) -> HttpResponse:
    _check(request)
    claim = get_object_or_404(Claim, pk=pk)
    try:
        if request.POST.get("decision") == "approve":
            members.claim_approve(claim=claim, moderator=request.user)
            messages.success(request, f"Demande acceptée : {claim.user.email} représente « {claim.organisation} ».")
        else:
            members.claim_reject(claim=claim, moderator=request.user, reason=request.POST.get("reason", ""))
            messages.success(request, "Demande refusée ; le demandeur est prévenu avec le motif.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("organisations_review")


@require_http_methods(["POST"])
def request_decide(request: HttpRequest, pk: int) -> HttpResponse:
    _check(request)
    organisation_request = get_object_or_404(OrganisationRequest, pk=pk)
    try:
        if request.POST.get("decision") == "approve":
            members.organisation_request_approve(request=organisation_request, moderator=request.user)
            messages.success(request, f"« {organisation_request.name} » est publiée dans l'annuaire.")
        else:
            members.organisation_request_reject(
                request=organisation_request, moderator=request.user, reason=request.POST.get("reason", "")
            )
            messages.success(request, "Proposition refusée.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("organisations_review")
