"""Roles of the platform, as Django groups with the permissions Wagtail checks on every write.

- « Équipe de la mission » writes the roadmap (measures, reviews, bilans, statuses).
- « Équipe éditoriale » drafts hub content (cases, tools, studies, news, events) and submits it
  to moderation; it cannot publish. It keeps the search's synonyms.
- « Modérateurs » (the group of the « Validation par les modérateurs » workflow) reviews and publishes
  hub content.

Wagtail creates its groups and its workflow with English names (« Moderators », « Editors »,
« Moderators approval »): ``ensure_roles`` renames them in French, keeping their rows. Images and
documents are permitted per collection in Wagtail: the editorial roles get them on the root collection,
so they can upload and choose images and documents.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    Task,
    Workflow,
    WorkflowContentType,
    WorkflowTask,
)

MISSION_TEAM = "Équipe de la mission"
EDITORIAL_TEAM = "Équipe éditoriale"
MODERATORS = "Modérateurs"  # Wagtail's « Moderators », renamed
MODERATION_WORKFLOW = "Validation par les modérateurs"  # Wagtail's « Moderators approval », renamed
FRENCH_NAMES = {  # Wagtail's name → ours
    "groups": {"Moderators": MODERATORS, "Editors": "Rédacteurs"},
    "workflows": {"Moderators approval": MODERATION_WORKFLOW},
}

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
_SYNONYMS = [("search", f"{action}_synonym") for action in ("add", "change", "delete", "view")]
# The orientation questionnaire: editors change drafts; moderators publish them (never deleted).
_ORIENTATION = [
    ("orientation", f"{action}_{model}")
    for model in ("questionnaireversion", "question", "rule")
    for action in ("add", "change", "view")
]
_EDITING = [
    *[(app, f"{action}_{model}") for app, model in HUB_MODELS for action in ("add", "change", "view", "lock")],
    *_SUPPORT,
    *_SYNONYMS,
    *_ORIENTATION,
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
        *[
            ("indicators", f"{action}_{model}")
            for model in ("indicator", "indicatorvalue")
            for action in ("add", "change", "view")
        ],
        ("indicators", "approve_indicatorvalue"),  # and enters the roadmap's values (add_indicatorvalue)
        ("roadmap", "publish_measure"),
        ("roadmap", "view_reviewsubmission"),
        ("roadmap", "change_reviewsubmission"),  # reviews, returns and publishes the facilitators' bilans
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
        ("organisations", "change_claim"),  # reviews claims and organisations proposed outside the registers
        ("alliances", "change_listing"),  # reviews the needs and offers of unverified organisations
        *[("indicators", f"{action}_indicator") for action in ("add", "change", "view")],  # alliances' indicators
        ("indicators", "view_indicatorvalue"),
        ("indicators", "approve_indicatorvalue"),  # approves the values alliances' partners enter
        # link a catalyst to the organisation whose members answer its support requests and propose matches,
        # and to the communes and EPCI it serves first (support/wagtail_hooks.py)
        *[
            (app, f"{action}_{model}")
            for app, model in (("alliances", "catalystorganisation"), ("support", "catalystarea"))
            for action in ("add", "change", "delete", "view")
        ],
        ("orientation", "publish_questionnaireversion"),  # publishes a version of the orientation questionnaire
    ],
}


@transaction.atomic
def ensure_roles() -> None:
    """Create the roles, give them exactly their permissions and route hub content through moderation."""
    _rename_wagtail_defaults()
    root = Collection.get_first_root_node()
    for name, codes in _ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = [
            Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in codes
        ]
        group.permissions.set(permissions)
        if root is not None:
            for permission in permissions:
                if permission.content_type.app_label in ("wagtailimages", "wagtaildocs"):
                    GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)
    workflow = Workflow.objects.filter(name=MODERATION_WORKFLOW, active=True).first() or _moderation_workflow()
    for app, model in HUB_MODELS:
        content_type = ContentType.objects.get_by_natural_key(app, model)
        WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})


def _moderation_workflow() -> Workflow:
    """The moderators' approval workflow, as Wagtail's migrations create it, for a database that lost it
    (a database emptied since its migrations, as a flushed test database is): hub content is never
    published without moderation for want of a workflow."""
    task = GroupApprovalTask.objects.filter(name=MODERATION_WORKFLOW).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATION_WORKFLOW)
    task.groups.add(Group.objects.get(name=MODERATORS))
    workflow = Workflow.objects.create(name=MODERATION_WORKFLOW)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def _rename_wagtail_defaults() -> None:
    for english, french in FRENCH_NAMES["groups"].items():
        if not Group.objects.filter(name=french).exists():
            Group.objects.filter(name=english).update(name=french)
    for english, french in FRENCH_NAMES["workflows"].items():
        Workflow.objects.filter(name=english).update(name=french)
        Task.objects.filter(name=english).update(name=french)
