"""Indicators in the back office: the mission team and the moderators define them (attached to one
measure, chantier or alliance) and review the values entered (« Valeurs d'indicateurs à valider »)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from indicators import admin_views
from indicators.models import Indicator
from indicators.permissions import can_approve


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "table"
    menu_label = "Indicateurs"
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["name", "kind", "periodicity", "measure", "workstream", "case", "rolls_up"]
    list_filter = ["kind", "periodicity", "rolls_up", "is_demo"]
    search_fields = ["name", "slug"]
    search_backend_name = None
    ordering = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("definition"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("unit"), FieldPanel("direction")]),
        FieldRowPanel([FieldPanel("baseline_value"), FieldPanel("baseline_period")], heading="Valeur de référence"),
        FieldRowPanel([FieldPanel("target_value"), FieldPanel("target_period")], heading="Cible"),
        FieldPanel("source"),
        FieldRowPanel(
            [FieldPanel("periodicity"), FieldPanel("first_period"), FieldPanel("last_period")], heading="Suivi"
        ),
        MultiFieldPanel(
            [FieldPanel("measure"), FieldPanel("workstream"), FieldPanel("case")],
            heading="Rattachement (un seul des trois)",
        ),
        MultiFieldPanel(
            [FieldPanel("sdg_targets"), FieldPanel("rolls_up"), FieldPanel("shared_code")],
            heading="Agrégats (cibles d'ODD et territoires)",
        ),
        FieldPanel("is_demo"),
    ]


register_snippet(IndicatorViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls() -> list[Any]:
    return [
        path("indicateurs/valeurs/", admin_views.review_list, name="indicators_review"),
        path("indicateurs/valeurs/<int:pk>/", admin_views.decide, name="indicators_decide"),
    ]


class ReviewMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return can_approve(request.user)


@hooks.register("register_admin_menu_item")
def register_review_menu_item() -> MenuItem:
    return ReviewMenuItem("Valeurs d'indicateurs à valider", reverse("indicators_review"), icon_name="tasks", order=231)
