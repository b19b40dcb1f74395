"""The Observatoire des partenariats in the back office: the mission team edits surveys and figures."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from knowledge.panels import SOURCE_PANEL
from observatory import admin_views, services
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
        FieldPanel("collected_on"),
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


@hooks.register("register_admin_urls")
def register_admin_urls() -> list[Any]:
    return [
        path("observatoire/vague/", admin_views.wave_import, name="observatory_wave_import"),
        path("observatoire/vague/modele.csv", admin_views.wave_template, name="observatory_wave_template"),
    ]


class WaveMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return services.can_import_waves(request.user)


@hooks.register("register_admin_menu_item")
def register_wave_menu_item() -> MenuItem:
    return WaveMenuItem(admin_views.TITLE, reverse("observatory_wave_import"), icon_name="upload", order=232)
