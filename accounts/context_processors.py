"""Page title and breadcrumb of the account pages served by django-allauth's own views."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from core.breadcrumbs import breadcrumb

MY_SPACE = "Mon espace"

# url name → (title, inside « Mon espace »)
PAGES: dict[str, tuple[str, bool]] = {
    "account_login": ("Se connecter", False),
    "account_logout": ("Se déconnecter", False),
    "account_signup": ("Créer un compte", False),
    "account_email_verification_sent": ("Confirmez votre adresse e-mail", False),
    "account_confirm_email": ("Confirmer votre adresse e-mail", False),
    "account_reset_password": ("Mot de passe oublié", False),
    "account_reset_password_done": ("Consultez votre messagerie", False),
    "account_reset_password_from_key": ("Choisir un nouveau mot de passe", False),
    "account_reset_password_from_key_done": ("Mot de passe modifié", False),
    "account_inactive": ("Compte désactivé", False),
    "account_reauthenticate": ("Confirmer votre identité", True),
    "account_email": ("Changer d'adresse e-mail", True),
    "account_change_password": ("Changer de mot de passe", True),
    "account_set_password": ("Définir un mot de passe", True),
}


def account_pages(request: HttpRequest) -> dict[str, Any]:
    match = request.resolver_match
    page = PAGES.get(match.url_name or "") if match else None
    if page is None:
        return {}
    title, in_my_space = page
    links = [(reverse("accounts:dashboard"), MY_SPACE)] if in_my_space else []
    return {
        "page_title": title,
        "breadcrumb_data": breadcrumb(title, *links),
        "email_confirmation_days": settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS,
    }
