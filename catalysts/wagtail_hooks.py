"""Catalysts and support schemes in the back office (Wagtail snippets)."""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from catalysts.models import Catalyst, SupportScheme


class CatalystViewSet(SnippetViewSet):
    model = Catalyst
    icon = "group"
    menu_label = "Catalyseurs territoriaux"
    list_display = ["name", "kind", "is_active", "is_demo"]
    list_filter = ["is_active", "is_demo", "kind"]
    search_fields = ["name"]
    ordering = ["name"]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("support_offered"),
        FieldPanel("audiences"),
        MultiFieldPanel([FieldPanel("departements"), FieldPanel("regions")], heading="Territoires couverts"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_url"), FieldPanel("website")],
            heading="Contact (institutionnel uniquement, aucune donnée personnelle)",
        ),
        FieldRowPanel([FieldPanel("is_active"), FieldPanel("is_demo")]),
    ]


class SupportSchemeViewSet(SnippetViewSet):
    model = SupportScheme
    icon = "help"
    menu_label = "Dispositifs d'accompagnement"
    list_display = ["name", "provider", "is_demo"]
    search_fields = ["name", "provider"]
    ordering = ["name"]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("provider")]),
        FieldPanel("description"),
        FieldPanel("audiences"),
        MultiFieldPanel([FieldPanel("departements"), FieldPanel("regions")], heading="Territoires couverts"),
        FieldPanel("link"),
        FieldPanel("is_demo"),
    ]


class SupportViewSetGroup(SnippetViewSetGroup):
    menu_label = "Accompagnement"
    menu_icon = "group"
    menu_order = 320
    items = (CatalystViewSet, SupportSchemeViewSet)


register_snippet(SupportViewSetGroup)
