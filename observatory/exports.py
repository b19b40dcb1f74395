"""CSV of the observatory's figures (UTF-8 with BOM, « ; », opens in a spreadsheet)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from observatory.models import Survey, SurveyFigure

Row = Sequence[object]
HEADER = [
    "indicateur",
    "code_indicateur",
    "enquete",
    "programme",
    "institut",
    "annee_enquete",
    "population",
    "type_acteur",
    "territoire",
    "annee_decrite",
    "qualificatif",
    "valeur",
    "unite",
    "base",
    "marge_erreur",
    "reponses_multiples",
    "remarque",
    "source",
    "section_source",
    "passage_source",
    "date_collecte",
]


def _number(value: object) -> str:
    return "" if value is None else f"{value.normalize():f}".replace(".", ",")  # type: ignore[attr-defined]


def figure_rows(figures: Iterable[SurveyFigure]) -> Iterable[Row]:
    yield HEADER
    for f in figures:
        yield [
            f.indicator,
            f.indicator_slug,
            f.survey.title,
            f.survey.programme,
            f.survey.institute,
            f.survey.year or "",
            f.population,
            f.actor_kind.slug if f.actor_kind else "",
            f.territory_name,
            f.described_year or "",
            f.value_qualifier,
            _number(f.value),
            f.unit,
            f.base,
            _number(f.margin_of_error),
            "oui" if f.multiple_responses else "non",
            f.note,
            f.source,
            f.source_section,
            f.source_passage,
            f.collected_on.isoformat() if f.collected_on else "",
        ]


SURVEY_HEADER = [
    "identifiant",
    "titre",
    "programme",
    "institut",
    "population",
    "methode",
    "taille_echantillon",
    "annee",
    "chiffres",
    "source",
    "section_source",
    "passage_source",
]


def survey_rows(surveys: Iterable[Survey]) -> Iterable[Row]:
    """One row per survey; ``chiffres`` needs the ``figure_count`` of ``selectors.surveys()``."""
    yield SURVEY_HEADER
    for s in surveys:
        yield [
            s.slug,
            s.title,
            s.programme,
            s.institute,
            s.population,
            s.method,
            "" if s.sample_size is None else s.sample_size,
            s.year or "",
            s.figure_count,  # type: ignore[attr-defined]
            s.source,
            s.source_section,
            s.source_passage,
        ]
