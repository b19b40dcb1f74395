"""Writes on organisations outside the register imports (see organisations/importers/)."""

from __future__ import annotations

from django.db import transaction

from organisations.models import Organisation, RegisterSource
from reference.models import SustainableDevelopmentGoal


@transaction.atomic
def organisation_create(
    *, organisation: Organisation, sdgs: list[SustainableDevelopmentGoal] | None = None
) -> Organisation:
    """Save an organisation entered on the platform (already validated, e.g. by ``OrganisationForm``)."""
    organisation.source = RegisterSource.MANUAL
    organisation.register_id = None
    organisation.refresh_search_fields()
    organisation.full_clean()
    organisation.save()
    if sdgs:
        organisation.sdgs.set(sdgs)
    return organisation
