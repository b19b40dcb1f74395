"""The public statistics of « Faire alliance » as an open-data file: the rows of the page's CSV."""

from __future__ import annotations

import datetime as dt

from django.db.models import Max

from alliances import stats
from alliances.models import Listing, Match
from opendata.registry import Column, Dataset


def _last_change() -> dt.datetime | None:
    """The last change of a listing or a match (an expiry is read at the time of reading)."""
    dates = [
        Listing.objects.aggregate(last=Max("updated_at"))["last"],
        Match.objects.aggregate(last=Max("updated_at"))["last"],
    ]
    known = [date for date in dates if date is not None]
    return max(known) if known else None


def _count(name: str, description: str) -> Column:
    return Column(name, "integer", description, required=True, minimum=0)


STATISTICS = Dataset(
    name="faire-alliance-statistiques",
    title="Faire alliance : statistiques des mises en relation",
    description=(
        "Besoins et offres ouverts, mises en relation, réponses, taux d'acceptation, délai médian de réponse et "
        "alliances formées, pour la France, par département et par modalité de partenariat. Des nombres seulement."
    ),
    columns=(
        Column(
            "portee",
            "string",
            "France entière, un département ou une modalité.",
            required=True,
            enum=("france", "departement", "modalite"),
        ),
        Column("code", "string", "« FR », le code du département ou l'identifiant de la modalité.", required=True),
        Column("libelle", "string", "Nom du territoire ou de la modalité.", required=True),
        _count("besoins_ouverts", "Besoins publiés et non expirés."),
        _count("offres_ouvertes", "Offres publiées et non expirées."),
        _count("mises_en_relation", "Mises en relation, quel que soit leur statut."),
        _count("reponses", "Mises en relation acceptées par les deux organisations ou déclinées."),
        _count("acceptees", "Réponses acceptées par les deux organisations."),
        _count("declinees", "Réponses déclinées."),
        _count("expirees", "Mises en relation restées sans réponse dans le délai."),
        Column(
            "taux_acceptation",
            "number",
            "Acceptées sur réponses, en % ; vide (sans objet) quand il n'y a aucune réponse.",
            minimum=0,
            maximum=100,
            decimal_comma=True,
        ),
        Column(
            "delai_median_reponse_jours",
            "number",
            "Médiane des jours entre l'envoi et la réponse ; vide sans réponse.",
            minimum=0,
            decimal_comma=True,
        ),
        _count("alliances_formees", "Mises en relation devenues une alliance."),
    ),
    rows=lambda: stats.csv_rows(stats.alliance_stats()),
    count=lambda: len(stats.alliance_stats().rows),
    last_modified=_last_change,
    demo="Les exemples fictifs de démonstration sont écartés de tous les chiffres.",
    primary_key=("portee", "code"),
    page_url="alliances:statistics",
    api_url="/api/v1/alliance/stats",
    order=71,
)
