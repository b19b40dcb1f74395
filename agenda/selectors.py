"""The agenda filtered by territory, dates and audience: the page, its iCal feed and the API read it.

The same query string serves the page (``/agenda/?territoire=commune:13055&public=particuliers``)
and the feed (``/agenda/agenda.ics?…``), so a person subscribes to exactly what they see. A
territory shows its own events and those of its parents (intercommunalité, département, région,
France entière: ``territories.scopes.scopes``). An invalid value is a French warning and is ignored.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone

from agenda.models import AUDIENCE_FILTER, Audience, EventDetails
from core.demo import DEMO_PARAMETER, HIDE_VALUE
from resources.models import Event
from territories import selectors as territory_selectors
from territories.scopes import scopes

LEVELS = ("region", "departement", "epci", "commune")


class AgendaForm(forms.Form):
    territoire = forms.CharField(required=False, max_length=20)
    du = forms.DateField(
        required=False, input_formats=["%Y-%m-%d"], error_messages={"invalid": "Date de début invalide."}
    )
    au = forms.DateField(
        required=False, input_formats=["%Y-%m-%d"], error_messages={"invalid": "Date de fin invalide."}
    )
    public = forms.ChoiceField(
        required=False,
        choices=[("", "Tous les publics"), *((k.value, k.label) for k in AUDIENCE_FILTER)],
        error_messages={"invalid_choice": "Public inconnu."},
    )


@dataclass
class AgendaFilters:
    territory: Any = None
    level: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    audience: str = ""
    hide_demo: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def territory_value(self) -> str:
        return f"{self.level}:{self.territory.code}" if self.territory is not None else ""

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def query(self) -> str:
        """The canonical query string of these filters (page and feed share it)."""
        pairs = []
        if self.territory is not None:
            pairs.append(("territoire", self.territory_value))
        if self.start:
            pairs.append(("du", self.start.isoformat()))
        if self.end:
            pairs.append(("au", self.end.isoformat()))
        if self.audience:
            pairs.append(("public", self.audience))
        if self.hide_demo:
            pairs.append((DEMO_PARAMETER, HIDE_VALUE))
        return urlencode(pairs)


def _territory(value: str) -> tuple[str, Any]:
    level, _, code = value.partition(":")
    code = code.strip().upper()
    finders = {
        "region": territory_selectors.region_by_code,
        "departement": territory_selectors.departement_by_code,
        "epci": territory_selectors.epci_by_code,
        "commune": territory_selectors.commune_by_code,
    }
    finder = finders.get(level.strip().lower())
    territory = finder(code) if finder and code else None
    return (level.strip().lower(), territory) if territory is not None else ("", None)


def filters_from_query(data: QueryDict) -> AgendaFilters:
    form = AgendaForm(data)
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    result = AgendaFilters(hide_demo=data.get(DEMO_PARAMETER, "").strip() == HIDE_VALUE)
    for name, errors in form.errors.items():
        result.warnings.append(f"{errors[0]} Le filtre « {name} » a été ignoré.")
    raw_territory = cleaned.get("territoire", "")
    if raw_territory:
        result.level, result.territory = _territory(raw_territory)
        if result.territory is None:
            result.warnings.append(f"Territoire inconnu : « {raw_territory} ». Le filtre « territoire » a été ignoré.")
    result.start, result.end = cleaned.get("du"), cleaned.get("au")
    if result.start and result.end and result.end < result.start:
        result.warnings.append("La date de fin précède la date de début : les deux dates ont été ignorées.")
        result.start = result.end = None
    result.audience = cleaned.get("public", "") or ""
    return result


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _narrowed(events: QuerySet[Event], filters: AgendaFilters) -> QuerySet[Event]:
    """Territory (its own events and its parents'), audience and demo filters."""
    if filters.hide_demo:
        events = events.real()
    if filters.territory is not None:
        events = events.filter(functools.reduce(operator.or_, (s.condition for s in scopes(filters.territory))))
    if filters.audience:
        events = events.filter(details__audience__in=AUDIENCE_FILTER[Audience(filters.audience)])
    return events.prefetch_related("details")


def filtered_events(filters: AgendaFilters) -> QuerySet[Event]:
    """Published events matching the filters; without dates, those not yet over. Soonest first."""
    events = Event.objects.published()
    if filters.start:
        events = events.filter(ends_at__gte=_day_start(filters.start))
    if filters.end:
        events = events.filter(starts_at__lt=_day_start(filters.end + dt.timedelta(days=1)))
    if not filters.dated:
        events = events.filter(ends_at__gte=timezone.now())
    return _narrowed(events, filters).order_by("starts_at", "id")


def past_events(filters: AgendaFilters, *, limit: int = 20) -> QuerySet[Event]:
    """The latest events already over, with the same territory, audience and demo filters."""
    events = Event.objects.published().filter(ends_at__lt=timezone.now())
    return _narrowed(events, filters).order_by("-starts_at", "-id")[:limit]


def event_details(event: Event) -> EventDetails | None:
    """The event's organiser, audience and registration link (None when not given)."""
    return next(iter(event.details.all()), None)
