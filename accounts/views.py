"""« Mon espace » and the deletion of one's account; the other account pages are django-allauth's."""

from __future__ import annotations

from typing import Any

from allauth.account import views as allauth_views
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from accounts import selectors, services
from accounts.context_processors import MY_SPACE
from accounts.forms import AccountDeleteForm, NotificationPreferencesForm
from accounts.models import Topic
from accounts.notifications import read_unsubscribe_token
from core.breadcrumbs import breadcrumb

DELETE_TITLE = "Supprimer mon compte"


@require_GET
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/dashboard.html",
        {"page_title": MY_SPACE, "breadcrumb_data": breadcrumb(MY_SPACE), **selectors.my_space(user=request.user)},
    )


@require_http_methods(["GET", "POST"])
@login_required
def account_delete(request: HttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.account_delete(user=request.user)
        logout(request)
        messages.success(
            request, "Votre compte a été supprimé, avec vos recherches enregistrées, vos alertes et vos préférences."
        )
        return redirect("core:home")
    return render(
        request,
        "accounts/delete.html",
        {
            "page_title": DELETE_TITLE,
            "breadcrumb_data": breadcrumb(DELETE_TITLE, (reverse("accounts:dashboard"), MY_SPACE)),
            "form": form,
            **selectors.my_space(user=request.user),
        },
    )


def confirm_email(request: HttpRequest, key: str) -> HttpResponse:
    """allauth's confirmation page; a link that is forged, expired or already used answers with the
    French page that says so (allauth answers a bare 404 to such a POST). Nothing changes."""
    try:
        return allauth_views.confirm_email(request, key=key)
    except Http404:
        return render(request, "account/email_confirm.html", {"confirmation": None}, status=404)


NOTIFICATIONS_TITLE = "Mes notifications par e-mail"
UNSUBSCRIBE_TITLE = "Ne plus recevoir ces e-mails"


@require_http_methods(["GET", "POST"])
@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    current = selectors.notification_preferences(user=request.user)
    form = NotificationPreferencesForm(request.POST if request.method == "POST" else None, initial_preferences=current)
    if request.method == "POST" and form.is_valid():
        services.notification_preferences_set(user=request.user, **form.cleaned_data)
        messages.success(request, "Vos préférences de notification sont enregistrées.")
        return redirect("accounts:dashboard")
    return render(
        request,
        "accounts/notifications.html",
        {
            "page_title": NOTIFICATIONS_TITLE,
            "breadcrumb_data": breadcrumb(NOTIFICATIONS_TITLE, (reverse("accounts:dashboard"), MY_SPACE)),
            "form": form,
        },
    )


@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The link of notification e-mails: works without signing in; GET asks, POST turns the topic off."""
    context: dict[str, Any] = {"page_title": UNSUBSCRIBE_TITLE, "breadcrumb_data": breadcrumb(UNSUBSCRIBE_TITLE)}
    read = read_unsubscribe_token(token)
    user = get_user_model().objects.filter(pk=read[0], is_active=True).first() if read else None
    if read is None or user is None:
        return render(request, "accounts/unsubscribe.html", context, status=404)
    topic = Topic(read[1])
    context["topic_label"] = topic.label
    if request.method == "POST":
        services.notification_preferences_set(user=user, **{topic.value: False})
        context["done"] = True
    return render(request, "accounts/unsubscribe.html", context)


@require_GET
@login_required
def personal_data(request: HttpRequest) -> HttpResponse:
    """« Télécharger mes données »: everything kept about the person, as one JSON file."""
    response = JsonResponse(
        selectors.personal_data(user=request.user), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="mes-donnees-alliances-territoires.json"'
    response["Cache-Control"] = "private, no-store"
    return response
