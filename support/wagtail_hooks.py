"""The catalysts' teams in the back office, for the platform's team (the moderators): which organisation
runs a catalyst (``alliances.CatalystOrganisation``, shared with the matchmaking) and the communes and
EPCI it serves first (``CatalystArea``)."""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from alliances.models import CatalystOrganisation
from support.admin_forms import CatalystAreaForm, CatalystOrganisationForm
from support.models import CatalystArea


class CatalystOrganisationViewSet(SnippetViewSet):
    model = CatalystOrganisation
    icon = "group"
    menu_label = "Équipes des catalyseurs"
    list_display = ["catalyst", "organisation"]
    ordering = ["catalyst__name"]
    edit_handler = ObjectList(
        [FieldPanel("catalyst"), FieldPanel("organisation")], base_form_class=CatalystOrganisationForm
    )


class CatalystAreaViewSet(SnippetViewSet):
    model = CatalystArea
    icon = "site"
    menu_label = "Territoires servis en premier"
    list_display = ["catalyst", "is_national"]
    ordering = ["catalyst__name"]
    edit_handler = ObjectList(
        [FieldPanel("catalyst"), FieldPanel("communes"), FieldPanel("epcis"), FieldPanel("is_national")],
        base_form_class=CatalystAreaForm,
    )


class CatalystTeamsGroup(SnippetViewSetGroup):
    menu_label = "Demandes d'accompagnement"
    menu_icon = "group"
    menu_order = 321
    items = (CatalystOrganisationViewSet, CatalystAreaViewSet)


register_snippet(CatalystTeamsGroup)
