"""Contact messages in the back office: read-only for the mission team (they arrive from the public form).

Nobody adds or edits a message there (the policy refuses ``add`` and ``change``, superusers
included); those with the ``delete`` permission can erase one on request (RGPD).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from contact.models import ContactMessage

READ_ONLY_REFUSED = ("add", "change")


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action: str) -> bool:
        return action not in READ_ONLY_REFUSED and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions: list[str]) -> QuerySet:
        allowed = [action for action in actions if action not in READ_ONLY_REFUSED]
        return super().users_with_any_permission(allowed) if allowed else get_user_model().objects.none()


register_permission_policy(ContactMessage, ReadOnlyPermissionPolicy(ContactMessage))


class ContactMessageViewSet(SnippetViewSet):
    model = ContactMessage
    icon = "mail"
    menu_label = "Messages de contact"
    add_to_admin_menu = True
    menu_order = 900
    inspect_view_enabled = True
    list_display = ["created_at", "subject", "email"]
    list_filter = ["subject"]
    search_fields = ["email", "message"]
    ordering = ["-created_at"]


register_snippet(ContactMessageViewSet)
