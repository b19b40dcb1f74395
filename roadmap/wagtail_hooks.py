"""The roadmap in the back office: only the mission team's role may write (checked by Wagtail)."""

from __future__ import annotations

from typing import Any

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

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
