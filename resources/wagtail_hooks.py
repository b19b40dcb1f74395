"""The resources in the back office: each with drafts, review workflow, revisions, locking and
scheduled publishing; only published items reach the public."""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PublishingPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from knowledge.panels import SOURCE_PANEL
from resources.models import Event, NewsItem, Study, Tool


class ToolViewSet(SnippetViewSet):
    model = Tool
    icon = "cogs"
    menu_label = "Outils & méthodes"
    list_display = ["title", "phase", "maturity", "format", "is_demo", "live"]
    list_filter = ["phase", "maturity", "format", "is_demo", "live"]
    search_fields = ["title", "summary", "provider"]
    search_backend_name = None
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("phase"), FieldPanel("maturity"), FieldPanel("format")]),
        FieldPanel("audiences"),
        FieldRowPanel([FieldPanel("provider"), FieldPanel("link")]),
        FieldPanel("is_demo"),
        PublishingPanel(),
    ]


class StudyViewSet(SnippetViewSet):
    model = Study
    icon = "doc-full"
    menu_label = "Études & rapports"
    list_display = ["title", "publisher", "published_on", "is_demo", "live"]
    list_filter = ["is_demo", "live"]
    search_fields = ["title", "summary", "publisher"]
    search_backend_name = None
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("publisher"), FieldPanel("published_on"), FieldPanel("date_precision")]),
        FieldPanel("summary"),
        FieldPanel("key_figures"),
        FieldRowPanel([FieldPanel("link"), FieldPanel("document")]),
        SOURCE_PANEL,
        FieldPanel("is_demo"),
        PublishingPanel(),
    ]


class NewsItemViewSet(SnippetViewSet):
    model = NewsItem
    icon = "doc-empty"
    menu_label = "Actualités"
    list_display = ["title", "published_on", "is_demo", "live"]
    list_filter = ["is_demo", "live"]
    search_fields = ["title", "summary"]
    search_backend_name = None
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("published_on"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("is_demo"),
        PublishingPanel(),
    ]


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = "Agenda"
    list_display = ["title", "starts_at", "place", "is_demo", "live"]
    list_filter = ["is_demo", "live"]
    search_fields = ["title", "summary", "place"]
    search_backend_name = None
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at"), FieldPanel("date_precision")]),
        FieldPanel("place"),
        MultiFieldPanel([FieldPanel("territory_level"), FieldPanel("territory_code")], heading="Territoire"),
        FieldPanel("link"),
        InlinePanel("details", max_num=1, heading="Organisateur, public et inscription", label="Organisation"),
        SOURCE_PANEL,
        FieldPanel("is_demo"),
        PublishingPanel(),
    ]


class ResourcesGroup(SnippetViewSetGroup):
    menu_label = "Ressources"
    menu_icon = "folder-open-inverse"
    menu_order = 220
    items = (ToolViewSet, StudyViewSet, NewsItemViewSet, EventViewSet)


register_snippet(ResourcesGroup)
