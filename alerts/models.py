"""Saved searches (« recherches enregistrées ») of signed-in users, and their e-mail alerts."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

MAX_QUERY_LENGTH = 2000


class Frequency(models.TextChoices):
    DAILY = "daily", "Chaque jour"
    WEEKLY = "weekly", "Chaque semaine"


class SavedSearchQuerySet(models.QuerySet["SavedSearch"]):
    def of_user(self, user: object) -> SavedSearchQuerySet:
        return self.filter(user=user)

    def with_frequency(self, frequency: str) -> SavedSearchQuerySet:
        return self.filter(frequency=frequency)


class SavedSearch(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches", verbose_name="utilisateur"
    )
    query = models.CharField(
        "recherche", max_length=MAX_QUERY_LENGTH, blank=True, help_text="Paramètres normalisés de l'adresse."
    )
    frequency = models.CharField("fréquence", max_length=10, choices=Frequency.choices)
    created_at = models.DateTimeField("créée le", default=timezone.now, editable=False)
    last_sent_at = models.DateTimeField("dernière alerte", null=True, blank=True)

    objects = SavedSearchQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "recherche enregistrée"
        verbose_name_plural = "recherches enregistrées"
        constraints = [models.UniqueConstraint(fields=["user", "query"], name="saved_search_unique_per_user")]

    def __str__(self) -> str:
        return f"{self.user} — ?{self.query}"

    @property
    def search_url(self) -> str:
        path = reverse("search:search")
        return f"{path}?{self.query}" if self.query else path
