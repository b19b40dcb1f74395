"""The French pages of the ProConnect sign-in that are not django-allauth's: title, breadcrumb and status."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from core.breadcrumbs import breadcrumb

TITLE_ERROR = "La connexion avec ProConnect n'a pas abouti"
TITLE_CANCELLED = "Connexion avec ProConnect annulée"
TITLE_NO_EMAIL = "Adresse e-mail manquante"
TITLE_UNVERIFIED = "Confirmez d'abord votre compte"
TITLE_BAD_LOGOUT = "Lien de retour invalide"


def render_page(
    request: HttpRequest, template: str, title: str, context: dict[str, Any] | None = None, *, status: int = 200
) -> HttpResponse:
    return render(
        request,
        template,
        {
            "page_title": title,
            "breadcrumb_data": breadcrumb(title, (reverse("account_login"), "Se connecter")),
            **(context or {}),
        },
        status=status,
    )
