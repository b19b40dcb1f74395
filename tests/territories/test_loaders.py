from __future__ import annotations

import gzip
import json

import pytest

from core.loading import LoadReport
from territories.loaders import DATA_FILE, load_territories
from territories.models import Commune, CommunePostcode, Departement, Epci, Region, TerritoryDataset

pytestmark = pytest.mark.django_db


def _shipped(table: str) -> list[list[object]]:
    return json.loads(gzip.decompress(DATA_FILE.read_bytes()))[table]["rows"]


def test_the_18_regions_of_the_cog_are_loaded(territories) -> None:
    assert Region.objects.count() == 18 == len(_shipped("regions"))


def test_the_101_departements_of_the_cog_are_loaded(territories) -> None:
    assert Departement.objects.count() == 101 == len(_shipped("departements"))
    assert Departement.objects.get(code="2A").region.name == "Corse"


def test_every_epci_of_the_shipped_file_is_loaded(territories) -> None:
    assert Epci.objects.count() == len(_shipped("epci")) > 1200


def test_every_commune_of_the_shipped_file_is_loaded(territories) -> None:
    assert Commune.objects.count() == len(_shipped("communes")) > 34000


def test_a_commune_has_its_departement_region_epci_population_and_postcodes(territories) -> None:
    marseille = Commune.objects.get(code="13055")
    assert (marseille.name, marseille.departement_id, marseille.region_id) == ("Marseille", "13", "93")
    assert marseille.epci is not None and marseille.epci.kind == "METRO"
    assert marseille.population > 800_000
    assert {"13001", "13016"} <= set(marseille.postcodes.values_list("code", flat=True))


def test_municipal_arrondissements_are_not_communes(territories) -> None:
    assert not Commune.objects.filter(code="13201").exists()
    assert Commune.objects.with_code("13201").get().code == "13055"


def test_a_second_run_changes_nothing(territories) -> None:
    report = LoadReport()
    load_territories(report)
    assert report.changed == 0
    assert report.counts["communes"]["unchanged"] == Commune.objects.count()


def test_an_unchanged_file_is_not_read_again(territories, django_assert_max_num_queries) -> None:
    with django_assert_max_num_queries(8):
        load_territories(LoadReport())


def test_a_changed_row_is_repaired_in_place_when_the_file_is_compared_again(territories) -> None:
    TerritoryDataset.objects.all().delete()  # as if a new vintage of the file had been shipped
    Commune.objects.filter(code="42218").update(name="Saint-Etienne (modifiée)", population=1)
    CommunePostcode.objects.filter(code="13001").delete()
    report = LoadReport()
    load_territories(report)
    commune = Commune.objects.get(code="42218")
    assert (commune.name, commune.population > 1) == ("Saint-Étienne", True)
    assert report.counts["communes"]["updated"] == 1
    assert report.counts["codes postaux"]["created"] == 1
    assert report.changed == 2


def test_a_commune_that_left_the_cog_is_deleted(territories) -> None:
    TerritoryDataset.objects.all().delete()
    Commune.objects.create(
        code="01999", name="Ancienne commune", search_key="ancienne commune", departement_id="01", region_id="84"
    )
    report = LoadReport()
    load_territories(report)
    assert not Commune.objects.filter(code="01999").exists()
    assert report.counts["communes"]["deleted"] == 1
