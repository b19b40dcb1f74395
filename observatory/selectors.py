"""Reads of the Observatoire des partenariats shared by the page, the chart, the CSV and the API."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from observatory.models import Survey, SurveyFigure


def surveys() -> QuerySet[Survey]:
    return Survey.objects.select_related("study").annotate(figure_count=Count("figures")).order_by("-year", "title")


def figures() -> QuerySet[SurveyFigure]:
    return SurveyFigure.objects.for_display()


@dataclass
class IndicatorGroup:
    """The figures of one indicator, compared in one chart and one data table."""

    slug: str
    label: str
    figures: list[SurveyFigure]

    @property
    def all_percentages(self) -> bool:
        return all(f.is_percentage for f in self.figures)


def indicator_groups() -> list[IndicatorGroup]:
    groups: dict[str, IndicatorGroup] = {}
    for figure in figures():
        group = groups.setdefault(
            figure.indicator_slug, IndicatorGroup(slug=figure.indicator_slug, label=figure.indicator, figures=[])
        )
        group.figures.append(figure)
    return list(groups.values())


def indicator_group(slug: str) -> IndicatorGroup | None:
    return next((group for group in indicator_groups() if group.slug == slug), None)


def headline_group() -> IndicatorGroup | None:
    """The indicator compared across the most populations (the first such one): the home page shows it."""
    groups = indicator_groups()
    return max(groups, key=lambda group: len(group.figures)) if groups else None
