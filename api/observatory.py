"""Read-only API of the Observatoire des partenariats, thin over observatory.selectors."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from observatory import selectors
from observatory.models import Survey, SurveyFigure

router = Router(tags=["Observatoire des partenariats"])


class SourceOut(Schema):
    document: str
    section: str
    passage: str


def _source(obj: Survey | SurveyFigure) -> dict[str, str]:
    return {"document": obj.source, "section": obj.source_section, "passage": obj.source_passage}


class SurveyOut(Schema):
    slug: str
    title: str
    programme: str
    institute: str | None
    population: str | None
    method: str | None
    sample_size: int | None
    year: int | None
    study_url: str | None
    figure_count: int
    source: SourceOut

    @staticmethod
    def resolve_institute(obj: Survey) -> str | None:
        return obj.institute or None

    @staticmethod
    def resolve_population(obj: Survey) -> str | None:
        return obj.population or None

    @staticmethod
    def resolve_method(obj: Survey) -> str | None:
        return obj.method or None

    @staticmethod
    def resolve_study_url(obj: Survey) -> str | None:
        return obj.study.get_absolute_url() if obj.study else None

    @staticmethod
    def resolve_source(obj: Survey) -> dict[str, str]:
        return _source(obj)


class FigureOut(Schema):
    slug: str
    survey: str
    indicator: str
    indicator_code: str
    population: str
    actor_kind: str | None
    territory: str | None
    year: int | None
    value: Decimal
    value_qualifier: str | None
    value_label: str
    unit: str
    is_percentage: bool
    base: str | None
    margin_of_error: Decimal | None
    multiple_responses: bool
    note: str
    source: SourceOut

    @staticmethod
    def resolve_survey(obj: SurveyFigure) -> str:
        return obj.survey.slug

    @staticmethod
    def resolve_indicator_code(obj: SurveyFigure) -> str:
        return obj.indicator_slug

    @staticmethod
    def resolve_actor_kind(obj: SurveyFigure) -> str | None:
        return obj.actor_kind.slug if obj.actor_kind else None

    @staticmethod
    def resolve_territory(obj: SurveyFigure) -> str | None:
        return obj.territory_name or None

    @staticmethod
    def resolve_year(obj: SurveyFigure) -> int | None:
        return obj.described_year

    @staticmethod
    def resolve_value_qualifier(obj: SurveyFigure) -> str | None:
        return obj.value_qualifier or None

    @staticmethod
    def resolve_base(obj: SurveyFigure) -> str | None:
        return obj.base or None

    @staticmethod
    def resolve_source(obj: SurveyFigure) -> dict[str, str]:
        return _source(obj)


@router.get("/surveys", response=list[SurveyOut], summary="Enquêtes de l'Observatoire des partenariats")
@paginate(LimitOffsetPagination)
def list_surveys(request: HttpRequest) -> QuerySet[Survey]:
    return selectors.surveys()


@router.get("/figures", response=list[FigureOut], summary="Chiffres des enquêtes, avec leur source")
@paginate(LimitOffsetPagination)
def list_figures(request: HttpRequest) -> QuerySet[SurveyFigure]:
    return selectors.figures()
