"""« Mon espace » and the deletion of one's account; the other account pages are django-allauth's."""

from __future__ import annotations

from allauth.account import views as allauth_views
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from accounts import selectors, services
from accounts.context_processors import MY_SPACE
from accounts.forms import AccountDeleteForm
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
        messages.success(request, "Votre compte a été supprimé, avec vos recherches enregistrées et vos alertes.")
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
