"""Erase the contact messages older than CONTACT_MESSAGE_RETENTION_DAYS (run daily by the scheduler)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from contact.services import contact_messages_purge


class Command(BaseCommand):
    help = "Efface les messages de contact plus anciens que la durée de conservation (CONTACT_MESSAGE_RETENTION_DAYS)."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = contact_messages_purge()
        days = settings.CONTACT_MESSAGE_RETENTION_DAYS
        self.stdout.write(f"{deleted} message(s) de contact effacé(s) (conservation : {days} jours).")
