from __future__ import annotations

import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User

from roadmap.models import Measure, Programme, ReviewStatus, Workstream


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"utilisateur{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.invalid")
    password = factory.django.Password("un-mot-de-passe-solide-42")


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    slug = factory.Sequence(lambda n: f"programme-{n}")
    title = factory.Sequence(lambda n: f"Programme d'essai {n}")
    start_date = dt.date(2022, 1, 1)


class WorkstreamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workstream

    programme = factory.SubFactory(ProgrammeFactory)
    number = factory.Sequence(lambda n: n + 1)
    slug = factory.Sequence(lambda n: f"chantier-{n}")
    title = factory.Sequence(lambda n: f"Chantier d'essai {n}")


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    programme = factory.SubFactory(ProgrammeFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Mesure d'essai {n}")
    dimension = "operational"


class ReviewStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewStatus
        django_get_or_create = ("slug",)

    slug = "en-cours"
    name = "En cours"
    default_progress = 50
