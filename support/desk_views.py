"""The catalysts' dashboard (« Tableau de bord des demandes »): the requests routed to a desk, with their
status and age, filters (strict query parameters), and the actions on one request: take it in charge,
answer the requester through a relayed message, close it with an outcome.

A desk is a catalyst whose team's organisation the person represents, or the platform's team (the
moderators). Everyone else gets a French 403 page; a request routed elsewhere too, and nothing changes.
"""

from __future__ import annotations

from typing import Any

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from catalysts.models import Catalyst
from core.breadcrumbs import breadcrumb
from core.http import AuthenticatedHttpRequest
from core.params import choice_param, int_param
from core.refusals import refusal
from reference.models import PartnershipModality
from support import selectors, services
from support.forms import CloseForm, MessageForm
from support.models import SupportRequest
from support.permissions import Desk, desk_for, desks_of, handling_label, is_handling_desk, is_platform_team
from support.views import ROBOT, TOO_MANY_MESSAGES, add_errors

DASHBOARD = "Tableau de bord des demandes d'accompagnement"
NO_DESK = (
    "Ce tableau de bord est réservé aux membres des équipes des catalyseurs territoriaux et à l'équipe de "
    "la plateforme. Si vous animez un catalyseur, demandez à l'équipe de la plateforme de relier votre "
    "organisation à sa fiche."
)
PAGE_SIZE = 25


@require_GET
@login_required
def desk_index(request: HttpRequest) -> HttpResponse:
    desks = desks_of(request.user)
    if len(desks) == 1:
        return redirect(desks[0].url)
    if not desks:
        return refusal(request, 403, NO_DESK)
    return render(
        request,
        "support/desk_index.html",
        {"page_title": DASHBOARD, "breadcrumb_data": breadcrumb(DASHBOARD), "desks": desks},
    )


def _filters(request: HttpRequest, desk: Desk) -> tuple[selectors.DeskFilters, list[str]]:
    warnings = []
    status = choice_param(request.GET, "statut", selectors.STATUS_FILTERS, default=selectors.OPEN)
    if request.GET.get("statut") and status != request.GET.get("statut"):
        warnings.append("Le filtre « Statut » contient une valeur inconnue : il a été ignoré.")
    slugs = list(PartnershipModality.objects.values_list("slug", flat=True))
    modality = choice_param(request.GET, "modalite", slugs)
    if request.GET.get("modalite") and not modality:
        warnings.append("Le filtre « Modalité » contient une valeur inconnue : il a été ignoré.")
    codes = [d.code for d in selectors.desk_departements(desk)]
    departement = choice_param(request.GET, "departement", codes)
    if request.GET.get("departement") and not departement:
        warnings.append("Le filtre « Département » ne correspond à aucune demande reçue : il a été ignoré.")
    older_than = choice_param(request.GET, "anciennete", selectors.AGE_FILTERS)
    if request.GET.get("anciennete") and not older_than:
        warnings.append("Le filtre « Ancienneté » contient une valeur inconnue : il a été ignoré.")
    filters = selectors.DeskFilters(status=status, modality=modality, departement=departement, older_than=older_than)
    return filters, warnings


def _dashboard(request: HttpRequest, desk: Desk) -> HttpResponse:
    filters, warnings = _filters(request, desk)
    paginator = Paginator(selectors.desk_requests(desk, filters), PAGE_SIZE)
    page = paginator.get_page(int_param(request.GET, "page", default=1, minimum=1, maximum=10_000))
    query = request.GET.copy()
    query.pop("page", None)
    title = f"Demandes d'accompagnement : {desk.label}"
    return render(
        request,
        "support/desk.html",
        {
            "page_title": title,
            "breadcrumb_data": breadcrumb(desk.label, (reverse("support:desk_index"), DASHBOARD)),
            "desk": desk,
            "filters": filters,
            "warnings": warnings,
            "page": page,
            "requests": list(page.object_list),
            "count": paginator.count,
            "counts": selectors.desk_counts(desk),
            "status_filters": selectors.STATUS_FILTERS,
            "status_label": selectors.STATUS_FILTERS[filters.status],
            "age_filters": selectors.AGE_FILTERS,
            "modalities": PartnershipModality.objects.order_by("name"),
            "departements": selectors.desk_departements(desk),
            "query": query.urlencode(),
            "matches": selectors.brokered_matches(desk.catalyst) if desk.catalyst else [],
            "brokered": selectors.brokered_requests(desk.catalyst).count() if desk.catalyst else 0,
            "other_desks": [d for d in desks_of(request.user) if d != desk],
        },
    )


@require_GET
@login_required
def desk(request: HttpRequest, slug: str) -> HttpResponse:
    catalyst = Catalyst.objects.filter(slug=slug).first()
    if catalyst is None:
        raise Http404("Catalyseur introuvable.")
    if catalyst not in [d.catalyst for d in desks_of(request.user)]:
        return refusal(request, 403, f"Vous ne faites pas partie de l'équipe de « {catalyst.name} ». {NO_DESK}")
    return _dashboard(request, Desk(catalyst))


@require_GET
@login_required
def desk_platform(request: HttpRequest) -> HttpResponse:
    if not is_platform_team(request.user):
        return refusal(request, 403, NO_DESK)
    return _dashboard(request, Desk(None))


def _request_and_desk(request: HttpRequest, pk: int) -> tuple[SupportRequest, Desk]:
    support_request = (
        SupportRequest.objects.select_related("modality", "handled_by", "organisation").filter(pk=pk).first()
    )
    if support_request is None:
        raise Http404("Demande introuvable.")
    found = desk_for(request.user, support_request)
    if found is None:
        raise PermissionDenied(
            "Cette demande n'a pas été transmise à votre catalyseur : elle concerne un autre territoire."
        )
    return support_request, found


def _request_page(
    request: HttpRequest,
    support_request: SupportRequest,
    desk: Desk,
    *,
    message_form: MessageForm | None = None,
    close_form: CloseForm | None = None,
    action_error: str = "",
    status: int = 200,
) -> HttpResponse:
    title = f"Demande n° {support_request.pk} — {support_request.territory_name}"
    has_errors = bool(action_error or (message_form and message_form.errors) or (close_form and close_form.errors))
    return render(
        request,
        "support/desk_request.html",
        {
            "page_title": f"Erreur : {title}" if has_errors else title,
            "heading": title,
            "breadcrumb_data": breadcrumb(
                f"Demande n° {support_request.pk}",
                (reverse("support:desk_index"), DASHBOARD),
                (desk.url, desk.label),
            ),
            "support_request": support_request,
            "desk": desk,
            "is_handling": is_handling_desk(desk, support_request),
            "handled_by": handling_label(support_request),
            "routed_to": list(support_request.routed_to.all()),
            "thread": list(support_request.messages.select_related("catalyst")),
            "message_form": message_form or MessageForm(),
            "close_form": close_form or CloseForm(),
            "action_error": action_error,
        },
        status=status,
    )


def _guarded(view: Any) -> Any:
    """A PermissionDenied of a service becomes the French 403 page with its own message."""

    def wrapped(request: HttpRequest, pk: int) -> HttpResponse:
        try:
            return view(request, pk)
        except PermissionDenied as error:
            return refusal(request, 403, str(error) or "Vous n'avez pas les droits nécessaires.")

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@require_GET
@login_required
@_guarded
def desk_request(request: HttpRequest, pk: int) -> HttpResponse:
    support_request, desk = _request_and_desk(request, pk)
    return _request_page(request, support_request, desk)


@require_POST
@login_required
@_guarded
def desk_take(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    support_request, desk = _request_and_desk(request, pk)
    try:
        services.support_request_take(support_request=support_request, user=request.user)
    except ValidationError as error:
        return _request_page(request, support_request, desk, action_error=" ".join(error.messages), status=400)
    messages.success(request, "Vous avez pris la demande en charge : le demandeur en est informé par e-mail.")
    return redirect(support_request.desk_url)


@require_POST
@login_required
@_guarded
def desk_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    support_request, desk = _request_and_desk(request, pk)
    form = MessageForm(request.POST)
    if form.is_robot():
        form.is_valid()
        form.add_error(None, ROBOT.replace("Votre demande", "Votre message"))
    elif form.is_valid():
        if not ratelimit.consume(request, action="support_message", user=request.user):
            form.add_error(None, TOO_MANY_MESSAGES)
            return _request_page(request, support_request, desk, message_form=form, status=429)
        try:
            services.support_message_send(
                support_request=support_request, user=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "Votre réponse est transmise au demandeur.")
            return redirect(support_request.desk_url)
    return _request_page(request, support_request, desk, message_form=form, status=400)


@require_POST
@login_required
@_guarded
def desk_close(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    support_request, desk = _request_and_desk(request, pk)
    form = CloseForm(request.POST)
    if form.is_valid():
        try:
            services.support_request_close(
                support_request=support_request,
                user=request.user,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, "La demande est close.")
            return redirect(support_request.desk_url)
    return _request_page(request, support_request, desk, close_form=form, status=400)
