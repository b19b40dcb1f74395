"""Factories of the hub's items: they go through the services, so items are saved, revised,
published (unless ``draft``) and indexed exactly as in the back office."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory

from cases.models import Case
from cases.services import PartnerInput, case_save
from reference.models import ActorKind, PartnershipModality, SdgTarget


def partners(*kinds: str) -> list[PartnerInput]:
    return [
        PartnerInput(
            name=f"Partenaire fictif {i + 1}", kind=ActorKind.objects.get(slug=kind), role="co-porte le projet"
        )
        for i, kind in enumerate(kinds or ("association", "entreprise"))
    ]


def targets(*codes: str) -> list[SdgTarget]:
    return list(SdgTarget.objects.filter(code__in=codes))


class CaseFactory(factory.Factory):
    class Meta:
        model = Case

    title = factory.Sequence(lambda n: f"Alliance d'essai numéro {n}")
    summary = "Une alliance d'essai entre plusieurs partenaires."
    partners = factory.LazyFunction(partners)
    modality = factory.LazyFunction(lambda: PartnershipModality.objects.get(slug="mecenat"))
    objectives = "Tester la plateforme."
    start_year = 2020
    last_verified_on = dt.date(2026, 1, 1)
    publish = True

    class Params:
        draft = factory.Trait(publish=False)
        demo = factory.Trait(is_demo=True)

    @classmethod
    def _create(cls, model_class: type[Case], *args: Any, **kwargs: Any) -> Case:
        return case_save(**kwargs)
