"""What the agenda says of an event besides its dates and place: who organises it, for whom, where to register.

Kept beside ``resources.Event`` (one row per event at most, edited inline in the event's form,
part of its revisions through the ParentalKey): see docs/adr/0026-near-me-and-local-hub.md.
"""

from __future__ import annotations

from django.db import models
from modelcluster.fields import ParentalKey


class Audience(models.TextChoices):
    EVERYONE = "tout-public", "Tout public"
    INDIVIDUALS = "particuliers", "Particuliers (grand public)"
    ORGANISATIONS = "organisations", "Organisations (associations, entreprises, collectivités, État)"


# The agenda's « public » filter → the audiences of the events it shows.
AUDIENCE_FILTER = {
    Audience.INDIVIDUALS: [Audience.EVERYONE, Audience.INDIVIDUALS],
    Audience.ORGANISATIONS: [Audience.EVERYONE, Audience.ORGANISATIONS],
}


class EventDetails(models.Model):
    event = ParentalKey("resources.Event", on_delete=models.CASCADE, related_name="details")
    organiser = models.CharField("organisé par", max_length=200, blank=True)
    audience = models.CharField("public", max_length=13, choices=Audience.choices, default=Audience.EVERYONE)
    registration_url = models.URLField(
        "lien d'inscription",
        max_length=500,
        blank=True,
        help_text="Formulaire ou page d'inscription de l'organisateur.",
    )

    class Meta:
        verbose_name = "organisation et inscription"
        verbose_name_plural = "organisation et inscription"
        constraints = [models.UniqueConstraint(fields=["event"], name="event_details_one_per_event")]
        indexes = [models.Index(fields=["audience", "event"], name="event_details_audience_idx")]

    def __str__(self) -> str:
        return self.organiser or self.get_audience_display()
