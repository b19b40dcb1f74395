"""Roles of the platform, as Django groups with the permissions Wagtail checks on every write."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction

MISSION_TEAM = "Équipe de la mission"

# Only the mission team writes the roadmap (measures, reviews, bilans, statuses).
_ROLE_PERMISSIONS: dict[str, list[tuple[str, str]]] = {
    MISSION_TEAM: [
        ("wagtailadmin", "access_admin"),
        *[
            ("roadmap", f"{action}_{model}")
            for model in ("measure", "review", "reviewevidence", "bilan", "reviewstatus", "workstream", "programme")
            for action in ("add", "change", "view")
        ],
        ("roadmap", "publish_measure"),
        ("roadmap", "delete_review"),
        ("roadmap", "delete_bilan"),
    ],
}


@transaction.atomic
def ensure_roles() -> None:
    """Create the roles and give them exactly their permissions (idempotent)."""
    for name, codes in _ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = [
            Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in codes
        ]
        group.permissions.set(permissions)
