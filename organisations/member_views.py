"""Pages of the people who represent organisations: claim a page, manage it (edit, history, members,
invitations), accept an invitation, propose an organisation that is in no register.

Every write goes through a service that checks the signed-in person's rights on the server; a
person who is not a member gets a French 403 page and nothing changes.
"""

from __future__ import annotations

from typing import Any

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from core.breadcrumbs import breadcrumb
from organisations import members, page
from organisations.member_forms import ClaimForm, InvitationForm, OrganisationRequestForm, PageForm
from organisations.models import Membership, Organisation
from organisations.permissions import membership
from organisations.views import TITLE as DIRECTORY

MY_SPACE = "Mon espace"


def _organisation(pk: int) -> Organisation:
    organisation = Organisation.objects.select_related("kind").filter(pk=pk).first()
    if organisation is None:
        raise Http404("Organisation introuvable.")
    return organisation


def _crumbs(title: str, organisation: Organisation) -> dict[str, Any]:
    return breadcrumb(
        title,
        (reverse("organisations:directory"), DIRECTORY),
        (organisation.get_absolute_url(), organisation.name[:80]),
    )


def _add_errors(form: Form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, field_messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_messages)
    else:
        form.add_error(None, error.messages)


@require_http_methods(["GET", "POST"])
@login_required
def claim(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _organisation(pk)
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = members.claim_start(
                organisation=organisation, user=request.user, evidence=form.cleaned_data["evidence"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if result.status == "verified":
                messages.success(
                    request,
                    f"Votre adresse {result.email} est sur le domaine du site de l'organisation : vous êtes "
                    "administrateur de sa page.",
                )
                return redirect("organisations:manage", pk=organisation.pk)
            messages.success(
                request,
                "Votre demande est enregistrée : l'équipe de modération l'examine et vous prévient par e-mail.",
            )
            return redirect("accounts:dashboard")
    title = "Je représente cette organisation"
    return render(
        request,
        "organisations/claim.html",
        {
            "page_title": title,
            "breadcrumb_data": _crumbs(title, organisation),
            "organisation": organisation,
            "form": form,
        },
    )


def _manage_context(request: HttpRequest, organisation: Organisation, **forms: Form) -> dict[str, Any]:
    title = f"Gérer la page de {organisation.name[:80]}"
    mine = membership(request.user, organisation)
    return {
        "page_title": title,
        "breadcrumb_data": _crumbs("Gérer la page", organisation),
        "organisation": organisation,
        "membership": mine,
        "is_admin": mine is not None and mine.role == "admin",
        "members": organisation.memberships.select_related("user").order_by("role", "created_at"),
        "invitations": organisation.invitations.filter(accepted_at__isnull=True),
        "history": organisation.changes.select_related("author")[:50],
        "page_form": forms.get("page_form") or _page_form(organisation),
        "invitation_form": forms.get("invitation_form") or InvitationForm(),
    }


def _page_form(organisation: Organisation, data: Any = None, files: Any = None) -> PageForm:
    initial = {
        name: getattr(organisation, name)
        for name in (
            "presentation",
            "page_website",
            "contact_email",
            "contact_phone",
            "show_contact",
            "seeks",
            "offers",
        )
    }
    for name in ("sdgs", "sdg_targets", "action_regions", "action_departements"):
        initial[name] = list(getattr(organisation, name).all())
    return PageForm(data, files, initial=initial)


def _require_member(request: HttpRequest, organisation: Organisation) -> None:
    if membership(request.user, organisation) is None:
        raise PermissionDenied("Seuls les membres de l'organisation peuvent gérer sa page.")


@require_http_methods(["GET", "POST"])
@login_required
def manage(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _organisation(pk)
    _require_member(request, organisation)
    if request.method == "POST":
        form = _page_form(organisation, request.POST, request.FILES)
        if form.is_valid():
            try:
                change = page.page_update(organisation=organisation, user=request.user, **form.changed_values())
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request, "La page est mise à jour." if change else "Aucune modification : la page est inchangée."
                )
                return redirect("organisations:manage", pk=organisation.pk)
        return render(
            request, "organisations/manage.html", _manage_context(request, organisation, page_form=form), status=400
        )
    return render(request, "organisations/manage.html", _manage_context(request, organisation))


@require_POST
@login_required
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _organisation(pk)
    _require_member(request, organisation)
    form = InvitationForm(request.POST)
    if form.is_valid():
        # counted in the shared ``ratelimit`` cache like sign-ups and password resets (ACCOUNT_RATE_LIMITS)
        if not ratelimit.consume(request, action="organisation_invite", user=request.user, key=str(organisation.pk)):
            form.add_error(
                None,
                "Trop d'invitations envoyées en peu de temps : aucune invitation n'est partie. "
                "Réessayez dans une heure.",
            )
            return render(
                request,
                "organisations/manage.html",
                _manage_context(request, organisation, invitation_form=form),
                status=429,
            )
        try:
            members.invitation_send(
                organisation=organisation,
                inviter=request.user,
                email=form.cleaned_data["invited_email"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, f"L'invitation est envoyée à {form.cleaned_data['invited_email']}.")
            return redirect(reverse("organisations:manage", kwargs={"pk": pk}) + "#membres")
    return render(
        request, "organisations/manage.html", _manage_context(request, organisation, invitation_form=form), status=400
    )


@require_POST
@login_required
def member_remove(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    organisation = _organisation(pk)
    _require_member(request, organisation)
    target = get_object_or_404(Membership, pk=membership_pk, organisation=organisation)
    try:
        members.member_remove(membership=target, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{target.user.email} ne fait plus partie de l'organisation.")
        if target.user_id == request.user.pk:
            return redirect("accounts:dashboard")
    return redirect(reverse("organisations:manage", kwargs={"pk": pk}) + "#membres")


@require_http_methods(["GET", "POST"])
@login_required
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    found = members.invitation_from_token(token)
    title = "Rejoindre une organisation"
    context: dict[str, Any] = {"page_title": title, "breadcrumb_data": breadcrumb(title), "invitation": found}
    if found is None:
        return render(request, "organisations/invitation.html", context, status=404)
    if request.method == "POST":
        try:
            members.invitation_accept(invitation=found, user=request.user)
        except ValidationError as error:
            context["errors"] = error.messages
            return render(request, "organisations/invitation.html", context, status=400)
        messages.success(request, f"Vous représentez désormais « {found.organisation.name} ».")
        return redirect("organisations:manage", pk=found.organisation_id)
    return render(request, "organisations/invitation.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def organisation_request(request: HttpRequest) -> HttpResponse:
    form = OrganisationRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            members.organisation_request_create(
                proposer=request.user,
                kind=data["kind"],
                name=data["name"],
                purpose=data["purpose"],
                website=data["website"],
                commune=data["commune_code"],
                evidence=data["evidence"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                "Merci : l'organisation sera ajoutée à l'annuaire après vérification par l'équipe de modération.",
            )
            return redirect("accounts:dashboard")
    title = "Ajouter une organisation absente des registres"
    return render(
        request,
        "organisations/request.html",
        {
            "page_title": title,
            "breadcrumb_data": breadcrumb(title, (reverse("organisations:directory"), DIRECTORY)),
            "form": form,
        },
    )
