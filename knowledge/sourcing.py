"""Where a reference record comes from: the document, the section and the exact passage quoted."""

from __future__ import annotations

from django.db import models

SOURCE_DOCUMENT = (
    "Bilan de la feuille de route de la mission ministérielle « Accélérer les alliances stratégiques "
    "entre associations, entreprises & collectivités », 7 mai 2021"
)


class Sourced(models.Model):
    """Abstract: the source of a record taken from a document (empty for content written here)."""

    source = models.CharField("document source", max_length=300, blank=True)
    source_section = models.CharField(
        "section du document", max_length=300, blank=True, help_text="Partie, page ou note où figure le passage."
    )
    source_passage = models.TextField("passage cité", blank=True, help_text="Citation exacte du document source.")

    class Meta:
        abstract = True

    @property
    def is_sourced(self) -> bool:
        return bool(self.source)
