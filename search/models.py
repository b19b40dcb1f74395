"""The search index of the platform: one document per published item, whatever its kind.

Documents are denormalised copies (title, summary, address, demo flag) with the normalised text
(``search.text``) and the facet values (``SearchFacetValue``) of the item; the full-text match
itself is engine-specific and lives in ``search.backends`` (SQLite FTS5 / PostgreSQL tsvector).
They are written by ``search.indexing`` only. See docs/adr/0010-search.md.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone


class Section(models.TextChoices):
    """What the search finds; the values are the API's ``type``."""

    CASE = "case", "Exemples inspirants"
    TOOL = "tool", "Outils & méthodes"
    STUDY = "study", "Études & rapports"
    NEWS = "news", "Actualités"
    EVENT = "event", "Agenda"
    MEASURE = "measure", "Feuille de route"
    ACTOR = "actor", "Acteurs & dispositifs de référence"
    MILESTONE = "milestone", "Historique de la démarche"
    FORCE = "force", "Forces du changement"
    SURVEY = "survey", "Observatoire des partenariats"


SECTION_SINGULAR = {
    Section.CASE: "Exemple inspirant",
    Section.TOOL: "Outil & méthode",
    Section.STUDY: "Étude ou rapport",
    Section.NEWS: "Actualité",
    Section.EVENT: "Événement",
    Section.MEASURE: "Mesure de la feuille de route",
    Section.ACTOR: "Acteur ou dispositif de référence",
    Section.MILESTONE: "Étape de l'historique",
    Section.FORCE: "Force du changement",
    Section.SURVEY: "Enquête de l'Observatoire des partenariats",
}


class Facet(models.TextChoices):
    """The filters of the search, with the values an item can carry."""

    ACTOR_KIND = "actor_kind", "Type d'acteur"
    MODALITY = "modality", "Modalité de partenariat"
    SDG = "sdg", "Objectif de développement durable"
    REGION = "region", "Région"
    DEPARTEMENT = "departement", "Département"
    PHASE = "phase", "Phase"
    MATURITY = "maturity", "Maturité"


class SearchDocumentQuerySet(models.QuerySet["SearchDocument"]):
    def visible(self) -> SearchDocumentQuerySet:
        """Documents of items that have not expired (the index only holds published items)."""
        return self.filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))


class SearchDocument(models.Model):
    section = models.CharField("rubrique", max_length=10, choices=Section.choices)
    object_id = models.PositiveBigIntegerField("identifiant de l'élément")
    title = models.CharField("titre", max_length=300)
    summary = models.TextField("résumé", blank=True)
    url = models.CharField("adresse", max_length=300)
    is_demo = models.BooleanField("exemple fictif", default=False)
    source = models.CharField(
        "source", max_length=600, blank=True, help_text="Document et passage d'où vient un contenu de référence."
    )
    date = models.DateField("date", null=True, blank=True)
    expire_at = models.DateTimeField("date d'expiration", null=True, blank=True)
    title_text = models.TextField("titre normalisé", blank=True)
    body_text = models.TextField("texte normalisé", blank=True)

    objects = SearchDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = "document de recherche"
        verbose_name_plural = "documents de recherche"
        constraints = [models.UniqueConstraint(fields=["section", "object_id"], name="search_document_unique_item")]
        indexes = [models.Index(fields=["-date", "-id"], name="search_document_recent")]

    def __str__(self) -> str:
        return f"{self.get_section_display()} — {self.title}"

    @property
    def section_label(self) -> str:
        return SECTION_SINGULAR[Section(self.section)]


class SearchFacetValue(models.Model):
    """One value of one facet carried by a document (a document may carry several per facet)."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField("filtre", max_length=20, choices=Facet.choices)
    value = models.CharField("valeur", max_length=50)

    class Meta:
        verbose_name = "valeur de filtre"
        verbose_name_plural = "valeurs de filtre"
        constraints = [
            models.UniqueConstraint(fields=["facet", "value", "document"], name="search_facet_value_unique"),
        ]
        indexes = [models.Index(fields=["document", "facet"], name="search_facet_by_document")]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"


class SearchIndexState(models.Model):
    """One row: where the search tables stand, for the servers' in-memory indexes (``search.facet_index``).

    ``token`` is renewed by a bulk rewrite (every index is then rebuilt); ``version`` counts the
    writes of single items, each logged in ``SearchIndexChange`` (every index applies them).
    """

    token = models.CharField("jeton de version", max_length=32)
    version = models.PositiveBigIntegerField("version", default=0)
    changed_at = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "état de l'index de recherche"
        verbose_name_plural = "états de l'index de recherche"

    def __str__(self) -> str:
        return f"index de recherche {self.token}"


class Synonym(models.Model):
    """Expressions the search takes one for another: a sigle and its expansion, a word and its variants.

    Kept by the editors in the back office (« Recherche › Synonymes »), seeded from
    data/reference/search_synonyms.yml by ``load_reference_data``. See ``search.synonyms``.
    """

    slug = models.SlugField("identifiant", max_length=60, unique=True)
    expressions = models.TextField(
        "expressions équivalentes",
        help_text=(
            "Une expression par ligne : un sigle, sa forme développée, ses variantes (au moins deux lignes). "
            "Les accents, les majuscules, les articles et le pluriel sont sans importance."
        ),
    )
    source = models.CharField(
        "source", max_length=500, blank=True, help_text="D'où vient l'équivalence (texte de loi, document…)."
    )
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = "synonyme de recherche"
        verbose_name_plural = "synonymes de recherche"

    def __str__(self) -> str:
        return " ↔ ".join(self.expression_list())

    def expression_list(self) -> list[str]:
        return [line.strip() for line in self.expressions.splitlines() if line.strip()]

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from search.text import terms

        expressions = self.expression_list()
        if len(expressions) < 2:
            raise ValidationError({"expressions": "Donnez au moins deux expressions, une par ligne."})
        empty = [expression for expression in expressions if not terms(expression)]
        if empty:
            raise ValidationError(
                {"expressions": f"Cette expression ne contient aucun mot recherchable : « {empty[0]} »."}
            )


class SearchIndexChange(models.Model):
    """A document written or removed at one ``version`` of the index: what every server applies in order.

    Versions are taken under the lock of ``SearchIndexState``'s row, so they follow the commits with no
    gap; only the last ``search.facet_index.CHANGES_KEPT`` are kept (an index further behind is rebuilt).
    """

    version = models.PositiveBigIntegerField("version", db_index=True)
    document_id = models.PositiveBigIntegerField("document")
    removed = models.BooleanField("retiré", default=False)

    class Meta:
        verbose_name = "modification de l'index de recherche"
        verbose_name_plural = "modifications de l'index de recherche"

    def __str__(self) -> str:
        return f"v{self.version} {'-' if self.removed else '+'}{self.document_id}"
