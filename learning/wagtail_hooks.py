"""The learning paths in the back office: editors compose each path from orderable steps."""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PublishingPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from learning.models import LearningPath

STEP_PANELS = [
    FieldRowPanel([FieldPanel("maturity"), FieldPanel("phase")]),
    FieldRowPanel([FieldPanel("tool"), FieldPanel("study"), FieldPanel("event")]),
    FieldPanel("kit_sheet"),
    FieldPanel("note"),
]


class LearningPathViewSet(SnippetViewSet):
    model = LearningPath
    icon = "list-ol"
    menu_label = "Parcours d'apprentissage"
    menu_order = 225
    add_to_admin_menu = True
    list_display = ["title", "audience", "live"]
    list_filter = ["audience", "live"]
    search_fields = ["title", "summary"]
    search_backend_name = None
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("audience"),
        FieldPanel("summary"),
        FieldPanel("source"),
        InlinePanel(
            "steps",
            heading="Étapes",
            label="Étape",
            help_text=(
                "Une étape pointe vers un seul élément : un outil, une étude, un événement ou une fiche du kit. "
                "Le public voit les étapes par maturité (découvrir, se lancer, approfondir), puis par phase, "
                "puis dans l'ordre choisi ici ; une étape dont l'élément n'est pas publié n'est pas montrée."
            ),
            panels=STEP_PANELS,
        ),
        PublishingPanel(),
    ]


register_snippet(LearningPathViewSet)
