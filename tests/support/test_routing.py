"""Where a request goes: the closest level of territory where a catalyst with a team covers the commune."""

from __future__ import annotations

import pytest

from support.models import RoutingLevel, SupportRequest
from support.routing import route
from support.selectors import unserved_demand
from territories.models import Commune
from tests.support.factories import catalyst_with_team, support_request

pytestmark = pytest.mark.django_db

LYON, VILLEURBANNE, VILLEFRANCHE, GRENOBLE, MARSEILLE = "69123", "69266", "69264", "38185", "13055"
METROPOLE_DE_LYON = "200046977"


@pytest.fixture
def catalysts(territories, vocabularies):
    return {
        "lyon": catalyst_with_team(name="Catalyseur de Lyon", communes=[LYON], departements=["69"]),
        "metropole": catalyst_with_team(name="Catalyseur de la Métropole", epcis=[METROPOLE_DE_LYON]),
        "rhone": catalyst_with_team(name="Catalyseur du Rhône", departements=["69"]),
        "region": catalyst_with_team(name="Catalyseur d'Auvergne-Rhône-Alpes", regions=["84"]),
        "national": catalyst_with_team(name="Réseau national", is_national=True),
    }


@pytest.mark.parametrize(
    ("commune", "level", "expected", "because"),
    [
        (LYON, RoutingLevel.COMMUNE, ["lyon"], "il accompagne en premier la commune de Lyon (69)"),
        (
            VILLEURBANNE,
            RoutingLevel.EPCI,
            ["metropole"],
            "il accompagne en premier l'intercommunalité Métropole de Lyon, dont fait partie Villeurbanne (69)",
        ),
        (
            VILLEFRANCHE,
            RoutingLevel.DEPARTEMENT,
            ["lyon", "rhone"],
            "ils couvrent le département Rhône (69), où se trouve Villefranche-sur-Saône (69)",
        ),
        (GRENOBLE, RoutingLevel.REGION, ["region"], "il couvre la région Auvergne-Rhône-Alpes"),
        (MARSEILLE, RoutingLevel.FRANCE, ["national"], "il accompagne toute la France"),
    ],
)
def test_a_request_goes_to_the_closest_level_that_covers_its_commune(
    catalysts, commune, level, expected, because
) -> None:
    routing = route(Commune.objects.get(code=commune))
    assert routing.level == level
    assert [c.name for c in routing.catalysts] == sorted(catalysts[key].name for key in expected)
    assert routing.reason.startswith("Votre demande a été transmise à « ")
    assert because in routing.reason


def test_a_commune_nobody_covers_goes_to_the_platform_team_and_counts_in_the_demand(territories, vocabularies) -> None:
    catalyst_with_team(name="Catalyseur du Rhône", departements=["69"])
    created = support_request(commune=MARSEILLE)
    assert created.routing_level == RoutingLevel.PLATFORM
    assert list(created.routed_to.all()) == []
    assert "à l'équipe de la plateforme Alliances & Territoires parce qu'aucun catalyseur" in created.routing_reason
    assert "Marseille (13)" in created.routing_reason
    rows = unserved_demand()
    assert [(row.code, row.requests, row.last_year) for row in rows] == [("13", 1, 1)]


def test_a_covered_commune_does_not_count_in_the_demand(territories, vocabularies) -> None:
    catalyst_with_team(name="Catalyseur du Rhône", departements=["69"])
    support_request(commune=LYON)
    assert unserved_demand() == []


@pytest.mark.parametrize(
    "catalyst_kwargs",
    [{"is_demo": True}, {"is_active": False}],
    ids=["demo catalyst", "inactive catalyst"],
)
def test_a_demo_or_inactive_catalyst_covers_nothing(territories, vocabularies, catalyst_kwargs) -> None:
    catalyst_with_team(name="Catalyseur fictif du Rhône", departements=["69"], **catalyst_kwargs)
    assert route(Commune.objects.get(code=LYON)).level == RoutingLevel.PLATFORM


def test_a_catalyst_without_a_team_on_the_platform_is_skipped(territories, vocabularies) -> None:
    from tests.catalysts.factories import CatalystFactory

    CatalystFactory(name="Catalyseur sans équipe", departements=["69"], is_demo=False)
    regional = catalyst_with_team(name="Catalyseur régional", regions=["84"])
    routing = route(Commune.objects.get(code=LYON))
    assert routing.level == RoutingLevel.REGION and routing.catalysts == [regional]


def test_the_request_keeps_its_routing_when_coverage_changes_later(territories, vocabularies) -> None:
    rhone = catalyst_with_team(name="Catalyseur du Rhône", departements=["69"])
    created = support_request(commune=LYON)
    rhone.departements.clear()
    created = SupportRequest.objects.get(pk=created.pk)
    assert list(created.routed_to.all()) == [rhone] and created.routing_level == RoutingLevel.DEPARTEMENT
