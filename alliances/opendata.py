"""« Faire alliance »'s open data (registered in ``AlliancesConfig.ready``): the open needs and offers.

The rows are those of the page's own CSV download (``alliances.exports``); demo listings stay in the
file, flagged by the ``exemple_fictif`` column, as in that download.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from alliances import exports, selectors
from alliances.models import Listing, ListingKind, Resource
from opendata.registry import Column, Dataset


def _absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _last_change() -> dt.datetime | dt.date | None:
    """The last change of a listing, or the day the last listing expired (it left the file that day)."""
    saved = Listing.objects.aggregate(last=Max("updated_at"))["last"]
    today = timezone.localdate()
    expired = Listing.objects.filter(expires_on__lt=today).aggregate(last=Max("expires_on"))["last"]
    left = expired + dt.timedelta(days=1) if expired else None
    if saved is None or left is None:
        return saved or left
    return saved if timezone.localdate(saved) >= left else left


LISTINGS = Dataset(
    name="faire-alliance-annonces",
    title="Faire alliance : les besoins et les offres des organisations",
    description=(
        "Les annonces ouvertes (publiées, non expirées) des organisations : ce qu'elles cherchent ou proposent, "
        "les partenaires et ressources en jeu, leur territoire. Les coordonnées des organisations n'y figurent pas."
    ),
    columns=(
        Column("id", "integer", "Numéro de l'annonce.", required=True, unique=True, minimum=1),
        Column(
            "nature",
            "string",
            "Besoin (« Je cherche ») ou offre (« Je propose »).",
            required=True,
            enum=tuple(str(label) for label in ListingKind.labels),
        ),
        Column(
            "titre",
            "string",
            "Titre de l'annonce (une cellule qui commencerait par = + - @ est précédée d'une apostrophe).",
            required=True,
        ),
        Column("organisation", "string", "Nom de l'organisation qui publie l'annonce.", required=True),
        Column("type_organisation", "string", "Type d'acteur de l'organisation.", required=True),
        Column("modalites", "string", "Modalités de partenariat, séparées par « | »."),
        Column("partenaires_recherches", "string", "Types d'acteurs recherchés, séparés par « | »."),
        Column(
            "ressources",
            "string",
            "Ressources cherchées ou proposées, séparées par « | » : "
            + ", ".join(str(r) for r in Resource.labels)
            + ".",
        ),
        Column("cibles_odd", "string", "Cibles des objectifs de développement durable, séparées par « | »."),
        Column("territoire", "string", "Territoire de l'annonce.", required=True),
        Column("code_departement", "string", "Code du département du territoire ; vide pour une région ou la France."),
        Column("publiee_le", "date", "Date de publication."),
        Column("expire_le", "date", "Date d'expiration : l'annonce quitte le fichier le lendemain.", required=True),
        Column(
            "exemple_fictif",
            "boolean",
            "« oui » pour une annonce de démonstration (exemple fictif) : à écarter de toute réutilisation.",
            required=True,
        ),
        Column("adresse", "string", "Page de l'annonce sur la plateforme.", required=True, format="uri"),
    ),
    rows=lambda: exports.listing_rows(
        selectors.with_related(selectors.open_listings()).iterator(chunk_size=500), absolute_url=_absolute_url
    ),
    count=lambda: selectors.open_listings().count(),
    last_modified=_last_change,
    demo=(
        "Les annonces de démonstration restent dans le fichier, signalées « oui » dans la colonne exemple_fictif : "
        "écartez-les de toute réutilisation."
    ),
    primary_key=("id",),
    page_url="alliances:index",
    api_url="/api/v1/alliance/needs",
    order=70,
)
