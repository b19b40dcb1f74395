"""The territory page as a local hub: items of the territory and of its parents, counted apart."""

from __future__ import annotations

import datetime as dt

import pytest

from catalysts.models import SupportScheme
from nearby import selectors
from territories.models import Commune, Departement
from tests.cases.factories import CaseFactory
from tests.catalysts.factories import CatalystFactory
from tests.resources.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def marseille(reference_data) -> Commune:
    return Commune.objects.select_related("departement", "region", "epci").get(code="13055")


def _counts(block: selectors.Block) -> dict[str, tuple[int, int]]:
    return {row.scope.level: (row.total, row.demo) for row in block.rows}


def test_cases_of_the_commune_and_of_each_parent_are_counted_per_level(marseille) -> None:
    CaseFactory(territory_level="commune", territory_code="13055")
    CaseFactory(territory_level="epci", territory_code=marseille.epci_id)
    CaseFactory(territory_level="departement", territory_code="13")
    CaseFactory(territory_level="region", territory_code="93", demo=True)
    CaseFactory()  # France entière
    CaseFactory(territory_level="commune", territory_code="13001")  # Aix-en-Provence: not Marseille
    CaseFactory(territory_level="departement", territory_code="84")  # Vaucluse: not Marseille

    hub = selectors.local_hub(marseille)

    assert _counts(hub.cases) == {
        "commune": (1, 0),
        "epci": (1, 0),
        "departement": (1, 0),
        "region": (1, 1),
        "france": (1, 0),
    }
    assert (hub.cases.total, hub.cases.demo) == (5, 1)


def test_the_commune_s_own_cases_come_first(marseille) -> None:
    CaseFactory(title="Nationale")
    CaseFactory(title="Marseillaise", territory_level="commune", territory_code="13055")
    assert [case.title for case in selectors.local_hub(marseille).cases.items] == ["Marseillaise", "Nationale"]


def test_parent_levels_say_so(marseille) -> None:
    rows = {row.scope.level: row.scope for row in selectors.local_hub(marseille).cases.rows}
    assert not rows["commune"].is_parent
    assert rows["departement"].is_parent and "Bouches-du-Rhône" in rows["departement"].label


def test_hiding_demo_content_leaves_it_out_of_every_count(marseille) -> None:
    CaseFactory(demo=True)
    CaseFactory()
    hub = selectors.local_hub(marseille, hide_demo=True)
    assert (hub.cases.total, hub.cases.demo) == (1, 0)


def test_a_departement_counts_the_cases_of_its_communes(reference_data) -> None:
    CaseFactory(territory_level="commune", territory_code="13055")
    departement = Departement.objects.select_related("region").get(code="13")
    assert _counts(selectors.local_hub(departement).cases)["departement"] == (1, 0)


def test_only_events_to_come_are_counted(marseille) -> None:
    EventFactory(territory_level="departement", territory_code="13")
    EventFactory(
        starts_at=dt.datetime(2020, 1, 1, 9, tzinfo=dt.UTC), ends_at=dt.datetime(2020, 1, 1, 11, tzinfo=dt.UTC)
    )
    assert selectors.local_hub(marseille).events.total == 1


def test_support_schemes_covering_the_territory_are_counted_apart_from_national_ones(marseille) -> None:
    covering = SupportScheme.objects.create(
        name="Régional", provider="Région", description="-", link="https://a.example"
    )
    covering.regions.set(["93"])
    elsewhere = SupportScheme.objects.create(name="Ailleurs", provider="-", description="-", link="https://b.example")
    elsewhere.departements.set(["84"])
    SupportScheme.objects.create(
        name="National", provider="État", description="-", link="https://c.example", is_demo=True
    )
    rows = {row.scope.level: (row.total, row.demo) for row in selectors.local_hub(marseille).support.rows}
    assert rows == {"schemes": (1, 0), "national": (1, 1)}


def test_the_territory_page_keeps_the_catalysts_section(client, marseille) -> None:
    CatalystFactory(departements=["13"])
    assert "1 catalyseur territorial actif accompagne" in client.get("/territoires/communes/13055/").content.decode()


def test_the_territory_page_shows_the_hub_with_links_to_the_filtered_listings(client, marseille) -> None:
    CaseFactory(title="Alliance marseillaise", territory_level="commune", territory_code="13055")
    html = client.get("/territoires/communes/13055/").content.decode()
    assert "Alliance marseillaise" in html
    assert "/exemples-inspirants/?departement=13" in html
    assert "/agenda/?territoire=commune%3A13055" in html
    assert "échelle plus large" in html


def test_the_territory_page_hides_demo_content_on_request(client, marseille) -> None:
    CaseFactory(title="Alliance fictive", demo=True)
    html = client.get("/territoires/communes/13055/", {"exemples": "masquer"}).content.decode()
    assert "Alliance fictive" not in html
