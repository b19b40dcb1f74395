"""« Demandes des organisations » in the back office, for the moderators."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from organisations import admin_views


@hooks.register("register_admin_urls")
def register_admin_urls() -> list[Any]:
    return [
        path("organisations/demandes/", admin_views.review_list, name="organisations_review"),
        path("organisations/demandes/<int:pk>/", admin_views.claim_decide, name="organisations_claim_decide"),
        path("organisations/propositions/<int:pk>/", admin_views.request_decide, name="organisations_request_decide"),
    ]


class ReviewMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_review_menu_item() -> MenuItem:
    return ReviewMenuItem("Demandes des organisations", reverse("organisations_review"), icon_name="group", order=220)
