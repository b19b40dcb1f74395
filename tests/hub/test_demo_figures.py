"""Demo content in the hub's figures: the région counts of « Accompagnement en territoire »."""

from __future__ import annotations

import pytest

from tests.resources.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_support_page_says_how_many_demo_items_each_region_count_includes(client, territories, vocabularies) -> None:
    EventFactory(territory_level="region", territory_code="93", is_demo=True)
    EventFactory(territory_level="departement", territory_code="13", is_demo=False)
    EventFactory(territory_level="region", territory_code="84", is_demo=False)
    html = client.get("/accompagnement-en-territoire/").content.decode()
    assert "Provence-Alpes-Côte d&#x27;Azur (2, dont 1 exemple fictif)" in html
    assert "Auvergne-Rhône-Alpes (1)" in html
