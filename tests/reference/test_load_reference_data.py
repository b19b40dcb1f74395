from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from reference.models import ActorKind, ForceOfChange, PartnershipModality, SdgTarget, SustainableDevelopmentGoal
from roadmap.models import Bilan, Measure, Review, Workstream

pytestmark = pytest.mark.django_db


def _load() -> str:
    out = io.StringIO()
    call_command("load_reference_data", stdout=out, stderr=io.StringIO(), verbosity=1)
    return out.getvalue()


def test_loads_the_17_goals_and_all_targets_in_french() -> None:
    _load()
    assert SustainableDevelopmentGoal.objects.count() == 17
    assert SdgTarget.objects.count() == 169
    goal = SustainableDevelopmentGoal.objects.get(number=17)
    assert goal.short_title == "Partenariats pour la réalisation des objectifs"
    assert [t.code for t in goal.targets.all()] == [f"17.{n}" for n in range(1, 20)]


def test_loads_the_vocabularies_of_actors_modalities_and_forces_of_change() -> None:
    _load()
    assert list(ActorKind.objects.values_list("slug", flat=True)) == [
        "association",
        "entreprise",
        "collectivite",
        "fondation",
        "enseignement-recherche",
        "etat",
        "citoyen",
    ]
    assert set(PartnershipModality.objects.values_list("name", flat=True)) == {
        "Mécénat",
        "Pratiques responsables",
        "Coopération économique",
        "Innovation sociétale",
    }
    assert ForceOfChange.objects.count() == 7
    assert ForceOfChange.objects.get(number=3).name == "Les exemples inspirants"


def test_loads_the_2020_roadmap_with_its_21_measures_in_three_dimensions() -> None:
    _load()
    assert Workstream.objects.count() == 4
    assert Measure.objects.count() == 21
    for dimension in ("operational", "strategic", "political"):
        assert Measure.objects.filter(dimension=dimension).count() == 7
    assert Measure.objects.get(number=1).title == "Rendre immédiatement accessible l'existant pour agir dès à présent"
    assert Measure.objects.get(number=16).title == (
        "Créer une Conférence des alliances stratégiques au service des défis communs, déclinée localement"
    )


def test_measure_1_has_its_review_of_7_may_2021_and_the_next_step_of_12_july_2021() -> None:
    _load()
    review = Review.objects.get(measure__number=1)
    assert review.date.isoformat() == "2021-05-07"
    assert review.next_step_date.isoformat() == "2021-07-12"
    assert "5 rubriques" in review.text
    assert review.evidence_links.count() == 1


def test_only_measure_1_and_the_four_workstreams_have_reviews() -> None:
    _load()
    assert Review.objects.filter(measure__isnull=False).count() == 1
    assert Review.objects.filter(workstream__isnull=False).count() == 4


def test_a_second_load_changes_nothing() -> None:
    _load()
    out = _load()
    assert "(0 changement(s))" in out
    assert Review.objects.count() == 5
    assert Bilan.objects.count() == 1


def test_a_measure_edited_in_the_back_office_is_not_overwritten(django_user_model) -> None:
    _load()
    measure = Measure.objects.get(number=2)
    measure.facilitators = "Facilitateurs ajoutés par l'équipe de la mission"
    measure.save_revision(user=None).publish()
    _load()
    measure.refresh_from_db()
    assert measure.facilitators == "Facilitateurs ajoutés par l'équipe de la mission"
