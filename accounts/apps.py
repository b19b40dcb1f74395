from __future__ import annotations

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Comptes et espace personnel"

    def ready(self) -> None:
        # django-allauth counts its rate limits (sign-up, password reset…) in Django's default cache,
        # which is per process here; count them where every server worker counts the others: the
        # shared ``ratelimit`` cache (docs/adr/0017-accounts.md).
        from allauth.core.internal import ratelimit
        from django.core.cache import caches
        from django.utils.connection import ConnectionProxy

        ratelimit.cache = ConnectionProxy(caches, "ratelimit")
