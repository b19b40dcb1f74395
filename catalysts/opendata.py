"""The catalysts' open data (registered in ``CatalystsConfig.ready``): active catalysts, demo left out."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Max, QuerySet

from catalysts import exports, selectors
from catalysts.models import Catalyst
from opendata.registry import Column, Dataset

SLUG = r"^[-a-zA-Z0-9_]+$"
CODES = r"^[0-9AB]{2,3}( \| [0-9AB]{2,3})*$"


def _absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def public_catalysts() -> QuerySet[Catalyst]:
    return selectors.catalysts(hide_demo=True).prefetch_related("audiences", "departements", "regions")


def _last_change() -> dt.datetime | None:
    """The last save of any catalyst: deactivating one moves it too."""
    return Catalyst.objects.aggregate(last=Max("updated_at"))["last"]


CATALYSTS = Dataset(
    name="catalyseurs",
    title="Catalyseurs territoriaux",
    description=(
        "Les catalyseurs territoriaux actifs : les structures qui aident les acteurs locaux à lancer et faire vivre "
        "des alliances, leur accompagnement, leurs publics, les territoires qu'ils couvrent et leur contact générique."
    ),
    columns=(
        Column(
            "identifiant",
            "string",
            "Identifiant du catalyseur dans l'adresse.",
            required=True,
            unique=True,
            pattern=SLUG,
        ),
        Column("nom", "string", "Nom de la structure.", required=True),
        Column(
            "type_structure", "string", "Type d'acteur de la structure (identifiant du référentiel).", required=True
        ),
        Column("presentation", "string", "Présentation.", required=True),
        Column("accompagnement", "string", "Accompagnement proposé.", required=True),
        Column("publics", "string", "Types d'acteurs accompagnés (identifiants), séparés par « | »."),
        Column("departements_couverts", "string", "Codes des départements couverts, séparés par « | ».", pattern=CODES),
        Column(
            "regions_couvertes",
            "string",
            "Codes INSEE des régions couvertes (une région couvre tous ses départements), séparés par « | ».",
            pattern=CODES,
        ),
        Column(
            "courriel_contact",
            "string",
            "Adresse générique de contact de la structure (jamais nominative).",
            format="email",
        ),
        Column("formulaire_contact", "string", "Adresse du formulaire de contact.", format="uri"),
        Column("site", "string", "Site internet.", format="uri"),
        Column("adresse", "string", "Page du catalyseur sur la plateforme.", required=True, format="uri"),
    ),
    rows=lambda: exports.catalyst_rows(public_catalysts().iterator(chunk_size=500), absolute_url=_absolute_url),
    count=lambda: public_catalysts().count(),
    last_modified=_last_change,
    demo="Les exemples fictifs (contenu de démonstration) sont écartés du fichier.",
    primary_key=("identifiant",),
    page_url="catalysts:list",
    api_url="/api/v1/catalysts?is_demo=false",
    order=50,
)
