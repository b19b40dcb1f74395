"""Public pages of « Faire alliance »: the list of open needs and offers with filters (no JavaScript
needed: a GET form), its CSV download, a page per listing, and « Manifester son intérêt ».

The contact details of the organisations are never shown here: an interest opens a match
(alliances.match_views) where the platform relays messages until both sides accept.
"""

from __future__ import annotations

import csv
from typing import Any

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from alliances import exports, selectors, services
from alliances.forms import InterestForm, is_robot
from alliances.models import ListingKind, Resource
from alliances.permissions import VERIFIED_SOURCES, can_manage
from core.breadcrumbs import breadcrumb
from core.cache import public_page
from core.params import int_param, text_param
from organisations import selectors as organisation_selectors
from organisations.models import Organisation, OrganisationStatus
from organisations.views import LEVELS
from reference.models import PartnershipModality, SustainableDevelopmentGoal

TITLE = "Faire alliance"
PAGE_SIZE = 20


def _filters(request: HttpRequest) -> tuple[selectors.ListingFilters, list[str]]:
    """The filters of the query string; a value that cannot be used is ignored with a French warning."""
    warnings: list[str] = []
    kind = text_param(request.GET, "nature", max_length=10)
    if kind and kind not in ListingKind.values:
        warnings.append("Le filtre « Nature » contient une valeur inconnue : il a été ignoré.")
        kind = ""
    modality = text_param(request.GET, "modalite", max_length=60)
    if modality and not PartnershipModality.objects.filter(slug=modality).exists():
        warnings.append("Le filtre « Modalité » contient une valeur inconnue : il a été ignoré.")
        modality = ""
    resource = text_param(request.GET, "ressource", max_length=20)
    if resource and resource not in Resource.values:
        warnings.append("Le filtre « Ressource » contient une valeur inconnue : il a été ignoré.")
        resource = ""
    sdg = None
    if text_param(request.GET, "odd"):
        sdg = int_param(request.GET, "odd", default=0, minimum=0, maximum=18)
        if not 1 <= sdg <= 17:
            sdg = None
            warnings.append("Le filtre « ODD » attend un numéro de 1 à 17 : il a été ignoré.")
    territory = None
    level, code = text_param(request.GET, "niveau", max_length=20), text_param(request.GET, "code", max_length=20)
    if code:
        try:
            territory = organisation_selectors.territory_filter(level or "commune", code)
        except (organisation_selectors.MalformedTerritory, organisation_selectors.UnknownTerritory) as problem:
            warnings.append(f"Filtre « Territoire » ignoré : {problem}")
    filters = selectors.ListingFilters(territory=territory, kind=kind, modality=modality, sdg=sdg, resource=resource)
    return filters, warnings


@public_page
def index(request: HttpRequest) -> HttpResponse:
    filters, warnings = _filters(request)
    queryset = selectors.open_listings(filters)
    paginator = Paginator(selectors.with_related(queryset), PAGE_SIZE)
    page = paginator.get_page(int_param(request.GET, "page", default=1, minimum=1, maximum=10_000))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "alliances/index.html",
        {
            "page_title": TITLE,
            "breadcrumb_data": breadcrumb(TITLE),
            "filters": filters,
            "warnings": warnings,
            "page": page,
            "listings": list(page.object_list),
            "count": paginator.count,
            "by_departement": selectors.counts_by_departement(queryset),
            "kinds": ListingKind.choices,
            "modalities": PartnershipModality.objects.all(),
            "resources": Resource.choices,
            "sdgs": SustainableDevelopmentGoal.objects.all(),
            "levels": LEVELS,
            "level": filters.territory.level
            if filters.territory
            else text_param(request.GET, "niveau") or "departement",
            "code": filters.territory.code if filters.territory else text_param(request.GET, "code", max_length=20),
            "query": query.urlencode(),
        },
    )


def listings_csv(request: HttpRequest) -> HttpResponse:
    """The public listing as CSV, with the same filters as the page (UTF-8 with BOM, for spreadsheets).

    Text written by members is escaped so that a spreadsheet never runs it as a formula."""
    filters, _ = _filters(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="faire-alliance.csv"'
    response.write("\ufeff")
    listings = selectors.with_related(selectors.open_listings(filters)).iterator(chunk_size=500)
    csv.writer(response).writerows(exports.listing_rows(listings, absolute_url=request.build_absolute_uri))
    return response


def _interest_organisations(request: HttpRequest, listing: Any) -> Any:
    """The verified organisations the signed-in person represents, other than the posting one."""
    if not request.user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=request.user, status=OrganisationStatus.ACTIVE, source__in=VERIFIED_SOURCES
    ).exclude(pk=listing.organisation_id)


def _detail_context(request: HttpRequest, listing: Any, form: InterestForm | None = None) -> dict[str, Any]:
    organisations = _interest_organisations(request, listing)
    already = listing.matches.filter(requester__in=organisations).exists()
    return {
        "page_title": listing.title,
        "breadcrumb_data": breadcrumb(listing.title[:80], (reverse("alliances:index"), TITLE)),
        "listing": listing,
        "is_member": can_manage(request.user, listing.organisation),
        "interest_form": form or (InterestForm(organisations=organisations) if organisations.exists() else None),
        "already_interested": already,
    }


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    listing = selectors.public_listing(pk)
    if listing is None:
        raise Http404("Annonce introuvable, expirée ou clôturée.")
    return render(request, "alliances/detail.html", _detail_context(request, listing))


@require_POST
@login_required
def interest(request: HttpRequest, pk: int) -> HttpResponse:
    listing = selectors.public_listing(pk)
    if listing is None:
        raise Http404("Annonce introuvable, expirée ou clôturée.")
    form = InterestForm(request.POST, organisations=_interest_organisations(request, listing))
    if is_robot(request.POST):
        return redirect(listing.get_absolute_url())  # a robot is told nothing; nothing is stored
    if form.is_valid():
        # per account, in the shared ``ratelimit`` cache (ACCOUNT_RATE_LIMITS["alliance_interest"])
        if not ratelimit.consume(request, action="alliance_interest", user=request.user):
            form.add_error(
                None, "Trop d'intérêts manifestés en peu de temps : rien n'a été envoyé. Réessayez dans une heure."
            )
            return render(request, "alliances/detail.html", _detail_context(request, listing, form), status=429)
        try:
            services.interest_express(
                listing=listing,
                user=request.user,
                organisation=form.cleaned_data["organisation"],
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                "Votre intérêt est transmis aux membres de l'organisation ; vos coordonnées ne leur sont "
                "communiquées que si elle accepte. Suivez la mise en relation dans Mon espace.",
            )
            return redirect(listing.get_absolute_url())
    return render(request, "alliances/detail.html", _detail_context(request, listing, form), status=400)


def _add_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, field_messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_messages)
    else:
        form.add_error(None, error.messages)
