"""The platform's django-allauth adapter: e-mails leave once the request's transaction commits, and
carry the platform's address for their links and signature."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.db import transaction


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        context = {
            "site_url": settings.SITE_URL.rstrip("/"),
            "email_confirmation_days": settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS,
            "password_reset_days": settings.PASSWORD_RESET_TIMEOUT // 86400,
            **context,
        }
        # Rendered now (the request is at hand), sent only if the write that asked for it commits.
        request = self.request
        ctx = {"request": request, "email": email, "current_site": None, **context}
        message = self.render_mail(template_prefix, email, ctx)
        transaction.on_commit(message.send)
