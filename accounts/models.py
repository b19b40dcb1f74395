"""What a person chose to receive by e-mail. Security messages (password, address changes) are not
notifications: they always leave; nor are the answers to a person's own request (a bilan returned or
published), which always leave too, with a link to these preferences (``accounts.notifications``).

One column per topic: a new topic is a new ``BooleanField`` (default True) and its migration."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Topic(models.TextChoices):
    PROPOSALS = "proposals", "L'avancement de mes propositions d'exemples inspirants"
    ORGANISATIONS = "organisations", "La vie des organisations que je représente (demandes, invitations, membres)"
    ALERTS = "alerts", "Les nouveaux résultats de mes recherches enregistrées (alertes)"
    REMINDERS = "reminders", "Les rappels d'échéance des bilans des mesures dont je suis facilitateur"


class NotificationPreferences(models.Model):
    """One row per person who changed a default; without a row, every notification is wanted."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name="utilisateur",
    )
    proposals = models.BooleanField(Topic.PROPOSALS.label, default=True)
    organisations = models.BooleanField(Topic.ORGANISATIONS.label, default=True)
    alerts = models.BooleanField(Topic.ALERTS.label, default=True)
    reminders = models.BooleanField(Topic.REMINDERS.label, default=True)

    class Meta:
        verbose_name = "préférences de notification"
        verbose_name_plural = "préférences de notification"

    def __str__(self) -> str:
        return f"Préférences de {self.user}"

    def wants(self, topic: str) -> bool:
        return bool(getattr(self, Topic(topic).value))
