"""Writes of the Observatoire: a survey wave imported from a CSV, all or nothing."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max

from observatory.models import SurveyFigure
from observatory.waves import WaveCheck, check_wave

EDITOR_PERMISSION = "observatory.add_surveyfigure"


def can_import_waves(user: User | AnonymousUser) -> bool:
    return bool(user.is_active and user.has_perm(EDITOR_PERMISSION))


@transaction.atomic
def survey_wave_import(*, content: bytes, user: User | AnonymousUser) -> WaveCheck:
    """Add the figures of a wave CSV; with any error in the file, nothing is written.

    Raises ``PermissionDenied`` for a user who may not add figures and ``ValidationError`` (the
    French messages, by line) for a file with errors; the check runs again here, inside the
    transaction, so a dry run that passed a moment ago cannot let a now-duplicate figure in.
    """
    if not can_import_waves(user):
        raise PermissionDenied("Seule l'équipe éditoriale ajoute des vagues d'enquête.")
    result = check_wave(content)
    if not result.ok:
        raise ValidationError([str(error) for error in result.errors])
    position = SurveyFigure.objects.aggregate(last=Max("position"))["last"] or 0
    for offset, figure in enumerate(result.figures, start=1):
        figure.position = position + offset
        figure.full_clean()
        figure.save()  # one by one: the public pages' cache hears each new figure (core.cache)
    return result
