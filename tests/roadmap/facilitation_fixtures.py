"""Fixtures of the facilitators' tests: a facilitator of measure 2, a mission team member, a stranger."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import Group

from core.permissions import MISSION_TEAM, ensure_roles
from roadmap.models import FacilitatorAssignment, Measure, ReviewStatus
from roadmap.submission_services import BilanContent
from tests.factories import UserFactory


@pytest.fixture
def measure_2(programme) -> Measure:
    return Measure.objects.get(programme=programme, number=2)


@pytest.fixture
def facilitator(measure_2):
    user = UserFactory(username="facilitatrice", email="facilitatrice@example.invalid")
    FacilitatorAssignment.objects.create(measure=measure_2, user=user)
    return user


@pytest.fixture
def mission_member(programme):
    ensure_roles()
    user = UserFactory(username="membre-mission", email="mission@example.invalid")
    user.groups.add(Group.objects.get(name=MISSION_TEAM))
    return user


@pytest.fixture
def stranger(programme):
    return UserFactory(username="inconnu", email="inconnu@example.invalid")


def content(**overrides: Any) -> BilanContent:
    written = BilanContent(
        date=dt.date(2026, 11, 2),
        review_status=ReviewStatus.objects.get(slug="en-cours"),
        text="Les outils des réseaux ont été recensés et comparés.",
        next_steps="Publier la carte des outils.",
    )
    return dataclasses.replace(written, **overrides)
