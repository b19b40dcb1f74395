"""Writes of what the agenda adds to an event (the back office edits it inline in the event's form)."""

from __future__ import annotations

from django.db import transaction

from agenda.models import Audience, EventDetails
from resources.models import Event


@transaction.atomic
def event_details_set(
    *, event: Event, organiser: str = "", audience: str = Audience.EVERYONE, registration_url: str = ""
) -> EventDetails:
    """Create or replace the event's organiser, audience and registration link (French ValidationError if invalid)."""
    details = EventDetails.objects.filter(event=event).first() or EventDetails(event=event)
    details.organiser = organiser.strip()
    details.audience = audience
    details.registration_url = registration_url.strip()
    details.full_clean()
    details.save()
    return details
