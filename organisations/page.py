"""Edits of an organisation's page by its verified members, each kept with author, date and values.

Only the page's own fields (``PAGE_FIELDS``) can change here; the register fields (name,
identifiers, dates, status) belong to the imports and are never written by this service.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from organisations.models import PAGE_FIELDS, Organisation, OrganisationChange
from organisations.permissions import is_member

MANY_TO_MANY = {"sdgs", "sdg_targets", "action_regions", "action_departements"}


def _shown(organisation: Organisation, field: str) -> str:
    if field in MANY_TO_MANY:
        return ", ".join(sorted(str(item) for item in getattr(organisation, field).all()))
    value = getattr(organisation, field)
    if isinstance(value, bool):
        return "oui" if value else "non"
    if field == "logo":
        return value.name if value else ""
    return str(value or "")


@transaction.atomic
def page_update(*, organisation: Organisation, user: AbstractBaseUser, **values: Any) -> OrganisationChange | None:
    """Change some of the page's fields; returns the recorded change, None when nothing differed.

    A member of another organisation, or anyone who is not a member: PermissionDenied. A register
    field among ``values``: ValidationError, nothing saved."""
    if not is_member(user, organisation):
        raise PermissionDenied("Seuls les membres de l'organisation peuvent modifier sa page.")
    forbidden = set(values) - set(PAGE_FIELDS)
    if forbidden:
        raise ValidationError(
            "Ces informations viennent des registres nationaux et ne se modifient pas ici : "
            + ", ".join(sorted(forbidden))
        )
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    before = {field: _shown(organisation, field) for field in values}
    for field, value in values.items():
        if field not in MANY_TO_MANY:
            setattr(organisation, field, value)
    organisation.full_clean(exclude=["sdgs", "sdg_targets", "action_regions", "action_departements"])
    organisation.save()
    for field in MANY_TO_MANY & set(values):
        getattr(organisation, field).set(values[field])
    changes = [
        {"champ": str(Organisation._meta.get_field(field).verbose_name), "avant": before[field], "après": after}
        for field in values
        if (after := _shown(organisation, field)) != before[field]
    ]
    if not changes:
        return None
    summary = "Modification : " + ", ".join(change["champ"] for change in changes)
    return OrganisationChange.objects.create(
        organisation=organisation, author=user, summary=summary[:300], changes=changes
    )
