"""Roles of the platform, as Django groups with the permissions Wagtail checks on every write.

- « Équipe de la mission » writes the roadmap (measures, reviews, bilans, statuses).
- « Équipe éditoriale » drafts hub content (cases, tools, studies, news, events) and submits it
  to moderation; it cannot publish.
- « Moderators » (the group of Wagtail's « Moderators approval » workflow) reviews and publishes
  hub content.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Workflow, WorkflowContentType

MISSION_TEAM = "Équipe de la mission"
EDITORIAL_TEAM = "Équipe éditoriale"
MODERATORS = "Moderators"  # created by Wagtail, used by its « Moderators approval » workflow
MODERATION_WORKFLOW = "Moderators approval"

HUB_MODELS = [
    ("cases", "case"),
    ("resources", "tool"),
    ("resources", "study"),
    ("resources", "newsitem"),
    ("resources", "event"),
]
_MEDIA = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
_SUPPORT = [
    ("catalysts", f"{action}_{model}")
    for model in ("catalyst", "supportscheme")
    for action in ("add", "change", "view")
]
_EDITING = [
    *[(app, f"{action}_{model}") for app, model in HUB_MODELS for action in ("add", "change", "view", "lock")],
    *_SUPPORT,
]

_ROLE_PERMISSIONS: dict[str, list[tuple[str, str]]] = {
    MISSION_TEAM: [
        ("wagtailadmin", "access_admin"),
        *[
            ("roadmap", f"{action}_{model}")
            for model in ("measure", "review", "reviewevidence", "bilan", "reviewstatus", "workstream", "programme")
            for action in ("add", "change", "view")
        ],
        *[
            (app, f"{action}_{model}")
            for app, model in (
                ("knowledge", "referenceactor"),
                ("knowledge", "milestone"),
                ("observatory", "survey"),
                ("observatory", "surveyfigure"),
            )
            for action in ("add", "change", "view")
        ],
        ("roadmap", "publish_measure"),
        ("roadmap", "delete_review"),
        ("roadmap", "delete_bilan"),
        *[("contact", f"{action}_contactmessage") for action in ("view", "delete")],
    ],
    EDITORIAL_TEAM: [("wagtailadmin", "access_admin"), *_EDITING, *_MEDIA],
    MODERATORS: [
        ("wagtailadmin", "access_admin"),
        *_EDITING,
        *_MEDIA,
        *[(app, f"{action}_{model}") for app, model in HUB_MODELS for action in ("publish", "unlock", "delete")],
    ],
}


@transaction.atomic
def ensure_roles() -> None:
    """Create the roles, give them exactly their permissions and route hub content through moderation."""
    for name, codes in _ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = [
            Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in codes
        ]
        group.permissions.set(permissions)
    workflow = Workflow.objects.filter(name=MODERATION_WORKFLOW, active=True).first()
    if workflow is None:
        return
    for app, model in HUB_MODELS:
        content_type = ContentType.objects.get_by_natural_key(app, model)
        WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})
