"""Reference vocabularies shared by every domain: SDGs, actor kinds, modalities, forces of change.

They are loaded from data/ by ``manage.py load_reference_data`` and are read-only for users.
"""

from __future__ import annotations

from django.db import models


class SustainableDevelopmentGoal(models.Model):
    """One of the 17 « Objectifs de développement durable » (ODD)."""

    number = models.PositiveSmallIntegerField("numéro", unique=True)
    short_title = models.CharField("intitulé court", max_length=200)
    title = models.TextField("intitulé officiel")

    class Meta:
        ordering = ["number"]
        verbose_name = "objectif de développement durable"
        verbose_name_plural = "objectifs de développement durable"

    def __str__(self) -> str:
        return f"ODD {self.number} — {self.short_title}"


class SdgTarget(models.Model):
    """A target (« cible ») of an SDG, coded like the UN: 17.1, 17.19, 1.a."""

    goal = models.ForeignKey(SustainableDevelopmentGoal, on_delete=models.PROTECT, related_name="targets")
    code = models.CharField("code", max_length=8, unique=True)
    position = models.PositiveSmallIntegerField("ordre")
    title = models.TextField("intitulé officiel")

    class Meta:
        ordering = ["goal__number", "position"]
        verbose_name = "cible d'ODD"
        verbose_name_plural = "cibles d'ODD"

    def __str__(self) -> str:
        return f"Cible {self.code}"


class ActorKind(models.Model):
    """A kind of actor who can ally: association, entreprise, collectivité territoriale…"""

    slug = models.SlugField(unique=True)
    name = models.CharField("nom", max_length=120)
    name_plural = models.CharField("nom au pluriel", max_length=120)
    position = models.PositiveSmallIntegerField("ordre")

    class Meta:
        ordering = ["position"]
        verbose_name = "type d'acteur"
        verbose_name_plural = "types d'acteurs"

    def __str__(self) -> str:
        return self.name


class PartnershipModality(models.Model):
    """A modality of partnership: mécénat, pratiques responsables, coopération économique…"""

    slug = models.SlugField(unique=True)
    name = models.CharField("nom", max_length=120)
    position = models.PositiveSmallIntegerField("ordre")

    class Meta:
        ordering = ["position"]
        verbose_name = "modalité de partenariat"
        verbose_name_plural = "modalités de partenariat"

    def __str__(self) -> str:
        return self.name


class ForceOfChange(models.Model):
    """One of the 7 « forces du changement » described by the source document."""

    number = models.PositiveSmallIntegerField("numéro", unique=True)
    name = models.CharField("nom", max_length=200)
    description = models.TextField("description")
    illustration = models.TextField("illustration", blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = "force du changement"
        verbose_name_plural = "forces du changement"

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"
