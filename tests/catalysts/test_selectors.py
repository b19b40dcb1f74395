from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from catalysts import selectors
from catalysts.models import Catalyst
from tests.catalysts.factories import CatalystFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_a_region_covers_all_its_departements(geography) -> None:
    catalyst = CatalystFactory(regions=["94"], departements=["13"])
    assert catalyst.covered_departement_codes() == {"2A", "2B", "13"}


def test_contact_is_required_email_or_form(geography) -> None:
    catalyst = CatalystFactory.build(contact_email="", contact_url="")
    with pytest.raises(ValidationError):
        catalyst.clean()


def test_active_count_counts_a_catalyst_once_per_departement(geography) -> None:
    CatalystFactory(departements=["13", "83"], regions=["93"])
    CatalystFactory(departements=["13"])
    CatalystFactory(departements=["13"], is_active=False)
    counts = selectors.active_count_by_departement()
    assert counts["13"] == 2 and counts["83"] == 1 and counts["04"] == 1
    assert "75" not in counts


def test_catalysts_in_a_commune_are_those_covering_its_departement(geography) -> None:
    marseille = CatalystFactory(departements=["13"])
    CatalystFactory(departements=["75"])
    assert list(selectors.catalysts(level="commune", code="13055")) == [marseille]


def test_catalysts_in_a_region_include_those_covering_one_of_its_departements(geography) -> None:
    var = CatalystFactory(departements=["83"])
    regional = CatalystFactory(regions=["93"])
    CatalystFactory(departements=["75"])
    assert set(selectors.catalysts(level="region", code="93")) == {var, regional}


def test_uncovered_departements_are_those_without_an_active_catalyst(geography) -> None:
    CatalystFactory(departements=["13"], is_demo=False)
    CatalystFactory(departements=["75"], is_active=False, is_demo=False)
    uncovered = {row.code for row in selectors.uncovered_departements()}
    assert "13" not in uncovered and "75" in uncovered
    assert len(uncovered) == 100


def test_uncovered_departements_come_with_organisation_counts_most_first(geography) -> None:
    OrganisationFactory(commune_id="75056")
    OrganisationFactory(commune_id="75056")
    OrganisationFactory(commune_id="69123")
    rows = selectors.uncovered_departements()
    assert [(r.code, r.organisations) for r in rows[:2]] == [("75", 2), ("69", 1)]


def test_demo_catalysts_load_idempotently_and_cover_no_departement_for_real(geography) -> None:
    from django.core.management import call_command

    call_command("load_demo_content", verbosity=0)
    count = Catalyst.objects.count()
    updated = list(Catalyst.objects.order_by("pk").values_list("updated_at", flat=True))
    call_command("load_demo_content", verbosity=0)
    assert Catalyst.objects.count() == count >= 25
    assert list(Catalyst.objects.order_by("pk").values_list("updated_at", flat=True)) == updated
    assert all(c.is_demo and "fictif" in c.name for c in Catalyst.objects.all())
    rows = selectors.departement_rows()
    assert 20 < sum(1 for row in rows if row.catalysts) < 101
    assert len(selectors.uncovered_departements(rows)) == 101


def test_a_departement_covered_only_by_demo_catalysts_is_uncovered(geography) -> None:
    CatalystFactory(departements=["13"], is_demo=True)
    CatalystFactory(departements=["83"], is_demo=False)
    rows = {row.code: row for row in selectors.departement_rows()}
    assert (rows["13"].catalysts, rows["13"].demo_catalysts, rows["13"].real_catalysts) == (1, 1, 0)
    uncovered = {row.code for row in selectors.uncovered_departements()}
    assert "13" in uncovered and "83" not in uncovered


def test_departement_rows_without_demo_count_real_catalysts_only(geography) -> None:
    CatalystFactory(departements=["13"], is_demo=True)
    CatalystFactory(regions=["93"], is_demo=False)
    rows = {row.code: row for row in selectors.departement_rows(hide_demo=True)}
    assert (rows["13"].catalysts, rows["13"].demo_catalysts) == (1, 0)


def test_catalysts_without_demo_leave_demo_records_out(geography) -> None:
    real = CatalystFactory(departements=["13"], is_demo=False)
    CatalystFactory(departements=["13"], is_demo=True)
    assert list(selectors.catalysts(level="departement", code="13", hide_demo=True)) == [real]
    assert selectors.territory_count("departement", "13") == selectors.Tally(total=2, demo=1)


def test_querysets_split_real_and_demo_records(geography) -> None:
    real = CatalystFactory(is_demo=False)
    demo = CatalystFactory(is_demo=True)
    assert list(Catalyst.objects.real()) == [real] and list(Catalyst.objects.demo()) == [demo]
