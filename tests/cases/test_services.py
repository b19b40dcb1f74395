from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from cases.models import Case
from cases.services import PartnerInput, case_save, case_unpublish
from reference.models import ActorKind, PartnershipModality
from search.models import SearchDocument
from tests.cases.factories import CaseFactory, partners, targets

pytestmark = pytest.mark.django_db


def _base(**overrides):
    values = {
        "title": "Une recyclerie partagée",
        "summary": "Résumé.",
        "partners": partners("association", "entreprise"),
        "modality": PartnershipModality.objects.get(slug="cooperation-economique"),
        "objectives": "Réemployer.",
        "start_year": 2021,
        "publish": True,
    }
    return {**values, **overrides}


def test_case_save_publishes_the_case_with_its_partners_and_targets(vocabularies) -> None:
    case = case_save(**_base(sdg_targets=targets("12.5", "8.4")))
    assert case.live
    assert [(p.name, p.kind.slug) for p in case.partners.all()] == [
        ("Partenaire fictif 1", "association"),
        ("Partenaire fictif 2", "entreprise"),
    ]
    assert sorted(t.code for t in case.sdg_targets.all()) == ["12.5", "8.4"]
    assert case.revisions.count() == 1


def test_a_published_case_is_indexed_for_search(vocabularies) -> None:
    case = case_save(**_base())
    assert SearchDocument.objects.filter(section="case", object_id=case.pk).exists()


def test_a_draft_case_waits_for_review_and_is_not_indexed(vocabularies) -> None:
    case = case_save(**_base(publish=False))
    assert not case.live
    assert not SearchDocument.objects.filter(section="case", object_id=case.pk).exists()


def test_a_case_with_a_single_partner_is_refused_and_nothing_is_saved(vocabularies) -> None:
    with pytest.raises(ValidationError) as error:
        case_save(**_base(partners=partners("association")))
    assert "au moins 2 partenaires" in str(error.value)
    assert not Case.objects.exists()


def test_a_partner_without_kind_is_refused_naming_the_partner(vocabularies) -> None:
    kind = ActorKind.objects.get(slug="association")
    with pytest.raises(ValidationError) as error:
        case_save(**_base(partners=[PartnerInput("A", kind, "porte"), PartnerInput("B", None, "finance")]))
    assert "type d'acteur du partenaire n° 2" in str(error.value)
    assert not Case.objects.exists()


def test_an_unknown_territory_code_is_refused(vocabularies, territories) -> None:
    with pytest.raises(ValidationError) as error:
        case_save(**_base(territory_level="commune", territory_code="99999"))
    assert "territory_code" in error.value.message_dict
    assert not Case.objects.exists()


def test_a_commune_case_keeps_its_region_departement_and_epci(vocabularies, territories) -> None:
    case = case_save(**_base(territory_level="commune", territory_code="69123"))
    assert (case.territory_name, case.region_code, case.departement_code, case.epci_code) == (
        "Lyon (69)",
        "84",
        "69",
        "200046977",
    )


def test_an_end_year_before_the_start_year_is_refused(vocabularies) -> None:
    with pytest.raises(ValidationError) as error:
        case_save(**_base(start_year=2022, end_year=2020))
    assert "end_year" in error.value.message_dict


def test_case_save_on_an_existing_case_records_a_new_revision(vocabularies) -> None:
    case = CaseFactory()
    updated = case_save(case=case, **_base(title="Nouveau titre"))
    assert updated.pk == case.pk
    assert updated.title == "Nouveau titre"
    assert updated.revisions.count() == 2
    assert SearchDocument.objects.get(section="case", object_id=case.pk).title == "Nouveau titre"


def test_case_unpublish_removes_the_case_from_search(vocabularies) -> None:
    case = CaseFactory()
    case_unpublish(case=case)
    assert not Case.objects.get(pk=case.pk).live
    assert not SearchDocument.objects.filter(section="case", object_id=case.pk).exists()
