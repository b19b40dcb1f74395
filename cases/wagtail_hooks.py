"""The case base in the back office: draft → review (workflow) → published, with revisions, locking
and scheduled publishing; only published cases reach the public."""

from __future__ import annotations

from typing import Any

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PublishingPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cases.forms import CaseForm
from cases.models import MIN_PARTNERS, Case


class CaseViewSet(SnippetViewSet):
    model = Case
    icon = "group"
    menu_label = "Exemples inspirants"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["title", "modality", "territory_name", "is_demo", "live"]
    list_filter = ["modality", "is_demo", "live", "territory_level"]
    search_fields = ["title", "summary"]
    search_backend_name = None
    ordering = ["-id"]
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        InlinePanel(
            "partners",
            heading="Partenaires de l'alliance",
            label="partenaire",
            min_num=MIN_PARTNERS,
            help_text=f"Au moins {MIN_PARTNERS} partenaires, chacun avec son type d'acteur et son rôle.",
        ),
        FieldPanel("modality"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [FieldPanel("territory_level"), FieldPanel("territory_code")],
            heading="Territoire",
        ),
        FieldPanel("sdg_targets"),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")], heading="Période"),
        FieldPanel("results"),
        InlinePanel("sources", heading="Sources", label="source"),
        FieldPanel("last_verified_on"),
        FieldPanel("is_demo"),
        PublishingPanel(),
    ]

    def get_form_class(self, for_update: bool = False) -> Any:
        form_class = super().get_form_class(for_update)
        return type("CaseAdminForm", (CaseForm, form_class), {})


register_snippet(CaseViewSet)
