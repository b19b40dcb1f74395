"""« Annonces Faire alliance » in the back office, for the moderators."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from alliances import admin_views


@hooks.register("register_admin_urls")
def register_admin_urls() -> list[Any]:
    return [
        path("faire-alliance/annonces/", admin_views.review_list, name="alliances_review"),
        path("faire-alliance/annonces/<int:pk>/", admin_views.decide, name="alliances_decide"),
    ]


class ReviewMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_review_menu_item() -> MenuItem:
    return ReviewMenuItem("Annonces « Faire alliance »", reverse("alliances_review"), icon_name="tasks", order=225)
