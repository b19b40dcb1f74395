"""The case base's open data (registered in ``CasesConfig.ready``): published cases, demo left out."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Max

from cases import exports, selectors
from cases.models import Case
from opendata.registry import Column, Dataset

LEVELS = tuple(value for value, _ in Case._meta.get_field("territory_level").choices or [])
SLUG = r"^[-a-zA-Z0-9_]+$"


def _absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _last_change() -> dt.datetime | None:
    """The last save of any case: an unpublished or deleted-from-view case moves it too."""
    return Case.objects.aggregate(last=Max("updated_at"))["last"]


CASES = Dataset(
    name="exemples-inspirants",
    title="Exemples inspirants : la base des alliances",
    description=(
        "Chaque exemple inspirant publié : ses partenaires et leur type d'acteur, sa modalité de partenariat, "
        "son territoire, ses cibles d'ODD, sa période, ses résultats et ses sources."
    ),
    columns=(
        Column(
            "identifiant",
            "string",
            "Identifiant de l'exemple dans l'adresse.",
            required=True,
            unique=True,
            pattern=SLUG,
        ),
        Column("titre", "string", "Titre de l'exemple.", required=True),
        Column("resume", "string", "Résumé.", required=True),
        Column(
            "modalite", "string", "Modalité de partenariat (identifiant du référentiel).", required=True, pattern=SLUG
        ),
        Column("partenaires", "string", "Noms des partenaires, séparés par « | » (au moins deux).", required=True),
        Column(
            "types_partenaires",
            "string",
            "Type d'acteur de chaque partenaire, dans le même ordre, séparés par « | ».",
            required=True,
        ),
        Column("echelle", "string", "Échelle du territoire de l'alliance.", required=True, enum=LEVELS),
        Column(
            "code_territoire",
            "string",
            "Code INSEE (région, département, commune) ou SIREN (EPCI) ; vide pour la France.",
        ),
        Column("territoire", "string", "Nom du territoire.", required=True),
        Column("code_region", "string", "Code INSEE de la région du territoire."),
        Column("code_departement", "string", "Code du département du territoire."),
        Column("cibles_odd", "string", "Cibles des objectifs de développement durable, séparées par « | »."),
        Column("annee_debut", "year", "Année de début de l'alliance.", required=True),
        Column("annee_fin", "year", "Année de fin ; vide si l'alliance continue."),
        Column("objectifs", "string", "Objectifs de l'alliance.", required=True),
        Column("resultats", "string", "Résultats et impacts, tels que l'exemple les rapporte."),
        Column("sources", "string", "Adresses des sources publiques de l'exemple, séparées par « | »."),
        Column("derniere_verification", "date", "Date de la dernière vérification de l'exemple."),
        Column("adresse", "string", "Page de l'exemple sur la plateforme.", required=True, format="uri"),
    ),
    rows=lambda: exports.case_rows(
        selectors.published_cases().real().order_by("id").iterator(chunk_size=500), absolute_url=_absolute_url
    ),
    count=lambda: selectors.published_cases().real().count(),
    last_modified=_last_change,
    demo="Les exemples fictifs (contenu de démonstration) sont écartés du fichier.",
    primary_key=("identifiant",),
    page_url="cases:index",
    api_url="/api/v1/cases?exemples=masquer",
    order=20,
)
