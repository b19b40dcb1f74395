"""Messages sent through the public contact form (« Nous contacter »).

Only what is needed to answer: the subject, the reply address and the message; no IP address,
no name. Read by the mission team in the back office (read-only), erased after
``CONTACT_MESSAGE_RETENTION_DAYS`` by ``manage.py purge_contact_messages``.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

MAX_MESSAGE_LENGTH = 5000


class Subject(models.TextChoices):
    QUESTION = "question", "Une question sur la plateforme"
    CONTENT = "contenu", "Signaler une erreur dans un contenu"
    ACCESSIBILITY = "accessibilite", "Un problème d'accessibilité"
    PERSONAL_DATA = "donnees-personnelles", "Mes données personnelles"
    OTHER = "autre", "Autre demande"


class ContactMessageQuerySet(models.QuerySet["ContactMessage"]):
    def received_before(self, moment: object) -> ContactMessageQuerySet:
        return self.filter(created_at__lt=moment)


class ContactMessage(models.Model):
    subject = models.CharField("objet", max_length=30, choices=Subject.choices)
    email = models.EmailField("adresse électronique pour la réponse", max_length=254)
    message = models.TextField("message", max_length=MAX_MESSAGE_LENGTH)
    created_at = models.DateTimeField("reçu le", default=timezone.now, editable=False, db_index=True)

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "message de contact"
        verbose_name_plural = "messages de contact"

    def __str__(self) -> str:
        return f"{self.get_subject_display()} — {self.created_at:%d/%m/%Y %H:%M}"
