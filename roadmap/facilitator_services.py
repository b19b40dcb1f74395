"""The mission team names each measure's facilitators: bodies (an organisation of the directory or a State
service) shown on the measure's page, and accounts that draft its bilans. Logged in Wagtail's history."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.log_actions import log

from organisations.selectors import organisation_by_identifier, organisation_by_name
from roadmap.models import FacilitatorAssignment, Measure, MeasureFacilitator
from roadmap.permissions import is_mission_team


def _check(by: Any) -> None:
    if not is_mission_team(by):
        raise PermissionDenied("Seule l'équipe de la mission désigne les facilitateurs des mesures.")


@transaction.atomic
def assignment_add(*, measure: Measure, user: Any, by: Any) -> FacilitatorAssignment:
    _check(by)
    if FacilitatorAssignment.objects.filter(measure=measure, user=user).exists():
        raise ValidationError("Ce compte est déjà facilitateur de cette mesure.")
    assignment = FacilitatorAssignment.objects.create(measure=measure, user=user, assigned_by=by)
    log(instance=assignment, action="wagtail.create", user=by)
    return assignment


@transaction.atomic
def assignment_remove(*, measure: Measure, assignment_id: int, by: Any) -> None:
    _check(by)
    assignment = FacilitatorAssignment.objects.filter(measure=measure, pk=assignment_id).first()
    if assignment is None:
        raise ValidationError("Ce compte n'est pas facilitateur de cette mesure.")
    log(instance=assignment, action="wagtail.delete", user=by)
    assignment.delete()


def _organisation(text: str) -> Any:
    found = organisation_by_identifier(text)
    if found is not None:
        return found
    named = organisation_by_name(text)
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        raise ValidationError(
            f"Plusieurs organisations de l'annuaire s'appellent « {text[:100]} » : donnez son SIREN, son SIRET, "
            "son numéro RNA ou l'adresse de sa page dans l'annuaire."
        )
    raise ValidationError(f"Aucune organisation de l'annuaire ne correspond à « {text[:100]} ».")


@transaction.atomic
def body_add(*, measure: Measure, organisation_text: str = "", state_service: str = "", by: Any) -> MeasureFacilitator:
    """Add an organisation (named by SIREN, SIRET, RNA, directory address or exact name) or a State service."""
    _check(by)
    organisation_text, state_service = organisation_text.strip(), " ".join(state_service.split())
    if bool(organisation_text) == bool(state_service):
        raise ValidationError("Donnez soit une organisation de l'annuaire, soit un service de l'État (l'un des deux).")
    if organisation_text:
        organisation = _organisation(organisation_text)
        if MeasureFacilitator.objects.filter(measure=measure, organisation=organisation).exists():
            raise ValidationError(f"« {organisation.name} » est déjà facilitateur de cette mesure.")
        body = MeasureFacilitator(measure=measure, organisation=organisation)
    else:
        if MeasureFacilitator.objects.filter(measure=measure, state_service__iexact=state_service).exists():
            raise ValidationError(f"« {state_service} » est déjà facilitateur de cette mesure.")
        body = MeasureFacilitator(measure=measure, state_service=state_service[:200])
    body.full_clean()
    body.save()
    log(instance=body, action="wagtail.create", user=by)
    return body


@transaction.atomic
def body_remove(*, measure: Measure, body_id: int, by: Any) -> None:
    _check(by)
    body = MeasureFacilitator.objects.filter(measure=measure, pk=body_id).first()
    if body is None:
        raise ValidationError("Ce facilitateur n'est pas rattaché à cette mesure.")
    log(instance=body, action="wagtail.delete", user=by)
    body.delete()
