"""Read-only API of the source document's knowledge: forces of change, named actors, history."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import ValidationError
from ninja.pagination import LimitOffsetPagination, paginate

from knowledge import selectors
from knowledge.models import ActorRole, Milestone, ReferenceActor
from reference.models import ForceOfChange

router = Router(tags=["Connaissances de référence"])


class SourceOut(Schema):
    document: str
    section: str
    passage: str


class ForceOut(Schema):
    number: int
    name: str
    description: str
    illustration: str | None

    @staticmethod
    def resolve_illustration(obj: ForceOfChange) -> str | None:
        return obj.illustration or None


class ActorOut(Schema):
    slug: str
    name: str
    kind: str
    kind_label: str
    description: str
    link: str | None
    url: str
    source: SourceOut

    @staticmethod
    def resolve_kind_label(obj: ReferenceActor) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_link(obj: ReferenceActor) -> str | None:
        return obj.link or None

    @staticmethod
    def resolve_url(obj: ReferenceActor) -> str:
        return obj.get_absolute_url()

    @staticmethod
    def resolve_source(obj: ReferenceActor) -> dict[str, str]:
        return {"document": obj.source, "section": obj.source_section, "passage": obj.source_passage}


class MilestoneOut(Schema):
    slug: str
    title: str
    date: dt.date
    date_precision: str
    date_label: str
    event_url: str | None
    study_url: str | None
    source: SourceOut

    @staticmethod
    def resolve_event_url(obj: Milestone) -> str | None:
        return obj.event.get_absolute_url() if obj.event else None

    @staticmethod
    def resolve_study_url(obj: Milestone) -> str | None:
        return obj.study.get_absolute_url() if obj.study else None

    @staticmethod
    def resolve_source(obj: Milestone) -> dict[str, str]:
        return {"document": obj.source, "section": obj.source_section, "passage": obj.source_passage}


@router.get("/forces-of-change", response=list[ForceOut], summary="Les 7 forces du changement")
@paginate(LimitOffsetPagination)
def list_forces(request: HttpRequest) -> QuerySet[ForceOfChange]:
    return selectors.forces_of_change()


@router.get("/reference-actors", response=list[ActorOut], summary="Acteurs et dispositifs nommés par le bilan")
@paginate(LimitOffsetPagination)
def list_actors(request: HttpRequest, kind: str = "") -> QuerySet[ReferenceActor]:
    if kind and kind not in ActorRole.values:
        message = f"Nature inconnue. Valeurs possibles : {', '.join(ActorRole.values)}."
        raise ValidationError([{"loc": ["query", "kind"], "msg": message, "type": "value_error"}])
    return selectors.reference_actors(kind=kind)


@router.get("/history", response=list[MilestoneOut], summary="Historique de la démarche (2008 → 2021)")
@paginate(LimitOffsetPagination)
def list_history(request: HttpRequest) -> QuerySet[Milestone]:
    return selectors.history()
