"""Back office (Wagtail admin): the moderators review the needs and offers of organisations that are
not verified, then publish or refuse them with a reason shown to the organisation's members."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from alliances import services
from alliances.models import Listing

PERMISSION = services.MODERATOR_PERMISSION


def _check(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied("Seule l'équipe de modération examine les annonces.")


def review_list(request: HttpRequest) -> HttpResponse:
    _check(request)
    pending = (
        Listing.objects.pending()
        .select_related("organisation__kind", "author")
        .prefetch_related("modalities", "partner_kinds", "resources")
        .order_by("created_at", "id")
    )
    return render(request, "alliances/admin/review_list.html", {"listings": pending})


@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    _check(request)
    listing = get_object_or_404(Listing, pk=pk)
    try:
        if request.POST.get("decision") == "approve":
            services.listing_approve(listing=listing, moderator=request.user)
            messages.success(request, f"Annonce « {listing.title} » publiée.")
        else:
            services.listing_reject(listing=listing, moderator=request.user, reason=request.POST.get("reason", ""))
            messages.success(request, "Annonce refusée ; le motif est montré aux membres de l'organisation.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("alliances_review")
