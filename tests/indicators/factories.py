"""Indicators and values made through the services, as the pages and the back office make them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import Group

from cases.models import Case
from cases.services import PartnerInput, case_save
from core.permissions import MISSION_TEAM, MODERATORS, ensure_roles
from indicators import services
from indicators.models import Indicator, IndicatorValue
from organisations.models import Organisation
from reference.models import ActorKind, PartnershipModality
from tests.factories import UserFactory
from tests.organisations.member_factories import OrganisationFactory, member_of


def alliance_with_partner(organisation: Organisation | None = None, **kwargs: Any) -> Case:
    """A published case whose first partner is ``organisation`` of the directory (linked explicitly)."""
    organisation = organisation or OrganisationFactory(name="Ressourcerie du Panier (exemple fictif)")
    values: dict[str, Any] = {
        "title": "Alliance d'essai (exemple fictif)",
        "summary": "Une alliance fictive pour les essais.",
        "partners": [
            PartnerInput(
                name=organisation.name,
                kind=ActorKind.objects.get(slug="association"),
                role="porte le projet",
                organisation=organisation,
            ),
            PartnerInput(name="Entreprise fictive", kind=ActorKind.objects.get(slug="entreprise"), role="finance"),
        ],
        "modality": PartnershipModality.objects.get(slug="mecenat"),
        "objectives": "Mesurer ensemble.",
        "start_year": 2020,
        "publish": True,
    }
    values.update(kwargs)
    return case_save(**values)


def indicator_for(subject: Any, **kwargs: Any) -> Indicator:
    field = subject._meta.model_name
    values: dict[str, Any] = {
        "slug": f"indicateur-{Indicator.objects.count() + 1}",
        "name": "Personnes accompagnées (exemple fictif)",
        "definition": "Nombre de personnes accompagnées au moins une fois dans l'année.",
        "kind": "number",
        "unit": "personnes",
        "source": "Registre des partenaires (fictif)",
        "periodicity": "yearly",
        "first_period": dt.date(2021, 1, 1),
        "last_period": dt.date(2025, 1, 1),
        field: subject,
    }
    values.update(kwargs)
    return services.indicator_create(**values)


def percentage_indicator_for(subject: Any, **kwargs: Any) -> Indicator:
    kwargs.setdefault("name", "Part des jeunes en emploi à six mois (exemple fictif)")
    kwargs.setdefault("definition", "Jeunes en emploi six mois après leur sortie, sur les jeunes sortis.")
    return indicator_for(subject, kind="percentage", unit="", **kwargs)


def member_of_partner(case: Case, **kwargs: Any) -> Any:
    organisation = case.partners.exclude(organisation=None).first().organisation
    return member_of(organisation, **kwargs)


def in_group(name: str, **kwargs: Any) -> Any:
    ensure_roles()
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=name))
    return user


def moderator(**kwargs: Any) -> Any:
    return in_group(MODERATORS, **kwargs)


def mission_member(**kwargs: Any) -> Any:
    return in_group(MISSION_TEAM, **kwargs)


def approved(indicator: Indicator, year: int, *, author: Any, reviewer: Any, **figures: Any) -> IndicatorValue:
    value = services.value_save(
        indicator=indicator, period_start=dt.date(year, 1, 1), user=author, submit=True, **figures
    )
    return services.value_approve(value=value, reviewer=reviewer)
