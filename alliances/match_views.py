"""Pages of the matches in « Mon espace »: the list, one match (answer, messages, history, contacts once
both sides accepted), and a catalyst's proposal of two organisations of its territory.

A person who represents neither side gets a 404: a match, its messages and its contacts exist only
for its two sides. Every write goes through ``alliances.match_services``, which checks the rights
again; bad input comes back with a French message and nothing changed.
"""

from __future__ import annotations

from typing import Any

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from alliances import match_selectors, match_services
from alliances.forms import CatalystProposalForm, DeclineForm, MessageForm, is_robot
from alliances.models import Match, MatchStatus
from alliances.permissions import catalysts_of_member
from alliances.views import _add_errors
from core.breadcrumbs import breadcrumb
from core.http import AuthenticatedHttpRequest

MY_SPACE = "Mon espace"
MATCHES = "Mes mises en relation"
CATALYSTS_ONLY = "Seuls les membres de l'organisation d'un catalyseur peuvent proposer une mise en relation."
RATE_LIMITED = "Trop de messages envoyés en peu de temps : rien n'a été envoyé. Réessayez dans une heure."


def _crumbs(current: str) -> dict[str, Any]:
    return breadcrumb(current, (reverse("accounts:dashboard"), MY_SPACE), (reverse("alliances:matches"), MATCHES))


def _match(request: HttpRequest, pk: int) -> tuple[Match, str]:
    found = match_selectors.match_for_member(pk, request.user)
    if found is None:
        raise Http404("Mise en relation introuvable.")
    return found


@login_required
def match_list(request: HttpRequest) -> HttpResponse:
    rows = []
    for match in match_selectors.matches_of_member(request.user)[:200]:
        side = match_selectors.sides_of_member(match, request.user)[0]
        rows.append((match, side, match_selectors.other_side_label(match, side)))
    return render(
        request,
        "alliances/matches.html",
        {
            "page_title": MATCHES,
            "breadcrumb_data": breadcrumb(MATCHES, (reverse("accounts:dashboard"), MY_SPACE)),
            "rows": rows,
            "is_catalyst": catalysts_of_member(request.user).exists(),
        },
    )


def _detail(
    request: HttpRequest,
    match: Match,
    side: str,
    *,
    message_form: MessageForm | None = None,
    decline_form: DeclineForm | None = None,
    status: int = 200,
) -> HttpResponse:
    other = match_selectors.other_side(side)
    organisation = match.requester if side == "requester" else match.recipient
    other_label = match_selectors.other_side_label(match, side)
    title = f"Mise en relation avec {other_label}"
    return render(
        request,
        "alliances/match.html",
        {
            "page_title": title,
            "breadcrumb_data": _crumbs("Une mise en relation"),
            "match": match,
            "side": side,
            "organisation": organisation,
            "other_label": other_label,
            "contact": match_selectors.contact_of(match, other),
            "my_contact": match_selectors.contact_of(match, side),
            "i_accepted": match.accepted_by(side),
            "other_accepted": match.accepted_by(other),
            "can_answer": match.status == MatchStatus.SENT and not match.accepted_by(side),
            "can_write": match.status not in ("declined", "expired", "formed", "closed"),
            "message_form": message_form or MessageForm(),
            "decline_form": decline_form or DeclineForm(),
            "messages_list": [
                (
                    message,
                    "Vous" if message.sender_id == organisation.pk else match_selectors.other_side_label(match, side),
                )
                for message in match.messages.all()
            ],
            "events": match.events.all(),
            "expiry_days": match_services.expiry_days(),
        },
        status=status,
    )


@login_required
def match_detail(request: HttpRequest, pk: int) -> HttpResponse:
    match, side = _match(request, pk)
    return _detail(request, match, side)


def _organisation(match: Match, side: str) -> Any:
    return match.requester if side == "requester" else match.recipient


@require_POST
@login_required
def match_accept(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    match, side = _match(request, pk)
    try:
        match = match_services.match_accept(match=match, user=request.user, organisation=_organisation(match, side))
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(
            request,
            "Mise en relation acceptée : les coordonnées de chacun sont visibles ci-dessous."
            if match.is_released
            else "Votre accord est enregistré : la réponse de l'autre organisation est attendue.",
        )
    return redirect(match.get_absolute_url())


@require_POST
@login_required
def match_decline(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    match, side = _match(request, pk)
    form = DeclineForm(request.POST)
    if form.is_valid():
        try:
            match_services.match_decline(
                match=match,
                user=request.user,
                organisation=_organisation(match, side),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "Mise en relation déclinée : votre motif est transmis à l'autre organisation.")
            return redirect(match.get_absolute_url())
    return _detail(request, match, side, decline_form=form, status=400)


@require_POST
@login_required
def message_send(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    match, side = _match(request, pk)
    if is_robot(request.POST):
        return redirect(match.get_absolute_url())
    form = MessageForm(request.POST)
    if form.is_valid():
        if not ratelimit.consume(request, action="alliance_message", user=request.user):
            form.add_error("body", RATE_LIMITED)
            return _detail(request, match, side, message_form=form, status=429)
        try:
            match_services.message_send(
                match=match, user=request.user, organisation=_organisation(match, side), body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "Message transmis par la plateforme.")
            return redirect(match.get_absolute_url() + "#messages")
    return _detail(request, match, side, message_form=form, status=400)


@require_POST
@login_required
def match_step(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """« Nous échangeons », « Alliance formée » or « Close sans alliance »."""
    match, side = _match(request, pk)
    outcome = request.POST.get("etape", "")
    try:
        match = match_services.match_conclude(
            match=match, user=request.user, organisation=_organisation(match, side), outcome=outcome
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Mise en relation : {match.get_status_display()}.")
    return redirect(match.get_absolute_url())


@require_http_methods(["GET", "POST"])
@login_required
def catalyst_propose(request: AuthenticatedHttpRequest) -> HttpResponse:
    catalysts = catalysts_of_member(request.user)
    if not catalysts.exists():
        raise PermissionDenied(
            "Seuls les membres de l'organisation d'un catalyseur peuvent proposer une mise en relation."
        )
    form = CatalystProposalForm(request.POST or None, catalysts=catalysts)
    if request.method == "POST" and not is_robot(request.POST) and form.is_valid():
        try:
            match_services.match_propose_by_catalyst(
                user=request.user,
                catalyst=form.cleaned_data["catalyst"],
                requester=form.cleaned_data["requester"],
                recipient=form.cleaned_data["recipient"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "Mise en relation proposée : les deux organisations sont prévenues.")
            return redirect("alliances:matches")
    title = "Proposer une mise en relation"
    return render(
        request,
        "alliances/propose.html",
        {"page_title": title, "breadcrumb_data": _crumbs(title), "form": form},
        status=400 if form.errors else 200,
    )
