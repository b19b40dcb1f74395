from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from roadmap.models import BilanEntry, Measure, Review, ReviewStatus
from roadmap.selectors import programme_summary
from roadmap.services import bilan_freeze, review_add
from tests.factories import MeasureFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def measure_2(programme) -> Measure:
    return Measure.objects.get(programme=programme, number=2)


def test_review_add_records_the_review_with_the_status_default_progress(programme, measure_2) -> None:
    status = ReviewStatus.objects.get(slug="lancee")
    review = review_add(
        programme=programme,
        measure=measure_2,
        date=dt.date(2021, 11, 7),
        status=status,
        text="Les réseaux d'outils ont été réunis.",
        evidence_links=[("https://example.org/compte-rendu", "Compte rendu")],
    )
    assert review.progress == 10
    assert review.evidence_links.get().label == "Compte rendu"


def test_review_add_keeps_an_explicit_progress(programme, measure_2) -> None:
    review = review_add(
        programme=programme,
        measure=measure_2,
        date=dt.date(2021, 11, 7),
        status=ReviewStatus.objects.get(slug="en-cours"),
        progress=35,
        text="Avancement mesuré.",
    )
    assert review.progress == 35


def test_review_without_status_is_refused_and_nothing_is_saved(programme, measure_2) -> None:
    with pytest.raises(ValidationError) as error:
        review_add(programme=programme, measure=measure_2, date=dt.date(2021, 11, 7), status=None, text="x")
    assert "statut" in str(error.value)
    assert not measure_2.reviews.exists()


def test_review_dated_in_the_future_is_refused(programme, measure_2) -> None:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        review_add(
            programme=programme,
            measure=measure_2,
            date=tomorrow,
            status=ReviewStatus.objects.get(slug="en-cours"),
            text="x",
        )
    assert "futur" in error.value.message_dict["date"][0]
    assert not measure_2.reviews.exists()


def test_review_on_a_measure_of_another_programme_is_refused(programme) -> None:
    other = MeasureFactory(programme=ProgrammeFactory())
    with pytest.raises(ValidationError) as error:
        review_add(
            programme=programme,
            measure=other,
            date=dt.date(2022, 3, 1),
            status=ReviewStatus.objects.get(slug="en-cours"),
            text="x",
        )
    assert "autre feuille de route" in error.value.message_dict["measure"][0]
    assert not Review.objects.filter(measure=other).exists()


def test_review_with_a_bad_evidence_link_saves_nothing(programme, measure_2) -> None:
    with pytest.raises(ValidationError):
        review_add(
            programme=programme,
            measure=measure_2,
            date=dt.date(2021, 11, 7),
            status=ReviewStatus.objects.get(slug="en-cours"),
            text="x",
            evidence_links=[("pas une adresse", "Lien cassé")],
        )
    assert not measure_2.reviews.exists()


def test_bilan_freeze_copies_each_measure_state_at_its_date(programme) -> None:
    bilan = bilan_freeze(programme=programme, title="Bilan d'essai", date=dt.date(2021, 6, 1))
    assert bilan.entries.count() == 21
    entry = bilan.entries.get(measure_number=1)
    assert (entry.status_name, entry.progress, entry.review_date) == ("Atteinte", 100, dt.date(2021, 5, 7))
    assert bilan.entries.get(measure_number=2).status_name == ""


def test_a_bilan_ignores_reviews_after_its_date_and_later_edits(programme) -> None:
    measure_2 = Measure.objects.get(programme=programme, number=2)
    bilan = bilan_freeze(programme=programme, title="Bilan figé", date=dt.date(2021, 6, 1))
    review_add(
        programme=programme,
        measure=measure_2,
        date=dt.date(2021, 5, 20),
        status=ReviewStatus.objects.get(slug="en-cours"),
        text="Bilan saisi après coup.",
    )
    Measure.objects.filter(pk=measure_2.pk).update(title="Titre modifié")
    entry = BilanEntry.objects.get(bilan=bilan, measure_number=2)
    assert entry.status_name == ""
    assert (
        entry.measure_title
        == "Favoriser la convergence entre la diversité des outils pour les organisations et les territoires"
    )


def test_a_bilan_dated_in_the_future_is_refused(programme) -> None:
    with pytest.raises(ValidationError):
        bilan_freeze(programme=programme, title="Bilan futur", date=timezone.localdate() + dt.timedelta(days=3))
    assert not programme.bilans.filter(title="Bilan futur").exists()


def test_progress_rolls_up_from_evaluated_measures_only(programme) -> None:
    summary = programme_summary(programme)
    assert summary is not None
    operational = next(g for g in summary.by_dimension if g.key == "operational")
    assert (operational.progress, operational.evaluated_count, operational.measure_count) == (100, 1, 7)
    assert (summary.total.progress, summary.total.evaluated_count, summary.total.measure_count) == (100, 1, 21)
    workstream_1 = summary.by_workstream[0]
    assert [m.number for m in workstream_1.measures] == [1]
    assert workstream_1.progress == 100
    assert summary.by_workstream[1].progress is None
