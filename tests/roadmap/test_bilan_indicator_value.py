"""A bilan carries a value of one of its measure's indicators: submitted, returned and approved with it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from indicators.models import IndicatorValue
from indicators.models import Status as IndicatorStatus
from roadmap.models import ReviewSubmission
from roadmap.submission_services import IndicatorEntry, submission_create, submission_publish, submission_return
from tests.indicators.factories import indicator_for
from tests.roadmap.facilitation_fixtures import content, facilitator, measure_2, mission_member

__all__ = ["facilitator", "measure_2", "mission_member"]

pytestmark = pytest.mark.django_db

Y2023 = dt.date(2023, 1, 1)


def test_the_value_is_submitted_returned_then_approved_with_the_bilan(facilitator, mission_member, measure_2) -> None:
    indicator = indicator_for(measure_2, name="Outils recensés (exemple fictif)", unit="outils")
    entry = IndicatorEntry(indicator=indicator, period_start=Y2023, value="12")
    submission = submission_create(
        measure=measure_2, user=facilitator, content=content(indicator_entry=entry), submit=True
    )
    value = IndicatorValue.objects.get(indicator=indicator)
    assert (submission.indicator_value, value.status, value.value) == (value, IndicatorStatus.SUBMITTED, 12)
    submission_return(submission=submission, user=mission_member, comment="Précisez la source.")
    value.refresh_from_db()
    assert (value.status, value.review_comment) == (IndicatorStatus.RETURNED, "Précisez la source.")
    ReviewSubmission.objects.filter(pk=submission.pk).update(status="submitted")
    IndicatorValue.objects.filter(pk=value.pk).update(status=IndicatorStatus.SUBMITTED)
    submission_publish(submission=submission, user=mission_member)
    value.refresh_from_db()
    assert value.status == IndicatorStatus.APPROVED


def test_a_non_numeric_value_names_the_field_and_writes_neither_the_bilan_nor_the_value(facilitator, measure_2) -> None:
    indicator = indicator_for(measure_2)
    entry = IndicatorEntry(indicator=indicator, period_start=Y2023, value="douze")
    with pytest.raises(ValidationError) as error:
        submission_create(measure=measure_2, user=facilitator, content=content(indicator_entry=entry), submit=True)
    assert "indicator_value" in error.value.message_dict
    assert not ReviewSubmission.objects.exists()
    assert not IndicatorValue.objects.exists()


def test_a_period_outside_the_indicator_range_is_refused(facilitator, measure_2) -> None:
    indicator = indicator_for(measure_2)
    entry = IndicatorEntry(indicator=indicator, period_start=dt.date(2019, 1, 1), value="3")
    with pytest.raises(ValidationError) as error:
        submission_create(measure=measure_2, user=facilitator, content=content(indicator_entry=entry))
    assert "hors de la période de suivi" in error.value.message_dict["indicator_period"][0]
    assert not ReviewSubmission.objects.exists()


def test_an_indicator_of_another_measure_is_refused(facilitator, measure_2, programme) -> None:
    other = indicator_for(measure_2.programme.measures.get(number=3))
    entry = IndicatorEntry(indicator=other, period_start=Y2023, value="3")
    with pytest.raises(ValidationError) as error:
        submission_create(measure=measure_2, user=facilitator, content=content(indicator_entry=entry))
    assert error.value.message_dict["indicator"] == ["Cet indicateur n'est pas un indicateur de cette mesure."]
    assert not IndicatorValue.objects.exists()
