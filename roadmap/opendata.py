"""The roadmap's open data: measures, the « résultats en synthèse », the reviews and the programme bilans.

Registered in ``RoadmapConfig.ready``; the rows come from ``roadmap.exports``, the builders of the
roadmap's own CSV downloads. The roadmap is reference data: it has no demo content.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Max, QuerySet

from opendata.registry import Column, Dataset, Row
from roadmap import exports, selectors
from roadmap.models import Bilan, BilanEntry, Dimension, Measure, Review

NO_DEMO = "Aucun exemple fictif : la feuille de route et ses bilans sont ceux de la mission."
DIMENSIONS = tuple(label for _, label in Dimension.choices)
WORKSTREAM_LIST = r"^([0-9]+(,[0-9]+)*)?$"


def _last_change() -> dt.datetime | None:
    """The last publication of a measure, review recorded or programme bilan frozen."""
    moments = [
        Measure.objects.published().aggregate(last=Max("last_published_at"))["last"],
        Review.objects.aggregate(last=Max("created_at"))["last"],
        Bilan.objects.published().aggregate(last=Max("created_at"))["last"],
    ]
    known = [m for m in moments if m is not None]
    return max(known) if known else None


def _measures() -> Iterable[Row]:
    programme = selectors.current_programme()
    return exports.measures_rows(selectors.measures_with_state(programme) if programme else [])


def _measure_count() -> int:
    programme = selectors.current_programme()
    return selectors.measures_with_state(programme).count() if programme else 0


def _synthesis() -> Iterable[Row]:
    summary = selectors.programme_summary()
    return exports.synthesis_rows(summary) if summary else iter([exports.SYNTHESIS_HEADER])


def _synthesis_count() -> int:
    summary = selectors.programme_summary()
    return 1 + len(summary.by_dimension) + len(summary.by_workstream) if summary else 0


def _published_bilans() -> QuerySet[Bilan]:
    programme = selectors.current_programme()
    if programme is None:
        return Bilan.objects.none()
    return selectors.published_bilans(programme).prefetch_related("entries")


def public_reviews() -> QuerySet[Review]:
    """The reviews the measure and workstream pages show, oldest first."""
    programme = selectors.current_programme()
    return (
        Review.objects.filter(programme=programme)
        .select_related("measure", "workstream", "status")
        .order_by("date", "id")
    )


_PROGRESS = Column(
    "avancement_pct",
    "integer",
    "Avancement en pour cent ; vide pour une mesure sans bilan (jamais 0 par défaut).",
    minimum=0,
    maximum=100,
)

MEASURES = Dataset(
    name="feuille-de-route-mesures",
    title="Feuille de route : l'état des mesures",
    description="Chaque mesure publiée de la feuille de route, avec le statut et l'avancement de son dernier bilan.",
    columns=(
        Column("numero", "integer", "Numéro de la mesure.", required=True, unique=True, minimum=1),
        Column("titre", "string", "Intitulé de la mesure.", required=True),
        Column("dimension", "string", "Dimension de la mesure.", required=True, enum=DIMENSIONS),
        Column(
            "chantiers",
            "string",
            "Numéros des chantiers structurels servis, séparés par des virgules.",
            pattern=WORKSTREAM_LIST,
        ),
        Column("statut", "string", "Statut du dernier bilan, ou « Pas encore de bilan ».", required=True),
        _PROGRESS,
        Column("date_dernier_bilan", "date", "Date du dernier bilan de la mesure ; vide sans bilan."),
    ),
    rows=_measures,
    count=_measure_count,
    last_modified=_last_change,
    demo=NO_DEMO,
    primary_key=("numero",),
    page_url="roadmap:overview",
    api_url="/api/v1/roadmap/measures",
    order=10,
)

SYNTHESIS = Dataset(
    name="feuille-de-route-synthese",
    title="Feuille de route : les résultats en synthèse",
    description=(
        "L'avancement moyen du programme, de chaque dimension et de chaque chantier, calculé sur les seules "
        "mesures évaluées : chaque ligne dit sur combien de mesures porte sa moyenne."
    ),
    columns=(
        Column("niveau", "string", "Ensemble décrit.", required=True, enum=("programme", "dimension", "chantier")),
        Column("identifiant", "string", "Identifiant de l'ensemble (dimension ou numéro de chantier).", required=True),
        Column("libelle", "string", "Libellé de l'ensemble.", required=True),
        Column("mesures", "integer", "Nombre de mesures publiées de l'ensemble.", required=True, minimum=0),
        Column("mesures_evaluees", "integer", "Nombre de ces mesures qui ont un bilan.", required=True, minimum=0),
        Column("mesures_sans_bilan", "integer", "Nombre de ces mesures sans bilan.", required=True, minimum=0),
        Column(
            "avancement_moyen_pct",
            "integer",
            "Avancement moyen des seules mesures évaluées ; vide quand aucune ne l'est.",
            minimum=0,
            maximum=100,
        ),
        Column(
            "base_du_calcul", "string", "Base du calcul en toutes lettres (« 1 mesure évaluée sur 21 »).", required=True
        ),
        Column("statut_bilan_chantier", "string", "Statut du bilan propre du chantier (lignes chantier)."),
        Column(
            "avancement_bilan_chantier_pct",
            "integer",
            "Avancement du bilan propre du chantier ; vide sans bilan.",
            minimum=0,
            maximum=100,
        ),
        Column("date_bilan_chantier", "date", "Date du bilan propre du chantier."),
        Column(
            "bilan_chantier_discordant",
            "boolean",
            "Le bilan propre du chantier et la moyenne de ses mesures disent des choses différentes.",
        ),
    ),
    rows=_synthesis,
    count=_synthesis_count,
    last_modified=_last_change,
    demo=NO_DEMO,
    page_url="roadmap:overview",
    api_url="/api/v1/roadmap/summary",
    order=11,
)

REVIEWS = Dataset(
    name="feuille-de-route-bilans-mesures",
    title="Feuille de route : les bilans des mesures et des chantiers",
    description="Chaque bilan daté d'une mesure ou d'un chantier : l'historique de tous les changements de statut.",
    columns=(
        Column("date_bilan", "date", "Date du bilan.", required=True),
        Column("objet", "string", "Ce que juge le bilan.", required=True, enum=("mesure", "chantier")),
        Column("numero", "integer", "Numéro de la mesure ou du chantier.", required=True, minimum=1),
        Column("titre", "string", "Intitulé de la mesure ou du chantier.", required=True),
        Column("statut", "string", "Statut donné par le bilan.", required=True),
        Column("avancement_pct", "integer", "Avancement en pour cent.", minimum=0, maximum=100),
        Column("bilan", "string", "Texte du bilan.", required=True),
        Column("prochaines_etapes", "string", "Prochaines étapes annoncées."),
        Column("date_prochaine_etape", "date", "Date de la prochaine étape."),
        Column("justification_statut", "string", "Citation de la source qui fonde le statut."),
        Column("source", "string", "Source du bilan."),
    ),
    rows=lambda: exports.review_rows(public_reviews()),
    count=lambda: public_reviews().count(),
    last_modified=_last_change,
    demo=NO_DEMO,
    page_url="roadmap:overview",
    order=12,
)

BILANS = Dataset(
    name="feuille-de-route-bilans-ensemble",
    title="Feuille de route : les bilans d'ensemble publiés",
    description="L'état figé de chaque mesure dans chaque bilan d'ensemble publié du programme, mesure par mesure.",
    columns=(
        Column("bilan", "string", "Titre du bilan d'ensemble.", required=True),
        Column("date_bilan", "date", "Date de l'état figé.", required=True),
        Column("numero", "integer", "Numéro de la mesure.", required=True, minimum=1),
        Column("titre", "string", "Intitulé de la mesure à la date du bilan.", required=True),
        Column("dimension", "string", "Dimension de la mesure.", required=True, enum=DIMENSIONS),
        Column(
            "chantiers", "string", "Numéros des chantiers servis, séparés par des virgules.", pattern=WORKSTREAM_LIST
        ),
        Column(
            "statut", "string", "Statut de la mesure à la date du bilan, ou « Pas encore de bilan ».", required=True
        ),
        _PROGRESS,
        Column("date_dernier_bilan", "date", "Date du dernier bilan de la mesure à la date du bilan d'ensemble."),
        Column("bilan_mesure", "string", "Texte du dernier bilan de la mesure."),
        Column("prochaines_etapes", "string", "Prochaines étapes annoncées."),
    ),
    rows=lambda: exports.bilans_rows(_published_bilans()),
    count=lambda: BilanEntry.objects.filter(bilan__in=_published_bilans().values("pk")).count(),
    last_modified=_last_change,
    demo=NO_DEMO,
    page_url="roadmap:overview",
    api_url="/api/v1/roadmap/bilans",
    order=13,
)
