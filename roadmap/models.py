"""The roadmap tracker: programme → workstreams (chantiers) → measures, dated reviews, bilans.

Vocabulary (docs/GLOSSARY.md): programme = feuille de route, workstream = chantier structurel,
measure = mesure, review = bilan d'une mesure ou d'un chantier, bilan = bilan d'ensemble figé.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin
from wagtail.search import index


class Dimension(models.TextChoices):
    OPERATIONAL = "operational", "opérationnelle"
    STRATEGIC = "strategic", "stratégique"
    POLITICAL = "political", "politique"


# Horizon of first effects of each dimension, in months (source document: 3/9, 6/12, 12/18).
HORIZON_MONTHS: dict[str, tuple[int, int]] = {
    Dimension.OPERATIONAL: (3, 9),
    Dimension.STRATEGIC: (6, 12),
    Dimension.POLITICAL: (12, 18),
}


class Programme(models.Model):
    """A roadmap (« feuille de route »): the 2020 one is reference data."""

    slug = models.SlugField("identifiant", unique=True)
    title = models.CharField("titre", max_length=300)
    description = models.TextField("description", blank=True)
    start_date = models.DateField("date de lancement")

    class Meta:
        ordering = ["start_date"]
        verbose_name = "feuille de route"
        verbose_name_plural = "feuilles de route"

    def __str__(self) -> str:
        return self.title


class Workstream(models.Model):
    """One of the structural workstreams (« chantiers structurels ») of a programme."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="workstreams")
    number = models.PositiveSmallIntegerField("numéro")
    slug = models.SlugField("identifiant")
    title = models.CharField("titre", max_length=300)
    description = models.TextField("description", blank=True)

    class Meta:
        ordering = ["programme", "number"]
        verbose_name = "chantier structurel"
        verbose_name_plural = "chantiers structurels"
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="workstream_unique_number"),
            models.UniqueConstraint(fields=["programme", "slug"], name="workstream_unique_slug"),
        ]

    def __str__(self) -> str:
        return f"Chantier {self.number} — {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("roadmap:workstream", kwargs={"slug": self.slug})


class MeasureQuerySet(models.QuerySet["Measure"]):
    def published(self) -> MeasureQuerySet:
        return self.filter(live=True)

    def with_current_state(self) -> MeasureQuerySet:
        """Annotate each measure with its latest review: status, progress and date."""
        latest = Review.objects.filter(measure=OuterRef("pk")).order_by("-date", "-id")
        return self.annotate(
            current_status_slug=Subquery(latest.values("status__slug")[:1]),
            current_status_name=Subquery(latest.values("status__name")[:1]),
            current_progress=Subquery(latest.values("progress")[:1]),
            last_review_date=Subquery(latest.values("date")[:1]),
        )


class Measure(DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """One of the measures (« mesures ») of a programme, edited as draft → published."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="measures")
    number = models.PositiveSmallIntegerField("numéro")
    title = models.CharField("titre", max_length=300)
    dimension = models.CharField("dimension", max_length=20, choices=Dimension.choices)
    workstreams = ParentalManyToManyField(
        Workstream, blank=True, related_name="measures", verbose_name="chantiers servis"
    )
    objective = models.TextField("objectif", blank=True)
    action_modalities = models.TextField("modalités d'action", blank=True)
    facilitators = models.TextField("facilitateurs pressentis", blank=True)
    points_of_support = models.TextField(
        "points d'appui", blank=True, help_text="Dynamiques préexistantes sur lesquelles la mesure s'appuie."
    )
    expected_results = models.TextField("résultats attendus", blank=True)
    expected_delay_months = models.PositiveSmallIntegerField(
        "délai raisonnable (mois)", null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    review_due_date = models.DateField(
        "échéance du prochain bilan",
        null=True,
        blank=True,
        help_text=(
            "Laisser vide pour l'échéance calculée : fin de l'horizon de la dimension après le lancement de la "
            "feuille de route, puis date du dernier bilan publié plus le rythme des bilans."
        ),
    )
    review_rhythm_months = models.PositiveSmallIntegerField(
        "rythme des bilans (mois)",
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(36)],
        help_text="Intervalle attendu entre deux bilans publiés de la mesure.",
    )

    objects = MeasureQuerySet.as_manager()

    search_fields = [
        index.SearchField("title"),
        index.SearchField("objective"),
        index.AutocompleteField("title"),
        index.FilterField("live"),
        index.FilterField("dimension"),
    ]

    class Meta:
        ordering = ["programme", "number"]
        verbose_name = "mesure"
        verbose_name_plural = "mesures"
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="measure_unique_number"),
        ]

    def __str__(self) -> str:
        return f"Mesure {self.number} — {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("roadmap:measure", kwargs={"number": self.number})

    @property
    def horizon_months(self) -> tuple[int, int]:
        return HORIZON_MONTHS[self.dimension]


class ReviewStatus(models.Model):
    """An entry of the editable list of review statuses, with its default progress."""

    slug = models.SlugField("identifiant", unique=True)
    name = models.CharField("libellé", max_length=80, unique=True)
    default_progress = models.PositiveSmallIntegerField(
        "avancement par défaut (%)", validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = "statut de bilan"
        verbose_name_plural = "statuts de bilan"

    def __str__(self) -> str:
        return self.name


class Review(ClusterableModel):
    """A dated review of one measure or of one workstream (« bilan au 7 mai 2021 »)."""

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="reviews", verbose_name="feuille de route"
    )
    measure = models.ForeignKey(
        Measure, on_delete=models.PROTECT, null=True, blank=True, related_name="reviews", verbose_name="mesure"
    )
    workstream = models.ForeignKey(
        Workstream, on_delete=models.PROTECT, null=True, blank=True, related_name="reviews", verbose_name="chantier"
    )
    date = models.DateField("date du bilan")
    status = models.ForeignKey(ReviewStatus, on_delete=models.PROTECT, related_name="reviews", verbose_name="statut")
    progress = models.PositiveSmallIntegerField(
        "avancement (%)",
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="Laisser vide pour reprendre l'avancement par défaut du statut.",
        null=True,
        blank=True,
    )
    text = models.TextField("bilan")
    next_steps = models.TextField("prochaines étapes", blank=True)
    next_step_date = models.DateField("date de la prochaine étape", null=True, blank=True)
    status_justification = models.TextField(
        "justification du statut", blank=True, help_text="Citation de la source qui fonde le statut."
    )
    source = models.CharField("source", max_length=300, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="auteur"
    )
    created_at = models.DateTimeField("enregistré le", default=timezone.now, editable=False)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = "bilan de mesure ou de chantier"
        verbose_name_plural = "bilans de mesures et de chantiers"
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(measure__isnull=False, workstream__isnull=True)
                    | models.Q(measure__isnull=True, workstream__isnull=False)
                ),
                name="review_has_exactly_one_subject",
            ),
        ]

    @property
    def facilitator_files(self) -> list[Any]:
        """The files of the facilitator's submission that became this review (none for the mission team's)."""
        return list(self.submission.files.all()) if hasattr(self, "submission") else []

    @property
    def from_facilitator(self) -> bool:
        """Whether a facilitator's submission became this review (the reverse one-to-one may be absent)."""
        return hasattr(self, "submission")

    def __str__(self) -> str:
        return f"Bilan du {self.date:%d/%m/%Y} — {self.subject}"

    @property
    def subject(self) -> Measure | Workstream | None:
        return self.measure or self.workstream

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.date and self.date > timezone.localdate():
            errors["date"] = "La date du bilan ne peut pas être dans le futur."
        has_measure, has_workstream = self.measure_id is not None, self.workstream_id is not None
        if has_measure == has_workstream:
            errors["measure"] = "Choisissez soit une mesure, soit un chantier (l'un des deux, pas les deux)."
        if self.programme_id:
            if self.measure is not None and self.measure.programme_id != self.programme_id:
                errors["measure"] = "Cette mesure appartient à une autre feuille de route."
            if self.workstream is not None and self.workstream.programme_id != self.programme_id:
                errors["workstream"] = "Ce chantier appartient à une autre feuille de route."
        if self.progress is None and self.status_id is not None:
            self.progress = self.status.default_progress
        if errors:
            raise ValidationError(errors)


class ReviewEvidence(Orderable):
    """A link to evidence that supports a review (report, page, press article…)."""

    review = ParentalKey(Review, on_delete=models.CASCADE, related_name="evidence_links")
    url = models.URLField("adresse", max_length=500)
    label = models.CharField("intitulé", max_length=300)

    class Meta(Orderable.Meta):
        verbose_name = "justificatif"
        verbose_name_plural = "justificatifs"

    def __str__(self) -> str:
        return self.label


class BilanQuerySet(models.QuerySet["Bilan"]):
    def published(self) -> BilanQuerySet:
        return self.filter(is_published=True)


class Bilan(models.Model):
    """A programme-wide bilan: a frozen, dated snapshot of every measure's state."""

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="bilans", verbose_name="feuille de route"
    )
    slug = models.SlugField("identifiant", max_length=120)
    title = models.CharField("titre", max_length=200)
    date = models.DateField("date de l'état figé")
    summary = models.TextField("synthèse", blank=True)
    is_published = models.BooleanField("publié", default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name="auteur"
    )
    created_at = models.DateTimeField("figé le", default=timezone.now, editable=False)

    objects = BilanQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = "bilan d'ensemble"
        verbose_name_plural = "bilans d'ensemble"
        constraints = [models.UniqueConstraint(fields=["programme", "slug"], name="bilan_unique_slug")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("roadmap:bilan", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": "La date d'un bilan ne peut pas être dans le futur."})


class BilanEntry(models.Model):
    """The frozen state of one measure in a bilan; copied, so later edits never change it."""

    bilan = models.ForeignKey(Bilan, on_delete=models.CASCADE, related_name="entries")
    measure = models.ForeignKey(Measure, on_delete=models.SET_NULL, null=True, related_name="+")
    measure_number = models.PositiveSmallIntegerField("numéro")
    measure_title = models.CharField("titre", max_length=300)
    dimension = models.CharField("dimension", max_length=20, choices=Dimension.choices)
    workstream_numbers = models.CharField("chantiers", max_length=100, blank=True)
    status_slug = models.SlugField("statut (identifiant)", blank=True)
    status_name = models.CharField("statut", max_length=80, blank=True)
    progress = models.PositiveSmallIntegerField(
        "avancement (%)", null=True, blank=True, help_text="Vide pour une mesure qui n'avait pas encore de bilan."
    )
    review_date = models.DateField("date du dernier bilan", null=True, blank=True)
    review_text = models.TextField("dernier bilan", blank=True)
    next_steps = models.TextField("prochaines étapes", blank=True)

    class Meta:
        ordering = ["bilan", "measure_number"]
        verbose_name = "état d'une mesure dans un bilan"
        verbose_name_plural = "états des mesures dans un bilan"
        constraints = [
            models.UniqueConstraint(fields=["bilan", "measure_number"], name="bilan_entry_unique_measure"),
        ]

    def __str__(self) -> str:
        return f"{self.bilan} — mesure {self.measure_number}"


from roadmap.facilitation_models import (  # noqa: E402  (models of facilitators' bilans, split for length)
    FacilitatorAssignment,
    MeasureFacilitator,
    PlannedBilan,
    ReminderSent,
    ReviewSubmission,
    SubmissionEvent,
    SubmissionFile,
    SubmissionLink,
    SubmissionStatus,
)

__all__ = [
    "HORIZON_MONTHS",
    "Bilan",
    "BilanEntry",
    "Dimension",
    "FacilitatorAssignment",
    "Measure",
    "MeasureFacilitator",
    "PlannedBilan",
    "Programme",
    "ReminderSent",
    "Review",
    "ReviewEvidence",
    "ReviewStatus",
    "ReviewSubmission",
    "SubmissionEvent",
    "SubmissionFile",
    "SubmissionLink",
    "SubmissionStatus",
    "Workstream",
]
