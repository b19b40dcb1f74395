"""Writes on organisations outside the register imports (see organisations/importers/)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from organisations.models import Organisation, RegisterSource
from reference.models import SustainableDevelopmentGoal
from territories.models import Commune


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


@transaction.atomic
def refresh_territory_codes() -> int:
    """Copy again the département and région of each organisation's commune; return how many changed.

    Needed when the COG moved a commune or removed it (the organisation then has no commune). Only
    the rows whose codes differ are written.
    """
    commune = Commune.objects.filter(code=OuterRef("commune_id"))
    departement = Coalesce(Subquery(commune.values("departement_id")[:1]), Value(""))
    region = Coalesce(Subquery(commune.values("region_id")[:1]), Value(""))
    stale = (
        Organisation.objects.annotate(current_departement=departement, current_region=region)
        .filter(~Q(departement_code=F("current_departement")) | ~Q(region_code=F("current_region")))
        .values("pk")
    )
    return Organisation.objects.filter(pk__in=stale).update(departement_code=departement, region_code=region)


def on_cog_changed(sender: Any, **kwargs: Any) -> None:
    refresh_territory_codes()
