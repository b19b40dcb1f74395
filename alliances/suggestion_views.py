"""Suggestions pages: partners suggested for a need (public: offers and directory organisations are
public), and needs suggested to the organisations a member represents (« Mon espace »)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from alliances import selectors, suggestions
from alliances.models import ListingKind
from alliances.views import TITLE
from core.breadcrumbs import breadcrumb
from core.cache import public_page
from core.http import AuthenticatedHttpRequest
from organisations.models import Organisation, OrganisationStatus

SUGGESTED_FOR_ME = "Besoins suggérés pour mes organisations"


@public_page
def for_listing(request: HttpRequest, pk: int) -> HttpResponse:
    listing = selectors.public_listing(pk)
    if listing is None or listing.kind != ListingKind.NEED:
        raise Http404("Besoin introuvable, expiré ou clôturé.")
    title = f"Partenaires suggérés pour « {listing.title[:80]} »"
    return render(
        request,
        "alliances/suggestions.html",
        {
            "page_title": title,
            "breadcrumb_data": breadcrumb(
                "Partenaires suggérés",
                (reverse("alliances:index"), TITLE),
                (listing.get_absolute_url(), listing.title[:80]),
            ),
            "listing": listing,
            "offers": suggestions.offers_for_need(listing),
            "organisations": suggestions.organisations_for_need(listing),
        },
    )


@login_required
def for_my_organisations(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = Organisation.objects.filter(
        memberships__user=request.user, status=OrganisationStatus.ACTIVE
    ).select_related("kind")
    return render(
        request,
        "alliances/suggested_for_me.html",
        {
            "page_title": SUGGESTED_FOR_ME,
            "breadcrumb_data": breadcrumb(SUGGESTED_FOR_ME, (reverse("accounts:dashboard"), "Mon espace")),
            "groups": [(o, suggestions.needs_for_organisation(o)) for o in organisations[:10]],
        },
    )
