"""The source document's knowledge in the back office: the mission team corrects actors and history."""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from knowledge.models import Milestone, ReferenceActor
from knowledge.panels import SOURCE_PANEL


class ReferenceActorViewSet(SnippetViewSet):
    model = ReferenceActor
    icon = "group"
    menu_label = "Acteurs de référence"
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]
    search_backend_name = None
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("link"),
        SOURCE_PANEL,
    ]


class MilestoneViewSet(SnippetViewSet):
    model = Milestone
    icon = "history"
    menu_label = "Historique de la démarche"
    list_display = ["title", "date", "date_precision"]
    search_fields = ["title", "source_passage"]
    search_backend_name = None
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("date_precision")]),
        FieldRowPanel([FieldPanel("event"), FieldPanel("study")]),
        SOURCE_PANEL,
    ]


class KnowledgeGroup(SnippetViewSetGroup):
    menu_label = "Connaissances de référence"
    menu_icon = "doc-full-inverse"
    menu_order = 230
    items = (ReferenceActorViewSet, MilestoneViewSet)


register_snippet(KnowledgeGroup)
