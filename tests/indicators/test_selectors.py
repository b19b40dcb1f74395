"""Series with missing periods, and roll-ups: sums of approved values, percentages from summed ratios."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from indicators import selectors, services
from reference.models import SdgTarget
from tests.indicators.factories import (
    alliance_with_partner,
    approved,
    indicator_for,
    member_of_partner,
    moderator,
    percentage_indicator_for,
)
from tests.organisations.member_factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_alliances(vocabularies):
    first = alliance_with_partner(title="Première alliance (exemple fictif)")
    second = alliance_with_partner(OrganisationFactory(), title="Seconde alliance (exemple fictif)")
    return (first, member_of_partner(first)), (second, member_of_partner(second))


def test_a_period_without_an_approved_value_is_missing_not_zero(two_alliances) -> None:
    (case, partner), _ = two_alliances
    indicator = indicator_for(case, last_period=dt.date(2023, 1, 1))
    reviewer = moderator()
    approved(indicator, 2021, author=partner, reviewer=reviewer, value=5)
    services.value_save(indicator=indicator, period_start=dt.date(2022, 1, 1), user=partner, value=7, submit=True)
    approved(indicator, 2023, author=partner, reviewer=reviewer, value=0)
    rows = selectors.series(indicator).rows
    assert [(r.label, r.value) for r in rows] == [("2021", Decimal(5)), ("2022", None), ("2023", Decimal(0))]
    assert rows[1].is_missing and not rows[2].is_missing
    assert selectors.number_label(rows[1].value) == "non renseigné"
    assert selectors.number_label(rows[2].value, unit="personnes") == "0 personnes"


def test_a_percentage_roll_up_is_the_ratio_of_the_sums_not_the_mean(two_alliances) -> None:
    (first, first_partner), (second, second_partner) = two_alliances
    reviewer = moderator()
    small = percentage_indicator_for(first, shared_code="jeunes-en-emploi", rolls_up=True)
    large = percentage_indicator_for(second, shared_code="jeunes-en-emploi", rolls_up=True)
    approved(small, 2022, author=first_partner, reviewer=reviewer, numerator=9, denominator=10)  # 90 %
    approved(large, 2022, author=second_partner, reviewer=reviewer, numerator=10, denominator=90)  # 11.1 %
    (group,) = selectors.roll_up([small, large])
    row = next(r for r in group.rows if r.label == "2022")
    assert (row.numerator, row.denominator) == (Decimal(19), Decimal(100))
    assert row.value == Decimal("19.0000")  # not (90 + 11.1) / 2 = 50.6
    assert (row.reported, row.expected) == (2, 2)


def test_a_roll_up_says_how_many_indicators_each_period_rests_on(two_alliances) -> None:
    (first, first_partner), (second, second_partner) = two_alliances
    reviewer = moderator()
    one = indicator_for(first, shared_code="personnes", rolls_up=True)
    other = indicator_for(second, shared_code="personnes", rolls_up=True)
    approved(one, 2021, author=first_partner, reviewer=reviewer, value=30)
    approved(other, 2021, author=second_partner, reviewer=reviewer, value=12)
    approved(one, 2022, author=first_partner, reviewer=reviewer, value=40)
    services.value_save(indicator=other, period_start=dt.date(2022, 1, 1), user=second_partner, value=99, submit=True)
    (group,) = selectors.roll_up([one, other])
    by_label = {r.label: r for r in group.rows}
    assert (by_label["2021"].value, by_label["2021"].reported) == (Decimal(42), 2)
    assert (by_label["2022"].value, by_label["2022"].reported, by_label["2022"].expected) == (Decimal(40), 1, 2)
    assert by_label["2023"].value is None and by_label["2023"].reported == 0


def test_indicators_without_a_shared_code_are_not_added_together(two_alliances) -> None:
    (first, _), (second, _) = two_alliances
    groups = selectors.roll_up([indicator_for(first), indicator_for(second)])
    assert len(groups) == 2


def test_sdg_target_roll_ups_keep_only_opted_in_real_indicators(two_alliances) -> None:
    (first, first_partner), (second, _) = two_alliances
    target = SdgTarget.objects.get(code="8.6")
    reviewer = moderator()
    opted = indicator_for(first, rolls_up=True, sdg_targets=[target])
    indicator_for(second, rolls_up=False, sdg_targets=[target])
    demo_case = alliance_with_partner(OrganisationFactory(), is_demo=True)
    indicator_for(demo_case, rolls_up=True, sdg_targets=[target])
    approved(opted, 2022, author=first_partner, reviewer=reviewer, value=3)
    groups = selectors.sdg_target_roll_ups(target.pk)
    assert [g.indicators for g in groups] == [[opted]]


def test_territory_roll_ups_read_the_alliance_s_territory(territories, vocabularies) -> None:
    marseille = alliance_with_partner(territory_level="commune", territory_code="13055")
    elsewhere = alliance_with_partner(OrganisationFactory(), territory_level="departement", territory_code="69")
    here = indicator_for(marseille, rolls_up=True)
    indicator_for(elsewhere, rolls_up=True)
    assert [g.indicators for g in selectors.territory_roll_ups("departement", "13")] == [[here]]
    assert [g.indicators for g in selectors.territory_roll_ups("region", "93")] == [[here]]
    assert selectors.territory_roll_ups("departement", "75") == []


def test_only_approved_values_of_public_indicators_are_open_data(two_alliances) -> None:
    (case, partner), _ = two_alliances
    indicator = indicator_for(case)
    approved(indicator, 2021, author=partner, reviewer=moderator(), value=5)
    services.value_save(indicator=indicator, period_start=dt.date(2022, 1, 1), user=partner, value=7)
    assert [v.value for v in selectors.approved_values()] == [Decimal(5)]
    from cases.services import case_unpublish

    case_unpublish(case=case)
    assert list(selectors.approved_values()) == []
    assert selectors.indicator_by_slug(indicator.slug) is None
