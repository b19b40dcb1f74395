from __future__ import annotations

import pytest

from observatory.models import Survey
from tests.factories import UserFactory


@pytest.fixture
def survey(vocabularies, territories) -> Survey:
    return Survey.objects.create(slug="barometre-essai", title="Baromètre d'essai", year=2024)


@pytest.fixture
def editor(django_user_model):
    from django.contrib.auth.models import Permission

    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="add_surveyfigure"))
    return django_user_model.objects.get(pk=user.pk)
