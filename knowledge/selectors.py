"""Reads of the source document's knowledge, shared by the pages and the API."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from knowledge.models import ActorRole, Milestone, ReferenceActor
from reference.models import ForceOfChange


def forces_of_change() -> QuerySet[ForceOfChange]:
    return ForceOfChange.objects.order_by("number")


def history() -> QuerySet[Milestone]:
    return Milestone.objects.select_related("event", "study").order_by("date", "id")


@dataclass
class HistoryYear:
    year: int
    milestones: list[Milestone]


def history_by_year() -> list[HistoryYear]:
    years: list[HistoryYear] = []
    for milestone in history():
        if not years or years[-1].year != milestone.date.year:
            years.append(HistoryYear(year=milestone.date.year, milestones=[]))
        years[-1].milestones.append(milestone)
    return years


def reference_actors(*, kind: str = "") -> QuerySet[ReferenceActor]:
    actors = ReferenceActor.objects.order_by("name")
    return actors.filter(kind=kind) if kind else actors


@dataclass
class ActorGroup:
    kind: str
    label: str
    actors: list[ReferenceActor]


def actors_by_kind() -> list[ActorGroup]:
    actors = list(reference_actors())
    groups = [
        ActorGroup(kind=value, label=str(label), actors=[a for a in actors if a.kind == value])
        for value, label in ActorRole.choices
    ]
    return [group for group in groups if group.actors]
