"""Each organisation carries its commune's département and région codes, whatever wrote it.

The directory's département and région filters read these copies (one index in name order), so
they must follow the commune: on save, in both write paths of the importers' writer, and after a
reload of the COG that moved or removed a commune.
"""

from __future__ import annotations

import pytest

from core.loading import LoadReport
from organisations import selectors, services
from organisations.importers import writer
from organisations.models import Organisation
from territories.loaders import load_territories
from territories.models import Commune, TerritoryDataset
from territories.signals import cog_changed
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _codes(organisation: Organisation) -> tuple[str, str]:
    organisation.refresh_from_db()
    return organisation.departement_code, organisation.region_code


def test_save_copies_the_codes_of_the_commune(territories, vocabularies) -> None:
    organisation = OrganisationFactory(commune_id="13055")
    assert _codes(organisation) == ("13", "93")

    organisation.commune_id = "29019"  # Brest
    organisation.save(update_fields=["commune"])
    assert _codes(organisation) == ("29", "53")

    organisation.commune = None
    organisation.save()
    assert _codes(organisation) == ("", "")


def test_departement_and_region_filters_read_the_codes(territories, vocabularies) -> None:
    marseille = OrganisationFactory(commune_id="13055")
    OrganisationFactory(commune_id="75056")
    OrganisationFactory(commune=None)

    def found(level: str, code: str) -> list[int]:
        filters = selectors.DirectoryFilters(territory=selectors.territory_filter(level, code))
        return list(selectors.organisations(filters).values_list("pk", flat=True))

    assert found("departement", "13") == [marseille.pk]
    assert found("region", "93") == [marseille.pk]
    assert found("departement", "2A") == []
    assert selectors.count_by_departement() == {"13": 1, "75": 1}


@pytest.mark.parametrize("fresh", [False, True], ids=["upsert", "first load"])
def test_the_importers_writer_derives_the_codes(territories, vocabularies, fresh: bool) -> None:
    kind = Organisation._meta.get_field("kind").related_model.objects.get(slug="association").pk
    template = dict.fromkeys(writer.COLUMNS, "")
    template.update(source="rna", kind_id=kind, status="active", is_generated=False)
    template.update(last_verified_on=None, founded_on=None, status_date=None)
    rows = [
        tuple({**template, "register_id": f"W{n:09d}", "name": "A", "commune_id": commune}.values())
        for n, commune in enumerate(["13055", "97611", None])
    ]
    target = writer.Writer()
    target.fresh = fresh
    assert target.write(rows) == (3, 0)
    stored = Organisation.objects.order_by("register_id").values_list("departement_code", "region_code")
    assert list(stored) == [("13", "93"), ("976", "06"), ("", "")]


def test_a_cog_reload_brings_the_codes_in_line(territories, vocabularies) -> None:
    organisation = OrganisationFactory(commune_id="13055")
    Commune.objects.filter(code="13055").update(departement_id="83")  # as if the COG had moved it
    assert _codes(organisation) == ("13", "93")

    cog_changed.send(sender=Commune)
    assert _codes(organisation) == ("83", "93")
    assert services.refresh_territory_codes() == 0  # nothing left to change

    Commune.objects.filter(code="13055").update(departement_id="13")
    Organisation.objects.filter(pk=organisation.pk).update(departement_code="99")
    load_territories(LoadReport())  # unchanged file: skipped, nothing sent
    assert _codes(organisation)[0] == "99"

    TerritoryDataset.objects.all().delete()  # the next load compares every table with the file
    load_territories(LoadReport())
    assert _codes(organisation) == ("13", "93")
