"""Facilitators and the bilans they draft (« bilans proposés »), the planned programme bilans and the
reminders sent before and after a measure's due date. Imported by ``roadmap.models``.

A facilitator's bilan goes draft → submitted → returned | published; only a published one becomes a
``Review`` (the public roadmap, its roll-ups and its bilans read reviews only). See docs/adr/0032.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone


class MeasureFacilitator(models.Model):
    """A body that animates a measure: an organisation of the directory or a State service."""

    measure = models.ForeignKey(
        "roadmap.Measure", on_delete=models.CASCADE, related_name="facilitator_bodies", verbose_name="mesure"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="facilitated_measures",
        verbose_name="organisation de l'annuaire",
    )
    state_service = models.CharField("service de l'État", max_length=200, blank=True)
    created_at = models.DateTimeField("ajouté le", default=timezone.now, editable=False)

    class Meta:
        ordering = ["measure", "id"]
        verbose_name = "facilitateur d'une mesure"
        verbose_name_plural = "facilitateurs des mesures"
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(organisation__isnull=False, state_service="")
                    | models.Q(organisation__isnull=True) & ~models.Q(state_service="")
                ),
                name="measure_facilitator_one_kind",
            ),
            models.UniqueConstraint(
                fields=["measure", "organisation"],
                condition=models.Q(organisation__isnull=False),
                name="measure_facilitator_unique_organisation",
            ),
            models.UniqueConstraint(
                fields=["measure", "state_service"],
                condition=~models.Q(state_service=""),
                name="measure_facilitator_unique_service",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.organisation.name if self.organisation_id else self.state_service  # type: ignore[union-attr]


class FacilitatorAssignment(models.Model):
    """A person who drafts the bilans of a measure, named by the mission team in the back office."""

    measure = models.ForeignKey(
        "roadmap.Measure", on_delete=models.CASCADE, related_name="facilitator_assignments", verbose_name="mesure"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="facilitator_assignments",
        verbose_name="compte du facilitateur",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("désigné le", default=timezone.now, editable=False)

    class Meta:
        ordering = ["measure", "id"]
        verbose_name = "compte facilitateur d'une mesure"
        verbose_name_plural = "comptes facilitateurs des mesures"
        constraints = [models.UniqueConstraint(fields=["measure", "user"], name="facilitator_assignment_unique")]

    def __str__(self) -> str:
        return f"{self.user} — mesure {self.measure.number}"


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", "brouillon"
    SUBMITTED = "submitted", "soumis à l'équipe de la mission"
    RETURNED = "returned", "renvoyé pour correction"
    PUBLISHED = "published", "publié"


class ReviewSubmissionQuerySet(models.QuerySet["ReviewSubmission"]):
    def awaiting_review(self) -> ReviewSubmissionQuerySet:
        return self.filter(status=SubmissionStatus.SUBMITTED)

    def of_facilitator(self, user: object) -> ReviewSubmissionQuerySet:
        return self.filter(measure__facilitator_assignments__user=user).distinct()


class ReviewSubmission(models.Model):
    """A bilan of a measure drafted by one of its facilitators, until the mission team publishes it."""

    measure = models.ForeignKey(
        "roadmap.Measure", on_delete=models.PROTECT, related_name="submissions", verbose_name="mesure"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="review_submissions",
        verbose_name="rédigé par",
    )
    status = models.CharField(
        "état", max_length=10, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT, db_index=True
    )
    date = models.DateField("date du bilan")
    review_status = models.ForeignKey(
        "roadmap.ReviewStatus", on_delete=models.PROTECT, related_name="+", verbose_name="statut de la mesure"
    )
    progress = models.PositiveSmallIntegerField(
        "avancement (%)",
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="Laisser vide pour reprendre l'avancement par défaut du statut.",
    )
    text = models.TextField("bilan")
    next_steps = models.TextField("prochaines étapes", blank=True)
    next_step_date = models.DateField("date de la prochaine étape", null=True, blank=True)
    indicator_value = models.ForeignKey(
        "indicators.IndicatorValue",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="valeur d'indicateur jointe",
    )
    review = models.OneToOneField(
        "roadmap.Review",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submission",
        verbose_name="bilan publié",
    )
    created_at = models.DateTimeField("créé le", default=timezone.now, editable=False)
    updated_at = models.DateTimeField("modifié le", default=timezone.now)

    objects = ReviewSubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = "bilan proposé par un facilitateur"
        verbose_name_plural = "bilans proposés par les facilitateurs"

    def __str__(self) -> str:
        return f"Bilan proposé du {self.date:%d/%m/%Y} — mesure {self.measure.number}"

    @property
    def is_editable(self) -> bool:
        return self.status in (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.date and self.date > timezone.localdate():
            errors["date"] = "La date du bilan ne peut pas être dans le futur."
        elif self.date and self.measure_id and self.date < self.measure.programme.start_date:
            errors["date"] = "La date du bilan précède le lancement de la feuille de route."
        if self.text is not None and not self.text.strip():
            errors["text"] = "Rédigez le bilan de la mesure."
        if errors:
            raise ValidationError(errors)


class SubmissionLink(models.Model):
    submission = models.ForeignKey(ReviewSubmission, on_delete=models.CASCADE, related_name="links")
    url = models.URLField("adresse", max_length=500)
    label = models.CharField("intitulé", max_length=300)

    class Meta:
        ordering = ["submission", "id"]
        verbose_name = "lien justificatif"
        verbose_name_plural = "liens justificatifs"

    def __str__(self) -> str:
        return self.label


class SubmissionFile(models.Model):
    """A file that supports a bilan; public once the bilan is published (``roadmap:evidence_file``)."""

    submission = models.ForeignKey(ReviewSubmission, on_delete=models.CASCADE, related_name="files")
    file = models.FileField("fichier", upload_to="feuille-de-route/justificatifs/%Y/%m/", max_length=300)
    label = models.CharField("intitulé", max_length=300)
    size = models.PositiveIntegerField("taille (octets)", default=0)

    class Meta:
        ordering = ["submission", "id"]
        verbose_name = "fichier justificatif"
        verbose_name_plural = "fichiers justificatifs"

    def __str__(self) -> str:
        return self.label


class SubmissionEvent(models.Model):
    """One step of a proposed bilan's history: who did what, from which state to which, and why."""

    class Action(models.TextChoices):
        CREATED = "created", "brouillon créé"
        UPDATED = "updated", "brouillon modifié"
        SUBMITTED = "submitted", "soumis à l'équipe de la mission"
        RETURNED = "returned", "renvoyé pour correction"
        PUBLISHED = "published", "validé et publié"
        IMPORTED = "imported", "importé depuis un fichier CSV"

    submission = models.ForeignKey(ReviewSubmission, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField("le", default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="par"
    )
    action = models.CharField("action", max_length=10, choices=Action.choices)
    from_status = models.CharField("état avant", max_length=10, choices=SubmissionStatus.choices, blank=True)
    to_status = models.CharField("état après", max_length=10, choices=SubmissionStatus.choices)
    comment = models.TextField("commentaire", blank=True)

    class Meta:
        ordering = ["submission", "at", "id"]
        verbose_name = "étape d'un bilan proposé"
        verbose_name_plural = "historique des bilans proposés"

    def __str__(self) -> str:
        return f"{self.get_action_display()} le {self.at:%d/%m/%Y}"


class PlannedBilan(models.Model):
    """A programme bilan the roadmap announces (« Une évaluation en 2022 … »), quoted from its source."""

    programme = models.ForeignKey(
        "roadmap.Programme", on_delete=models.CASCADE, related_name="planned_bilans", verbose_name="feuille de route"
    )
    year = models.PositiveSmallIntegerField("année prévue")
    title = models.CharField("intitulé", max_length=200)
    quote = models.TextField("citation de la source")
    source = models.CharField("source", max_length=300)

    class Meta:
        ordering = ["programme", "year"]
        verbose_name = "bilan d'ensemble prévu"
        verbose_name_plural = "bilans d'ensemble prévus"
        constraints = [models.UniqueConstraint(fields=["programme", "year"], name="planned_bilan_unique_year")]

    def __str__(self) -> str:
        return self.title


class ReminderSent(models.Model):
    """A reminder e-mailed to a facilitator about a measure's due date: the unique row is the « once »."""

    class Kind(models.TextChoices):
        BEFORE = "before", "avant l'échéance"
        AFTER = "after", "après l'échéance"

    measure = models.ForeignKey("roadmap.Measure", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    due_date = models.DateField("échéance")
    kind = models.CharField("moment", max_length=6, choices=Kind.choices)
    sent_at = models.DateTimeField("envoyé le", default=timezone.now)

    class Meta:
        verbose_name = "rappel envoyé à un facilitateur"
        verbose_name_plural = "rappels envoyés aux facilitateurs"
        constraints = [
            models.UniqueConstraint(fields=["measure", "user", "due_date", "kind"], name="reminder_sent_once"),
        ]

    def __str__(self) -> str:
        return f"Rappel {self.get_kind_display()} du {self.due_date:%d/%m/%Y}"
