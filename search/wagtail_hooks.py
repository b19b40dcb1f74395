"""The search's synonyms in the back office: the editorial team keeps them (« Synonymes de recherche »)."""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = "Synonymes de recherche"
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["__str__", "source", "updated_at"]
    search_fields = ["slug", "expressions", "source"]
    search_backend_name = None
    panels = [FieldPanel("expressions"), FieldPanel("slug"), FieldPanel("source")]


register_snippet(SynonymViewSet)
