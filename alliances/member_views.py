"""Pages of the organisations' members: post a need or an offer, edit, renew and close it, and see
their listings (« Mon espace »); the interests received are matches (alliances.match_views).

Every write goes through a service that checks on the server that the signed-in person is a member
of the listing's organisation; anyone else gets a French 403 page and nothing changes.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from alliances import selectors, services
from alliances.forms import ListingForm
from alliances.models import Listing, ListingStatus
from alliances.permissions import can_manage, is_verified
from alliances.views import TITLE, _add_errors
from core.breadcrumbs import breadcrumb
from organisations.models import Organisation, OrganisationStatus

MY_SPACE = "Mon espace"
MINE = "Mes annonces « Faire alliance »"


def _my_organisations(request: HttpRequest) -> Any:
    return Organisation.objects.filter(memberships__user=request.user, status=OrganisationStatus.ACTIVE).order_by(
        "name"
    )


def _values(form: ListingForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {
        "kind": data["kind"],
        "title": data["title"],
        "description": data["description"],
        "modalities": data["modalities"],
        "partner_kinds": data["partner_kinds"],
        "resources": data["resources"],
        "sdg_targets": data["sdg_targets"],
        "territory_level": data["territory_level"],
        "territory_code": data["territory_code"],
    }


def _listing(request: HttpRequest, pk: int) -> Listing:
    listing = Listing.objects.select_related("organisation").filter(pk=pk).first()
    if listing is None:
        raise Http404("Annonce introuvable.")
    if not can_manage(request.user, listing.organisation):
        raise PermissionDenied("Seuls les membres de l'organisation peuvent gérer ses annonces.")
    return listing


@require_http_methods(["GET", "POST"])
@login_required
def create(request: HttpRequest) -> HttpResponse:
    organisations = _my_organisations(request)
    form = ListingForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            listing = services.listing_create(
                organisation=form.cleaned_data["organisation"],
                user=request.user,
                expires_on=form.cleaned_data["expires_on"],
                **_values(form),
            )
        except ValidationError as error:
            _add_errors(form, error)
        except PermissionDenied as error:
            form.add_error("organisation", str(error))
        else:
            if listing.status == ListingStatus.PUBLISHED:
                messages.success(request, "Votre annonce est publiée sur « Faire alliance ».")
                return redirect(listing.get_absolute_url())
            messages.success(
                request,
                "Votre annonce est enregistrée : l'équipe de modération la relit avant publication, "
                "car votre organisation n'est pas encore vérifiée.",
            )
            return redirect("alliances:mine")
    title = "Publier une annonce"
    return render(
        request,
        "alliances/form.html",
        {
            "page_title": title,
            "breadcrumb_data": breadcrumb(title, (reverse("alliances:index"), TITLE)),
            "form": form,
            "has_organisation": organisations.exists(),
            "title": title,
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    listing = _listing(request, pk)
    initial = {
        "kind": listing.kind,
        "title": listing.title,
        "description": listing.description,
        "modalities": list(listing.modalities.all()),
        "partner_kinds": list(listing.partner_kinds.all()),
        "resources": list(listing.resources.values_list("resource", flat=True)),
        "sdg_targets": list(listing.sdg_targets.all()),
        "territory_level": listing.territory_level,
        "territory_code": listing.territory_code,
    }
    form = ListingForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            listing = services.listing_update(listing=listing, user=request.user, **_values(form))
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                "Annonce modifiée."
                if listing.status == ListingStatus.PUBLISHED
                else "Annonce modifiée : elle attend la relecture de l'équipe de modération.",
            )
            return redirect("alliances:mine")
    title = f"Modifier l'annonce « {listing.title[:60]} »"
    return render(
        request,
        "alliances/form.html",
        {
            "page_title": title,
            "breadcrumb_data": breadcrumb(
                "Modifier l'annonce", (reverse("accounts:dashboard"), MY_SPACE), (reverse("alliances:mine"), MINE)
            ),
            "form": form,
            "listing": listing,
            "has_organisation": True,
            "title": title,
        },
        status=400 if form.errors else 200,
    )


def _act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    listing = _listing(request, pk)
    try:
        if action == "renew":
            listing = services.listing_renew(listing=listing, user=request.user)
            messages.success(request, f"Annonce renouvelée jusqu'au {listing.expires_on:%d/%m/%Y}.")
        else:
            services.listing_close(listing=listing, user=request.user)
            messages.success(request, "Annonce clôturée : elle n'apparaît plus dans la liste publique.")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("alliances:mine")


@require_POST
@login_required
def renew(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, "renew")


@require_POST
@login_required
def close(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, "close")


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    organisations = list(_my_organisations(request))
    return render(
        request,
        "alliances/mine.html",
        {
            "page_title": MINE,
            "breadcrumb_data": breadcrumb(MINE, (reverse("accounts:dashboard"), MY_SPACE)),
            "listings": selectors.listings_of_member(request.user),
            "organisations": [(organisation, is_verified(organisation)) for organisation in organisations],
        },
    )
