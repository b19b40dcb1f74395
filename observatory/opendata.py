"""The Observatoire's open data: its figures and its surveys (registered in ``ObservatoryConfig.ready``)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Max

from observatory import exports, selectors
from observatory.models import Survey, SurveyFigure
from opendata.registry import Column, Dataset

NO_DEMO = "Aucun exemple fictif : chaque chiffre vient de la source citée dans ses colonnes source."
SLUG = r"^[-a-zA-Z0-9_]+$"


def _last_change() -> dt.datetime | None:
    moments = [
        SurveyFigure.objects.aggregate(last=Max("updated_at"))["last"],
        Survey.objects.aggregate(last=Max("updated_at"))["last"],
    ]
    known = [m for m in moments if m is not None]
    return max(known) if known else None


def _source_columns(what: str) -> tuple[Column, ...]:
    return (
        Column("source", "string", f"Document d'où vient {what} (vide pour une donnée saisie ici)."),
        Column("section_source", "string", "Partie, page ou note du document où figure le passage."),
        Column("passage_source", "string", "Citation exacte du document source."),
    )


FIGURES = Dataset(
    name="observatoire-chiffres",
    title="Observatoire des partenariats : les chiffres des enquêtes",
    description=(
        "Chaque chiffre des enquêtes de l'Observatoire des partenariats et des études voisines : une valeur d'un "
        "indicateur pour une population, avec sa base, sa marge d'erreur et sa source quand elles sont connues."
    ),
    columns=(
        Column("indicateur", "string", "Ce que mesure le chiffre, en toutes lettres.", required=True),
        Column(
            "code_indicateur",
            "string",
            "Code de l'indicateur : les chiffres d'un même code se comparent.",
            required=True,
            pattern=SLUG,
        ),
        Column("enquete", "string", "Titre de l'enquête.", required=True),
        Column("programme", "string", "Programme d'enquêtes (par exemple Observatoire des partenariats)."),
        Column("institut", "string", "Institut qui a conduit l'enquête ; vide si la source ne le précise pas."),
        Column("annee_enquete", "year", "Année de l'enquête ; vide si la source ne la précise pas."),
        Column("population", "string", "Population décrite, telle que la source la nomme.", required=True),
        Column("type_acteur", "string", "Type d'acteur de la population (identifiant du référentiel).", pattern=SLUG),
        Column("territoire", "string", "Territoire décrit ; vide : France entière."),
        Column("annee_decrite", "year", "Année que décrit le chiffre (celle de l'enquête si la source n'en dit pas)."),
        Column("qualificatif", "string", "Qualificatif de la valeur, par exemple « moins de »."),
        Column("valeur", "number", "La valeur, dans l'unité de la colonne unite.", required=True, decimal_comma=True),
        Column("unite", "string", "Unité de la valeur : « % » pour un pourcentage.", required=True),
        Column("base", "string", "Sur quoi porte le pourcentage ; vide si la source ne le précise pas."),
        Column(
            "marge_erreur",
            "number",
            "Marge d'erreur en points ; vide si la source ne la précise pas (jamais 0 par défaut).",
            minimum=0,
            decimal_comma=True,
        ),
        Column(
            "reponses_multiples",
            "boolean",
            "Plusieurs réponses possibles (les pourcentages ne s'additionnent pas).",
            required=True,
        ),
        Column("remarque", "string", "Remarque sur la lecture du chiffre."),
        *_source_columns("le chiffre"),
        Column("date_collecte", "date", "Dernier jour du terrain de l'enquête, quand il est connu."),
    ),
    rows=lambda: exports.figure_rows(selectors.figures().iterator(chunk_size=500)),
    count=lambda: SurveyFigure.objects.count(),
    last_modified=_last_change,
    demo=NO_DEMO,
    page_url="observatory:index",
    api_url="/api/v1/observatory/figures",
    order=60,
)

SURVEYS = Dataset(
    name="observatoire-enquetes",
    title="Observatoire des partenariats : les enquêtes",
    description=(
        "Les enquêtes dont la plateforme publie les chiffres : institut, population, méthode, échantillon, année."
    ),
    columns=(
        Column("identifiant", "string", "Identifiant de l'enquête.", required=True, unique=True, pattern=SLUG),
        Column("titre", "string", "Titre de l'enquête.", required=True),
        Column("programme", "string", "Programme d'enquêtes."),
        Column("institut", "string", "Institut qui a conduit l'enquête ; vide si la source ne le précise pas."),
        Column("population", "string", "Population interrogée."),
        Column("methode", "string", "Méthode de l'enquête ; vide si la source ne la précise pas."),
        Column("taille_echantillon", "integer", "Nombre de personnes interrogées ; vide si inconnu.", minimum=1),
        Column("annee", "year", "Année de l'enquête."),
        Column(
            "chiffres",
            "integer",
            "Nombre de chiffres de l'enquête dans le fichier observatoire-chiffres.",
            required=True,
            minimum=0,
        ),
        *_source_columns("l'enquête"),
    ),
    rows=lambda: exports.survey_rows(selectors.surveys()),
    count=lambda: Survey.objects.count(),
    last_modified=_last_change,
    demo=NO_DEMO,
    primary_key=("identifiant",),
    page_url="observatory:index",
    api_url="/api/v1/observatory/surveys",
    order=61,
)
