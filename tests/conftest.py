from __future__ import annotations

import pytest
from django.core.management import call_command


@pytest.fixture
def reference_data(db: None) -> None:
    """The reference data of data/ (SDGs, vocabularies, the 2020 roadmap), loaded once per database."""
    from roadmap.models import Programme

    if not Programme.objects.exists():
        call_command("load_reference_data", verbosity=0)


@pytest.fixture
def programme(reference_data: None):
    from roadmap.models import Programme

    return Programme.objects.get(slug="feuille-de-route-2020")
