"""The official geography (COG): régions → départements → communes, and the EPCI à fiscalité propre.

Codes are the natural primary keys (INSEE code, SIREN for an EPCI). ``search_key`` is the name
without accents, hyphens, apostrophes or case (``territories.text.search_key``), for prefix search.
Vocabulary: docs/GLOSSARY.md; source and refresh: docs/adr/0006-territories-cog.md.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.urls import reverse

from territories.text import search_key


class TerritoryQuerySet(models.QuerySet):
    def matching(self, text: str) -> TerritoryQuerySet:
        """Names starting with ``text`` (accents, hyphens and case ignored), exact matches first."""
        key = search_key(text)
        if not key:
            return self.none()
        return self.filter(search_key__startswith=key).annotate(
            exact=Case(When(search_key=key, then=Value(0)), default=Value(1), output_field=IntegerField())
        )


class Territory(models.Model):
    code = models.CharField("code", max_length=9, primary_key=True)
    name = models.CharField("nom", max_length=200)
    search_key = models.CharField("clé de recherche", max_length=200, db_index=True, editable=False)

    objects = TerritoryQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Region(Territory):
    class Meta(Territory.Meta):
        verbose_name = "région"
        verbose_name_plural = "régions"

    def get_absolute_url(self) -> str:
        return reverse("territories:region", kwargs={"code": self.code})


class Departement(Territory):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="departements", verbose_name="région")

    class Meta(Territory.Meta):
        verbose_name = "département"
        verbose_name_plural = "départements"

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def get_absolute_url(self) -> str:
        return reverse("territories:departement", kwargs={"code": self.code})


class EpciKind(models.TextChoices):
    CC = "CC", "communauté de communes"
    CA = "CA", "communauté d'agglomération"
    CU = "CU", "communauté urbaine"
    METRO = "METRO", "métropole"
    MET69 = "MET69", "métropole de Lyon"


class EpciQuerySet(TerritoryQuerySet):
    def in_departement(self, code: str) -> EpciQuerySet:
        """EPCI with at least one member commune in the département (an EPCI may span several)."""
        return self.filter(code__in=Commune.objects.filter(departement_id=code).values("epci_id"))

    def in_region(self, code: str) -> EpciQuerySet:
        return self.filter(code__in=Commune.objects.filter(region_id=code).values("epci_id"))


class Epci(Territory):
    """An EPCI à fiscalité propre; its code is its SIREN."""

    kind = models.CharField("nature juridique", max_length=5, choices=EpciKind.choices)
    population = models.PositiveIntegerField("population municipale", default=0)

    objects = EpciQuerySet.as_manager()

    class Meta(Territory.Meta):
        verbose_name = "EPCI à fiscalité propre"
        verbose_name_plural = "EPCI à fiscalité propre"

    def get_absolute_url(self) -> str:
        return reverse("territories:epci", kwargs={"code": self.code})


class CommuneQuerySet(TerritoryQuerySet):
    def in_departement(self, code: str) -> CommuneQuerySet:
        return self.filter(departement_id=code)

    def in_region(self, code: str) -> CommuneQuerySet:
        return self.filter(region_id=code)

    def in_epci(self, code: str) -> CommuneQuerySet:
        return self.filter(epci_id=code)

    def with_code(self, code: str) -> CommuneQuerySet:
        """By INSEE code, current or former, or the code of one of its municipal arrondissements."""
        alternate = CommuneAlternateCode.objects.filter(code=code).values("commune_id")
        return self.filter(Q(code=code) | Q(code__in=alternate))

    def with_postcode(self, postcode: str) -> CommuneQuerySet:
        """Postcodes starting with ``postcode`` (« 13001 », or « 130 » for every 130xx)."""
        return self.filter(code__in=CommunePostcode.objects.filter(code__startswith=postcode).values("commune_id"))

    def by_relevance(self) -> CommuneQuerySet:
        """Exact name matches first (after ``matching()``), then the most populated."""
        order = ["exact", "-population", "name"] if "exact" in self.query.annotations else ["-population", "name"]
        return self.order_by(*order)


class Commune(Territory):
    """A « commune actuelle » of the COG (not a commune déléguée, associée or an arrondissement)."""

    departement = models.ForeignKey(
        Departement, on_delete=models.PROTECT, related_name="communes", verbose_name="département"
    )
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="communes", verbose_name="région")
    epci = models.ForeignKey(
        Epci, on_delete=models.PROTECT, null=True, blank=True, related_name="communes", verbose_name="EPCI"
    )
    siren = models.CharField("SIREN", max_length=9, blank=True)
    population = models.PositiveIntegerField("population municipale", default=0)

    objects = CommuneQuerySet.as_manager()

    class Meta(Territory.Meta):
        verbose_name = "commune"
        verbose_name_plural = "communes"

    def __str__(self) -> str:
        return f"{self.name} ({self.departement_id})"

    def get_absolute_url(self) -> str:
        return reverse("territories:commune", kwargs={"code": self.code})


class CommunePostcode(models.Model):
    """A postcode served in a commune (including those of its municipal arrondissements)."""

    code = models.CharField("code postal", max_length=5, db_index=True)
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="postcodes")

    class Meta:
        ordering = ["code"]
        verbose_name = "code postal"
        verbose_name_plural = "codes postaux"
        constraints = [models.UniqueConstraint(fields=["commune", "code"], name="commune_postcode_unique")]

    def __str__(self) -> str:
        return self.code


class CommuneAlternateCode(models.Model):
    """Another INSEE code leading to a commune: a former commune merged into it, or a municipal arrondissement."""

    code = models.CharField("code INSEE", max_length=5, db_index=True)
    commune = models.ForeignKey(Commune, on_delete=models.CASCADE, related_name="alternate_codes")

    class Meta:
        ordering = ["code"]
        verbose_name = "autre code INSEE"
        verbose_name_plural = "autres codes INSEE"
        constraints = [models.UniqueConstraint(fields=["commune", "code"], name="commune_alternate_code_unique")]

    def __str__(self) -> str:
        return self.code


class TerritoryDataset(models.Model):
    """Which data file was loaded last, so that an unchanged file is not loaded again."""

    name = models.CharField("jeu de données", max_length=50, unique=True)
    checksum = models.CharField("empreinte SHA-256", max_length=64)
    version = models.CharField("version de la source", max_length=50)
    counts = models.JSONField("nombre de lignes par table", default=dict)
    loaded_at = models.DateTimeField("chargé le", auto_now=True)

    class Meta:
        verbose_name = "jeu de données territorial"
        verbose_name_plural = "jeux de données territoriaux"

    def __str__(self) -> str:
        return f"{self.name} {self.version}"
