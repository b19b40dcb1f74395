"""Learning paths (« apprendre à faire alliance », chantier 4, measures 20–21).

A path is written for one of the 4 target groups the source document names for chantier 4 and is
a list of steps; each step points to one item the platform already holds (a tool, a sheet of the
kit « L'ODD 17 en pratique », a study or an event) and says at which maturity (and phase) it
serves. Paths are Wagtail snippets with drafts and revisions; the public sees published paths and,
in them, only the steps whose item is published. See docs/adr/0031-learning-paths.md.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin

from hub.kit import SHEETS, SHEETS_BY_SLUG
from resources.models import Maturity, Phase

AUDIENCE_SOURCE = (
    "Bilan de la feuille de route de la mission ministérielle « Accélérer les alliances stratégiques entre "
    "associations, entreprises & collectivités », 7 mai 2021, « Avancées et prochaines étapes des 4 chantiers "
    "structurels », quatrième chantier"
)
AUDIENCE_PASSAGE = (
    "Côté enseignement, 4 programmes complémentaires ont été initiés pour répondre aux besoins de 4 cibles : "
    "les jeunes, les chefs de projets sectoriels et/ou territoriaux, les « catalyseurs » et les décideurs."
)


class Audience(models.TextChoices):
    """The 4 target groups of chantier 4, in the source document's words and order."""

    YOUTH = "jeunes", "Les jeunes"
    PROJECT_LEADERS = "chefs-de-projets", "Les chefs de projets sectoriels et/ou territoriaux"
    CATALYSTS = "catalyseurs", "Les « catalyseurs »"
    DECISION_MAKERS = "decideurs", "Les décideurs"


MATURITY_RANK = {value: rank for rank, value in enumerate(Maturity.values)}
# A step for every phase (blank) comes before the phases, which follow their own order.
PHASE_RANK = {"": 0, **{value: rank + 1 for rank, value in enumerate(Phase.values)}}
KIT_SHEET_CHOICES = [(sheet.slug, f"Fiche {sheet.number} : {sheet.title}") for sheet in SHEETS]


class LearningPathQuerySet(models.QuerySet):
    def published(self) -> LearningPathQuerySet:
        return self.filter(live=True).filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))

    def for_audience(self, audience: str) -> LearningPathQuerySet:
        return self.filter(audience=audience)


class LearningPath(DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    title = models.CharField("titre", max_length=200)
    slug = models.SlugField("identifiant dans l'adresse", max_length=120, unique=True)
    audience = models.CharField("public", max_length=20, choices=Audience.choices)
    summary = models.TextField("présentation", help_text="À qui s'adresse le parcours et ce qu'il permet.")
    source = models.TextField(
        "source",
        blank=True,
        help_text="Pour un parcours tiré du document source : le document et la section qui le fondent.",
    )
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    objects = LearningPathQuerySet.as_manager()

    class Meta:
        ordering = ["audience", "title"]
        verbose_name = "parcours d'apprentissage"
        verbose_name_plural = "parcours d'apprentissage"
        indexes = [models.Index(fields=["audience", "live"], name="learning_path_audience_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learning:path", kwargs={"slug": self.slug})


class StepKind(models.TextChoices):
    TOOL = "outil", "Outil ou méthode"
    KIT_SHEET = "fiche", "Fiche du kit « L'ODD 17 en pratique »"
    STUDY = "etude", "Étude ou rapport"
    EVENT = "evenement", "Événement"


# Which field holds the item of each kind of step.
TARGET_FIELDS = {
    StepKind.TOOL: "tool",
    StepKind.STUDY: "study",
    StepKind.EVENT: "event",
    StepKind.KIT_SHEET: "kit_sheet",
}


class LearningStep(Orderable):
    """One step of a path: one item of the platform, at a maturity and (optionally) a phase."""

    path = ParentalKey(LearningPath, on_delete=models.CASCADE, related_name="steps")
    maturity = models.CharField("maturité", max_length=12, choices=Maturity.choices)
    phase = models.CharField(
        "phase", max_length=12, choices=Phase.choices, blank=True, help_text="Vide : toutes phases."
    )
    tool = models.ForeignKey(
        "resources.Tool", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name="outil"
    )
    study = models.ForeignKey(
        "resources.Study", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name="étude"
    )
    event = models.ForeignKey(
        "resources.Event", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name="événement"
    )
    kit_sheet = models.CharField("fiche du kit", max_length=60, choices=KIT_SHEET_CHOICES, blank=True)
    note = models.TextField(
        "pourquoi cette étape",
        blank=True,
        help_text="Ce que la personne y trouve ; une citation exacte pour la source.",
    )

    class Meta(Orderable.Meta):
        verbose_name = "étape"
        verbose_name_plural = "étapes"
        constraints = [
            models.CheckConstraint(
                name="learning_step_one_item",
                condition=(
                    Q(tool__isnull=False, study__isnull=True, event__isnull=True, kit_sheet="")
                    | Q(tool__isnull=True, study__isnull=False, event__isnull=True, kit_sheet="")
                    | Q(tool__isnull=True, study__isnull=True, event__isnull=False, kit_sheet="")
                    | (Q(tool__isnull=True, study__isnull=True, event__isnull=True) & ~Q(kit_sheet=""))
                ),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        chosen = [self.tool_id, self.study_id, self.event_id, self.kit_sheet or None]
        if sum(value is not None for value in chosen) != 1:
            raise ValidationError(
                "Choisissez un seul élément pour cette étape : un outil, une fiche, une étude ou un événement."
            )

    @property
    def kind(self) -> str:
        if self.tool_id:
            return StepKind.TOOL
        if self.study_id:
            return StepKind.STUDY
        if self.event_id:
            return StepKind.EVENT
        return StepKind.KIT_SHEET

    @property
    def kind_label(self) -> str:
        return StepKind(self.kind).label

    @property
    def item(self) -> Any:
        """The tool, study or event; the kit's ``Sheet`` for a kit sheet (None if the kit has no such sheet)."""
        if self.kind == StepKind.KIT_SHEET:
            return SHEETS_BY_SLUG.get(self.kit_sheet)
        return getattr(self, TARGET_FIELDS[StepKind(self.kind)])

    @property
    def title(self) -> str:
        item = self.item
        if self.kind == StepKind.KIT_SHEET:
            return f"Fiche {item.number} : {item.title}" if item else self.kit_sheet
        return str(item) if item else ""

    @property
    def url(self) -> str:
        if self.kind == StepKind.KIT_SHEET:
            return reverse("hub:kit_sheet", kwargs={"slug": self.kit_sheet})
        return self.item.get_absolute_url()

    @property
    def is_demo(self) -> bool:
        return self.kind != StepKind.KIT_SHEET and bool(self.item.is_demo)

    @property
    def rank(self) -> tuple[int, int, int]:
        """Maturity first (découvrir → approfondir), then phase (concevoir → évaluer), then the editor's order."""
        return (MATURITY_RANK.get(self.maturity, 99), PHASE_RANK.get(self.phase, 99), self.sort_order or 0)
