"""The tools & methods' open data (registered in ``ResourcesConfig.ready``): published tools, demo left out."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Max

from opendata.registry import Column, Dataset
from resources import exports, selectors
from resources.models import Maturity, Phase, Tool, ToolFormat

SLUG = r"^[-a-zA-Z0-9_]+$"


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _last_change() -> dt.datetime | None:
    """The last save of any tool: unpublishing one moves it too."""
    return Tool.objects.aggregate(last=Max("updated_at"))["last"]


TOOLS = Dataset(
    name="outils-et-methodes",
    title="Outils & méthodes",
    description=(
        "Les outils et méthodes publiés pour concevoir, piloter et évaluer une alliance, par phase, public et maturité."
    ),
    columns=(
        Column(
            "identifiant", "string", "Identifiant de l'outil dans l'adresse.", required=True, unique=True, pattern=SLUG
        ),
        Column("titre", "string", "Titre de l'outil.", required=True),
        Column("resume", "string", "Résumé.", required=True),
        Column("phase", "string", "Phase de l'alliance que sert l'outil.", required=True, enum=tuple(Phase.values)),
        Column(
            "maturite",
            "string",
            "Maturité de l'organisation à qui l'outil s'adresse.",
            required=True,
            enum=tuple(Maturity.values),
        ),
        Column("format", "string", "Format de l'outil.", required=True, enum=tuple(ToolFormat.values)),
        Column("publics", "string", "Types d'acteurs à qui l'outil s'adresse (identifiants), séparés par « | »."),
        Column("propose_par", "string", "Structure qui propose l'outil.", required=True),
        Column("lien", "string", "Adresse de l'outil chez qui le propose.", format="uri"),
        Column("adresse", "string", "Page de l'outil sur la plateforme.", required=True, format="uri"),
    ),
    rows=lambda: exports.tool_rows(
        selectors.published_tools().real().order_by("id").iterator(chunk_size=500), absolute_url=absolute_url
    ),
    count=lambda: selectors.published_tools().real().count(),
    last_modified=_last_change,
    demo="Les exemples fictifs (contenu de démonstration) sont écartés du fichier.",
    primary_key=("identifiant",),
    page_url="resources:tools",
    api_url="/api/v1/tools?exemples=masquer",
    order=30,
)
