"""The agenda's open data (registered in ``AgendaConfig.ready``): every published event, demo left out."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Max, QuerySet

from agenda import exports
from agenda.models import Audience
from knowledge.dates import DatePrecision
from opendata.registry import Column, Dataset
from resources.models import Event

SLUG = r"^[-a-zA-Z0-9_]+$"
LEVELS = tuple(value for value, _ in Event._meta.get_field("territory_level").choices or [])


def _absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def public_events() -> QuerySet[Event]:
    return Event.objects.published().real().prefetch_related("details").order_by("starts_at", "id")


def _last_change() -> dt.datetime | None:
    """The last save of any event: unpublishing one moves it too."""
    return Event.objects.aggregate(last=Max("updated_at"))["last"]


EVENTS = Dataset(
    name="evenements",
    title="Agenda : les événements",
    description=(
        "Les événements publiés de l'agenda, passés et à venir : dates, lieu, territoire, organisateur, "
        "public et inscription. Un événement ancien cité par un document peut n'être connu qu'au mois ou à l'année "
        "près (colonne precision_date)."
    ),
    columns=(
        Column(
            "identifiant",
            "string",
            "Identifiant de l'événement dans l'adresse.",
            required=True,
            unique=True,
            pattern=SLUG,
        ),
        Column("titre", "string", "Titre de l'événement.", required=True),
        Column("resume", "string", "Résumé.", required=True),
        Column("debut", "datetime", "Début, heure de Paris avec son décalage (ISO 8601).", required=True),
        Column("fin", "datetime", "Fin, heure de Paris avec son décalage (ISO 8601).", required=True),
        Column(
            "precision_date",
            "string",
            "Précision de la date : time (date et heure), day (jour), month (mois), year (année).",
            required=True,
            enum=tuple(DatePrecision.values),
        ),
        Column("lieu", "string", "Adresse, ou « en ligne »."),
        Column("echelle", "string", "Échelle du territoire de l'événement.", required=True, enum=LEVELS),
        Column("code_territoire", "string", "Code INSEE ou SIREN du territoire ; vide pour la France."),
        Column("territoire", "string", "Nom du territoire.", required=True),
        Column("code_departement", "string", "Code du département du territoire."),
        Column("organisateur", "string", "Qui organise l'événement."),
        Column("public", "string", "À qui s'adresse l'événement ; vide si non précisé.", enum=tuple(Audience.values)),
        Column("inscription", "string", "Lien d'inscription de l'organisateur.", format="uri"),
        Column("lien", "string", "Page de l'événement chez son organisateur.", format="uri"),
        Column("source", "string", "Document qui cite l'événement (événements passés de référence)."),
        Column("adresse", "string", "Page de l'événement sur la plateforme.", required=True, format="uri"),
    ),
    rows=lambda: exports.event_rows(public_events().iterator(chunk_size=500), absolute_url=_absolute_url),
    count=lambda: public_events().count(),
    last_modified=_last_change,
    demo="Les exemples fictifs (contenu de démonstration) sont écartés du fichier.",
    primary_key=("identifiant",),
    page_url="resources:agenda",
    order=40,
)
