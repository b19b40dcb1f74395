"""The roadmap in the back office: only the mission team's role may write (checked by Wagtail)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

from roadmap import admin_views
from roadmap.forms import BilanForm
from roadmap.models import Bilan, Measure, Programme, Review, ReviewStatus, Workstream
from roadmap.services import bilan_freeze


class MeasureViewSet(SnippetViewSet):
    model = Measure
    icon = "list-ol"
    menu_label = "Mesures"
    list_display = ["number", "title", "dimension", "live"]
    list_filter = ["dimension", "programme"]
    search_fields = ["title"]
    ordering = ["programme", "number"]
    panels = [
        FieldRowPanel([FieldPanel("programme"), FieldPanel("number"), FieldPanel("dimension")]),
        FieldPanel("title"),
        FieldPanel("workstreams", widget=None),
        MultiFieldPanel(
            [
                FieldPanel("objective"),
                FieldPanel("action_modalities"),
                FieldPanel("facilitators"),
                FieldPanel("points_of_support"),
                FieldPanel("expected_results"),
                FieldPanel("expected_delay_months"),
            ],
            heading="Contenu de la mesure",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("review_due_date"), FieldPanel("review_rhythm_months")])],
            heading="Échéance des bilans",
        ),
    ]


class ReviewCreateView(CreateView):
    def save_instance(self) -> Any:
        self.form.instance.author = self.request.user
        return super().save_instance()


class ReviewViewSet(SnippetViewSet):
    model = Review
    icon = "date"
    menu_label = "Bilans des mesures et chantiers"
    add_view_class = ReviewCreateView
    list_display = ["__str__", "status", "progress", "author"]
    list_filter = ["status", "programme"]
    ordering = ["-date", "-id"]
    panels = [
        FieldPanel("programme"),
        FieldRowPanel([FieldPanel("measure"), FieldPanel("workstream")], heading="Objet du bilan (l'un des deux)"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("status"), FieldPanel("progress")]),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("next_steps"), FieldPanel("next_step_date")]),
        FieldPanel("status_justification"),
        FieldPanel("source"),
        InlinePanel("evidence_links", heading="Justificatifs", label="justificatif"),
    ]


class BilanCreateView(CreateView):
    """Creating a bilan freezes every measure's state at its date (service bilan_freeze)."""

    def save_instance(self) -> Any:
        data = self.form.cleaned_data
        instance = bilan_freeze(
            programme=data["programme"],
            title=data["title"],
            slug=data["slug"],
            date=data["date"],
            summary=data.get("summary", ""),
            author=self.request.user,
            publish=data.get("is_published", False),
        )
        log(instance=instance, action="wagtail.create", user=self.request.user)
        return instance


class BilanViewSet(SnippetViewSet):
    model = Bilan
    icon = "doc-full"
    menu_label = "Bilans d'ensemble"
    add_view_class = BilanCreateView
    list_display = ["title", "date", "is_published", "author"]
    ordering = ["-date"]
    panels = [
        FieldPanel("programme"),
        FieldRowPanel([FieldPanel("title"), FieldPanel("slug")]),
        FieldPanel("date", help_text="L'état de chaque mesure est figé à cette date."),
        FieldPanel("summary"),
        FieldPanel("is_published"),
    ]

    def get_form_class(self, for_update: bool = False) -> Any:
        form_class = super().get_form_class(for_update)
        return type("BilanAdminForm", (BilanForm, form_class), {})


class ReviewStatusViewSet(SnippetViewSet):
    model = ReviewStatus
    icon = "tag"
    menu_label = "Statuts de bilan"
    list_display = ["name", "default_progress", "position"]


class WorkstreamViewSet(SnippetViewSet):
    model = Workstream
    icon = "folder-open-inverse"
    menu_label = "Chantiers structurels"
    list_display = ["number", "title", "programme"]


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "folder-inverse"
    menu_label = "Feuilles de route"
    list_display = ["title", "start_date"]


class RoadmapGroup(SnippetViewSetGroup):
    menu_label = "Feuille de route"
    menu_icon = "list-ol"
    menu_order = 200
    items = (MeasureViewSet, ReviewViewSet, BilanViewSet, WorkstreamViewSet, ReviewStatusViewSet, ProgrammeViewSet)


register_snippet(RoadmapGroup)


@hooks.register("register_admin_urls")
def register_admin_urls() -> list[Any]:
    return [
        path("feuille-de-route/bilans-proposes/", admin_views.review_list, name="roadmap_submissions"),
        path("feuille-de-route/bilans-proposes/<int:pk>/", admin_views.decide, name="roadmap_submission_decide"),
        path("feuille-de-route/facilitateurs/", admin_views.facilitators, name="roadmap_facilitators"),
        path(
            "feuille-de-route/facilitateurs/<int:number>/",
            admin_views.facilitators_change,
            name="roadmap_facilitators_change",
        ),
        path("feuille-de-route/import/", admin_views.import_bilans, name="roadmap_import"),
        path("feuille-de-route/import/modele.csv", admin_views.import_template, name="roadmap_import_template"),
    ]


class MissionTeamMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_submissions_menu_item() -> MenuItem:
    return MissionTeamMenuItem("Bilans proposés", reverse("roadmap_submissions"), icon_name="tasks", order=205)


@hooks.register("register_admin_menu_item")
def register_facilitators_menu_item() -> MenuItem:
    return MissionTeamMenuItem(
        "Facilitateurs des mesures", reverse("roadmap_facilitators"), icon_name="group", order=206
    )
