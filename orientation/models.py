"""« Par où commencer ? »: a versioned questionnaire, its routing rules, and the answers people give.

A ``QuestionnaireVersion`` holds questions (with their choices) and routing rules. Editors change a
draft in the back office; once published a version never changes (``is_editable``), so an
``AnswerSet`` keeps the version it was given under and its result is read with that version's
rules. The partnership modalities are choices side by side, never a scale: no choice carries a
score, and nothing ranks one organisation above another. Vocabulary: docs/GLOSSARY.md; decisions:
docs/adr/0030-orientation.md.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from hub.kit import SHEETS
from reference.models import ActorKind, ForceOfChange, PartnershipModality
from resources.models import Maturity, Phase

FROZEN_MESSAGE = (
    "Cette version du questionnaire est publiée : elle ne change plus, pour que les résultats déjà donnés "
    "restent les mêmes. Créez une nouvelle version (copie en brouillon) pour la modifier."
)


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "brouillon"
    PUBLISHED = "published", "publiée"


class QuestionnaireVersionQuerySet(models.QuerySet["QuestionnaireVersion"]):
    def published(self) -> QuestionnaireVersionQuerySet:
        return self.filter(status=VersionStatus.PUBLISHED)

    def current(self) -> QuestionnaireVersion | None:
        """The version people answer today: the published one with the highest number."""
        return self.published().order_by("-number").first()


class QuestionnaireVersion(models.Model):
    """One version of the questionnaire: a draft editors change, or a published, frozen one."""

    number = models.PositiveIntegerField("numéro de version", unique=True)
    title = models.CharField("titre", max_length=200, default="Par où commencer ?")
    introduction = models.TextField("introduction", blank=True)
    status = models.CharField("statut", max_length=9, choices=VersionStatus.choices, default=VersionStatus.DRAFT)
    published_at = models.DateTimeField("publiée le", null=True, blank=True, editable=False)
    provenance = models.TextField(
        "provenance", blank=True, help_text="D'où vient cette version : fichier de référence, copie d'une version…"
    )
    based_on = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, editable=False, verbose_name="copie de"
    )
    created_at = models.DateTimeField("créée le", default=timezone.now, editable=False)

    objects = QuestionnaireVersionQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        verbose_name = "version du questionnaire « Par où commencer ? »"
        verbose_name_plural = "versions du questionnaire « Par où commencer ? »"
        permissions = [("publish_questionnaireversion", "Peut publier une version du questionnaire d'orientation")]

    def __str__(self) -> str:
        return f"Version {self.number} ({self.get_status_display()})"

    @property
    def is_editable(self) -> bool:
        return self.status == VersionStatus.DRAFT

    def clean(self) -> None:
        super().clean()
        stored = QuestionnaireVersion.objects.filter(pk=self.pk).values_list("status", flat=True).first()
        if stored == VersionStatus.PUBLISHED:
            raise ValidationError(FROZEN_MESSAGE)


class QuestionKind(models.TextChoices):
    SINGLE = "single", "une seule réponse"
    MULTIPLE = "multiple", "plusieurs réponses possibles"


class QuestionRole(models.TextChoices):
    """What a question tells the orientation (the choices carry the values)."""

    PROFILE = "profile", "profil (type d'acteur)"
    MATURITY = "maturity", "maturité"
    PHASE = "phase", "phase du projet"
    MODALITIES = "modalities", "modalités de partenariat"
    OTHER = "other", "situation, objectifs, partenaires…"


class Question(ClusterableModel):
    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.CASCADE, related_name="questions", verbose_name="version"
    )
    key = models.SlugField(
        "identifiant", max_length=50, help_text="Unique dans la version ; relie les réponses d'une version à l'autre."
    )
    position = models.PositiveSmallIntegerField("ordre")
    text = models.CharField("question", max_length=300)
    help_text = models.TextField("aide", blank=True)
    kind = models.CharField("type", max_length=8, choices=QuestionKind.choices, default=QuestionKind.SINGLE)
    role = models.CharField("rôle", max_length=10, choices=QuestionRole.choices, default=QuestionRole.OTHER)
    audiences = ParentalManyToManyField(
        ActorKind,
        blank=True,
        related_name="+",
        verbose_name="pour quels profils",
        help_text="Vide : la question est posée à tous les profils.",
    )

    class Meta:
        ordering = ["version", "position", "id"]
        verbose_name = "question d'orientation"
        verbose_name_plural = "questions d'orientation"
        constraints = [models.UniqueConstraint(fields=["version", "key"], name="orientation_question_key_unique")]

    def __str__(self) -> str:
        return f"v{self.version.number} · {self.position}. {self.text}"

    def clean(self) -> None:
        super().clean()
        if self.version_id and not self.version.is_editable:
            raise ValidationError(FROZEN_MESSAGE)


class Choice(Orderable):
    """An answer to a question; what it tells the orientation is in its optional values."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    key = models.SlugField("identifiant", max_length=50)
    label = models.CharField("libellé", max_length=300)
    is_unknown = models.BooleanField(
        "« je ne sais pas »", default=False, help_text="Compté comme une réponse manquante, jamais comme zéro."
    )
    actor_kind = models.ForeignKey(
        ActorKind, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="profil"
    )
    maturity = models.CharField("maturité", max_length=12, choices=Maturity.choices, blank=True)
    phase = models.CharField("phase", max_length=12, choices=Phase.choices, blank=True)
    modality = models.ForeignKey(
        PartnershipModality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="modalité de partenariat",
    )

    class Meta(Orderable.Meta):
        verbose_name = "réponse possible"
        verbose_name_plural = "réponses possibles"
        constraints = [models.UniqueConstraint(fields=["question", "key"], name="orientation_choice_key_unique")]

    def __str__(self) -> str:
        return f"v{self.question.version.number} · {self.question.key} → {self.label}"


class TargetKind(models.TextChoices):
    KIT_SHEET = "kit_sheet", "fiche du kit « L'ODD 17 en pratique »"
    TOOL = "tool", "outil ou méthode"
    STUDY = "study", "étude ou rapport"
    FORCE = "force", "force du changement"


KIT_SHEET_CHOICES = [(sheet.slug, f"Fiche {sheet.number} — {sheet.title}") for sheet in SHEETS]


class Rule(ClusterableModel):
    """A routing rule: when every one of its answers was given, propose its target, saying why."""

    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.CASCADE, related_name="rules", verbose_name="version"
    )
    position = models.PositiveSmallIntegerField("ordre")
    target_kind = models.CharField("ce qui est proposé", max_length=10, choices=TargetKind.choices)
    kit_sheet = models.CharField("fiche du kit", max_length=60, choices=KIT_SHEET_CHOICES, blank=True)
    tool = models.ForeignKey(
        "resources.Tool", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="outil"
    )
    study = models.ForeignKey(
        "resources.Study", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="étude"
    )
    force = models.ForeignKey(
        ForceOfChange,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="force du changement",
    )
    reason = models.CharField(
        "pourquoi (affiché à la personne)",
        max_length=300,
        help_text="Par exemple : « Vous découvrez les alliances ».",
    )

    class Meta:
        ordering = ["version", "position", "id"]
        verbose_name = "règle d'orientation"
        verbose_name_plural = "règles d'orientation"

    def __str__(self) -> str:
        return f"v{self.version.number} · règle {self.position} → {self.get_target_kind_display()}"

    @property
    def target_id(self) -> int | str | None:
        targets: dict[str, int | str | None] = {
            TargetKind.KIT_SHEET: self.kit_sheet or None,
            TargetKind.TOOL: self.tool_id,
            TargetKind.STUDY: self.study_id,
            TargetKind.FORCE: self.force_id,
        }
        return targets.get(self.target_kind)

    def clean(self) -> None:
        super().clean()
        if self.version_id and not self.version.is_editable:
            raise ValidationError(FROZEN_MESSAGE)
        if self.target_kind in TargetKind.values and not self.target_id:
            raise ValidationError({self.target_kind: "Choisissez ce que la règle propose."})


class RuleCondition(Orderable):
    """One answer the rule needs (a rule needs all of its answers)."""

    rule = ParentalKey(Rule, on_delete=models.CASCADE, related_name="conditions")
    choice = models.ForeignKey(Choice, on_delete=models.CASCADE, related_name="+", verbose_name="réponse donnée")

    class Meta(Orderable.Meta):
        verbose_name = "condition"
        verbose_name_plural = "conditions"

    def clean(self) -> None:
        super().clean()
        if self.rule_id and self.choice_id and self.choice.question.version_id != self.rule.version_id:
            raise ValidationError({"choice": "Cette réponse appartient à une autre version du questionnaire."})


class AnswerSetQuerySet(models.QuerySet["AnswerSet"]):
    def of_user(self, user: object) -> AnswerSetQuerySet:
        return self.filter(user=user).order_by("-created_at", "-id")


class AnswerSet(models.Model):
    """The answers one person gave, under one version, and what was proposed to them then.

    ``token`` is the unguessable address of the result. ``recommended`` keeps the keys of what the
    result proposed when it was given (``tool:12``, ``kit_sheet:argumentaire``…), so that a later
    attempt shows what moved. A signed-in person's answer sets go with their account.
    """

    token = models.CharField("jeton", max_length=40, unique=True, editable=False)
    version = models.ForeignKey(
        QuestionnaireVersion, on_delete=models.PROTECT, related_name="answer_sets", verbose_name="version"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="orientation_answer_sets",
        verbose_name="personne",
    )
    choices = models.ManyToManyField(Choice, related_name="+", verbose_name="réponses")
    commune_code = models.CharField("code Insee de la commune", max_length=5, blank=True)
    commune_name = models.CharField("commune", max_length=200, blank=True)
    previous = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="résultat précédent"
    )
    recommended = models.JSONField("propositions données", default=list, blank=True)
    is_generated = models.BooleanField("généré (banc d'essai)", default=False, editable=False)
    created_at = models.DateTimeField("répondu le", default=timezone.now, editable=False)

    objects = AnswerSetQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "réponses au questionnaire d'orientation"
        verbose_name_plural = "réponses au questionnaire d'orientation"
        indexes = [models.Index(fields=["user", "-created_at"], name="orientation_answers_of_user")]

    def __str__(self) -> str:
        return f"Réponses du {self.created_at:%d/%m/%Y} (version {self.version.number})"
