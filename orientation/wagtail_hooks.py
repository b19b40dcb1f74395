"""The questionnaire in the back office: editors change a draft version (questions, answers, routing
rules), copy a published one into a new draft, and moderators publish it. A published version is
frozen (the models refuse the change, and it cannot be deleted)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from orientation import admin_views
from orientation.models import FROZEN_MESSAGE, Question, QuestionnaireVersion, Rule


class VersionViewSet(SnippetViewSet):
    model = QuestionnaireVersion
    icon = "history"
    menu_label = "Versions du questionnaire"
    list_display = ["number", "title", "status", "published_at"]
    panels = [FieldPanel("number"), FieldPanel("title"), FieldPanel("introduction"), FieldPanel("provenance")]


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = "Questions"
    list_display = ["__str__", "role", "kind"]
    list_filter = ["version"]
    panels = [
        FieldRowPanel([FieldPanel("version"), FieldPanel("key"), FieldPanel("position")]),
        FieldPanel("text"),
        FieldPanel("help_text"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("role")]),
        FieldPanel("audiences"),
        InlinePanel("choices", heading="Réponses possibles", label="réponse"),
    ]


class RuleViewSet(SnippetViewSet):
    model = Rule
    icon = "resubmit"
    menu_label = "Règles d'orientation"
    list_display = ["__str__", "reason"]
    list_filter = ["version", "target_kind"]
    panels = [
        FieldRowPanel([FieldPanel("version"), FieldPanel("position")]),
        InlinePanel("conditions", heading="Quand toutes ces réponses sont données", label="réponse", min_num=1),
        FieldPanel("target_kind"),
        FieldRowPanel([FieldPanel("kit_sheet"), FieldPanel("force")]),
        FieldRowPanel([FieldPanel("tool"), FieldPanel("study")]),
        FieldPanel("reason"),
    ]


class OrientationGroup(SnippetViewSetGroup):
    menu_label = "Orientation"
    menu_icon = "resubmit"
    menu_order = 230
    items = (VersionViewSet, QuestionViewSet, RuleViewSet)


register_snippet(OrientationGroup)


@hooks.register("register_admin_urls")
def register_admin_urls() -> list[Any]:
    return [
        path("orientation/versions/<int:pk>/copier/", admin_views.copy, name="orientation_version_copy"),
        path("orientation/versions/<int:pk>/publier/", admin_views.publish, name="orientation_version_publish"),
    ]


@hooks.register("register_snippet_listing_buttons")
def version_buttons(snippet: Any, user: Any, next_url: str | None = None) -> Iterator[Button]:
    if not isinstance(snippet, QuestionnaireVersion):
        return
    if user.has_perm(admin_views.COPY_PERMISSION):
        yield Button("Copier en nouvelle version", reverse("orientation_version_copy", args=[snippet.pk]), priority=30)
    if snippet.is_editable and user.has_perm(admin_views.PUBLISH_PERMISSION):
        yield Button("Publier", reverse("orientation_version_publish", args=[snippet.pk]), priority=31)


def _frozen(objects: list[Any]) -> bool:
    for item in objects:
        version = item if isinstance(item, QuestionnaireVersion) else getattr(item, "version", None)
        if version is not None and not version.is_editable:
            return True
    return False


@hooks.register("before_delete_snippet")
def keep_published_versions(request: HttpRequest, instances: list[Any]) -> HttpResponse | None:
    """A published version (and its questions and rules) is never deleted: answer sets rest on it."""
    if _frozen(list(instances)):
        messages.error(request, FROZEN_MESSAGE)
        return redirect(request.META.get("HTTP_REFERER") or reverse("wagtailadmin_home"))
    return None
