"""The Observatoire des partenariats in the back office: the mission team edits surveys and figures."""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from knowledge.panels import SOURCE_PANEL
from observatory.models import Survey, SurveyFigure


class SurveyViewSet(SnippetViewSet):
    model = Survey
    icon = "list-ul"
    menu_label = "Enquêtes de l'Observatoire"
    list_display = ["title", "institute", "year"]
    search_fields = ["title", "institute", "population"]
    search_backend_name = None
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("programme"), FieldPanel("institute")]),
        FieldRowPanel([FieldPanel("population"), FieldPanel("method")]),
        FieldRowPanel([FieldPanel("sample_size"), FieldPanel("year")]),
        FieldPanel("study"),
        SOURCE_PANEL,
    ]


class SurveyFigureViewSet(SnippetViewSet):
    model = SurveyFigure
    icon = "table"
    menu_label = "Chiffres de l'Observatoire"
    list_display = ["indicator", "population", "value", "unit", "survey"]
    list_filter = ["indicator_slug"]
    search_fields = ["indicator", "population"]
    search_backend_name = None
    panels = [
        FieldPanel("survey"),
        FieldRowPanel([FieldPanel("indicator"), FieldPanel("indicator_slug")]),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("population"), FieldPanel("actor_kind")]),
        FieldRowPanel([FieldPanel("territory_code"), FieldPanel("territory_name"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("value_qualifier"), FieldPanel("value"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("base"), FieldPanel("margin_of_error"), FieldPanel("multiple_responses")]),
        FieldPanel("note"),
        FieldPanel("position"),
        SOURCE_PANEL,
    ]


class ObservatoryGroup(SnippetViewSetGroup):
    menu_label = "Observatoire"
    menu_icon = "table"
    menu_order = 231
    items = (SurveyViewSet, SurveyFigureViewSet)


register_snippet(ObservatoryGroup)
