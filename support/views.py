"""The requester's pages: ask for support (« Je cherche un accompagnement »), follow the request,
write to whoever handles it, withdraw it. Sign-in required; every write goes through a service.

The commune is typed as on « Près de chez moi » (``nearby``): the autocomplete fills ``code`` with the
INSEE code; without JavaScript the server resolves the text, and when several communes match (a
shared postcode, homonyms) the form comes back asking which one, with what was typed kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from core.breadcrumbs import breadcrumb
from core.http import AuthenticatedHttpRequest
from core.params import ascii_int
from core.refusals import refusal
from nearby.session import remembered_commune
from organisations.models import Organisation, OrganisationStatus
from support import selectors, services
from support.forms import MessageForm, SupportRequestForm
from support.permissions import handling_label
from territories import selectors as territory_selectors
from territories.models import Commune

ASK_TITLE = "Je cherche un accompagnement"
MY_SPACE = "Mon espace"
ROBOT = (
    "Votre demande n'a pas été envoyée : un champ caché, réservé à la détection des robots, a été rempli. "
    "Si un outil remplit vos formulaires automatiquement, désactivez-le et réessayez."
)
TOO_MANY = "Vous avez envoyé beaucoup de demandes en peu de temps : celle-ci n'a pas été enregistrée. Réessayez demain."
TOO_MANY_MESSAGES = (
    "Vous avez envoyé beaucoup de messages en peu de temps : celui-ci n'est pas parti. Réessayez dans une heure."
)


def add_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, field_messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_messages)
    else:
        form.add_error(None, error.messages)


def _my_organisations(request: AuthenticatedHttpRequest) -> QuerySet[Organisation]:
    return Organisation.objects.filter(memberships__user=request.user, status=OrganisationStatus.ACTIVE).order_by(
        "name"
    )


def _chosen_code(request: HttpRequest) -> str:
    """The INSEE code picked in the autocomplete or among the communes offered (first non-empty value)."""
    return next((code.strip()[:5] for code in request.POST.getlist("code") if code.strip()), "")


def _resolve_commune(request: HttpRequest, form: SupportRequestForm) -> tuple[Commune | None, list[Commune]]:
    """The commune meant, or an error on the field (and the communes to choose from when several match)."""
    code = _chosen_code(request)
    if code:
        commune = Commune.objects.select_related("departement", "region", "epci").filter(code=code).first()
        if commune is not None:
            return commune, []
    text = form.cleaned_data.get("commune", "")
    if ascii_int(text) is not None and len(text) != 5:
        form.add_error(
            "commune",
            f"« {text} » n'est pas un code postal complet : indiquez ses 5 chiffres, ou le nom de la commune.",
        )
        return None, []
    choice = territory_selectors.choose_commune(text)
    if choice.commune is not None:
        return Commune.objects.select_related("departement", "region", "epci").get(pk=choice.commune.pk), []
    if not choice.total:
        form.add_error(
            "commune",
            f"Aucune commune ne correspond à « {text} ». Vérifiez l'orthographe, "
            "ou indiquez le code postal (5 chiffres).",
        )
        return None, []
    form.add_error(
        "commune",
        f"Plusieurs communes correspondent à « {text} » : choisissez la vôtre dans la liste ci-dessous.",
    )
    return None, choice.communes


def _ask_page(
    request: HttpRequest, form: SupportRequestForm, *, choices: Sequence[Commune] = (), status: int = 200
) -> HttpResponse:
    title = f"Erreur : {ASK_TITLE}" if form.errors else ASK_TITLE
    return render(
        request,
        "support/ask.html",
        {
            "page_title": title,
            "breadcrumb_data": breadcrumb(ASK_TITLE, (reverse("catalysts:list"), "Catalyseurs territoriaux")),
            "form": form,
            "commune_choices": choices or [],
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def ask(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = _my_organisations(request)
    if request.method != "POST":
        remembered = remembered_commune(request)
        initial = {"commune": f"{remembered.name} ({remembered.departement_id})"} if remembered else {}
        return _ask_page(request, SupportRequestForm(initial=initial, organisations=organisations))
    form = SupportRequestForm(request.POST, organisations=organisations)
    if form.is_robot():
        form.is_valid()
        form.add_error(None, ROBOT)
        return _ask_page(request, form, status=400)
    if not form.is_valid():
        return _ask_page(request, form, status=400)
    commune, choices = _resolve_commune(request, form)
    if commune is None:
        return _ask_page(request, form, choices=choices, status=400)
    if not ratelimit.consume(request, action="support_request", user=request.user):
        form.add_error(None, TOO_MANY)
        return _ask_page(request, form, status=429)
    try:
        support_request = services.support_request_create(
            requester=request.user,
            purpose=form.cleaned_data["purpose"],
            commune=commune,
            modality=form.cleaned_data["modality"],
            organisation=form.cleaned_data.get("organisation"),
            organisation_name=form.cleaned_data["organisation_name"],
        )
    except ValidationError as error:
        add_errors(form, error)
        return _ask_page(request, form, status=400)
    messages.success(request, "Votre demande d'accompagnement est envoyée.")
    return redirect(support_request.get_absolute_url())


def _mine(request: AuthenticatedHttpRequest, pk: int) -> Any:
    support_request = selectors.requester_request(user=request.user, pk=pk)
    if support_request is None:
        raise Http404("Demande introuvable.")
    return support_request


def _mine_page(
    request: HttpRequest,
    support_request: Any,
    *,
    form: MessageForm | None = None,
    action_error: str = "",
    status: int = 200,
) -> HttpResponse:
    title = f"Ma demande d'accompagnement n° {support_request.pk}"
    return render(
        request,
        "support/mine_detail.html",
        {
            "page_title": f"Erreur : {title}" if action_error or (form is not None and form.errors) else title,
            "action_error": action_error,
            "heading": title,
            "breadcrumb_data": breadcrumb(title, (reverse("accounts:dashboard"), MY_SPACE)),
            "support_request": support_request,
            "handled_by": handling_label(support_request),
            "thread": list(support_request.messages.all()),
            "message_form": form or MessageForm(),
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD"])
@login_required
def mine_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _mine_page(request, _mine(request, pk))


@require_POST
@login_required
def mine_message(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    support_request = _mine(request, pk)
    form = MessageForm(request.POST)
    if form.is_robot():
        form.is_valid()
        form.add_error(None, ROBOT.replace("Votre demande", "Votre message"))
        return _mine_page(request, support_request, form=form, status=400)
    if not form.is_valid():
        return _mine_page(request, support_request, form=form, status=400)
    if not ratelimit.consume(request, action="support_message", user=request.user):
        form.add_error(None, TOO_MANY_MESSAGES)
        return _mine_page(request, support_request, form=form, status=429)
    try:
        services.support_message_send(
            support_request=support_request, user=request.user, body=form.cleaned_data["body"]
        )
    except ValidationError as error:
        return _mine_page(request, support_request, action_error=" ".join(error.messages), status=400)
    messages.success(request, "Votre message est transmis.")
    return redirect(support_request.get_absolute_url())


@require_POST
@login_required
def mine_withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    support_request = _mine(request, pk)
    try:
        services.support_request_close(support_request=support_request, user=request.user, outcome="withdrawn")
    except ValidationError as error:
        return _mine_page(request, support_request, action_error=" ".join(error.messages), status=400)
    except PermissionDenied as error:
        return refusal(request, 403, str(error))
    messages.success(request, "Votre demande est retirée.")
    return redirect(support_request.get_absolute_url())
