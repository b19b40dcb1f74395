"""Similar cases: the fast path (cases sharing a target) gives the same answer as scoring them all."""

from __future__ import annotations

import pytest

from cases.selectors import similar_cases
from reference.models import PartnershipModality
from tests.cases.factories import CaseFactory, targets

pytestmark = pytest.mark.django_db


def _titles(cases) -> list[str]:
    return [case.title for case in cases]


def test_cases_sharing_most_targets_come_first(vocabularies) -> None:
    case = CaseFactory(sdg_targets=targets("12.5", "17.17"))
    CaseFactory(title="Une cible", sdg_targets=targets("12.5"))
    CaseFactory(title="Deux cibles", sdg_targets=targets("12.5", "17.17"))
    CaseFactory(title="Aucune cible", sdg_targets=targets("3.4"))
    assert _titles(similar_cases(case)) == ["Deux cibles", "Une cible", "Aucune cible"]


def test_a_case_sharing_no_target_can_pass_one_sharing_a_target(vocabularies, territories) -> None:
    """Same modality and région (3) beat one shared target of another modality and région (2)."""
    innovation = PartnershipModality.objects.get(slug="innovation-societale")
    case = CaseFactory(sdg_targets=targets("12.5"), territory_level="region", territory_code="84")
    CaseFactory(
        title="Cible partagée seulement",
        sdg_targets=targets("12.5"),
        modality=innovation,
        territory_level="region",
        territory_code="11",
    )
    CaseFactory(
        title="Même modalité et région", sdg_targets=targets("3.4"), territory_level="region", territory_code="84"
    )
    assert _titles(similar_cases(case, limit=1)) == ["Même modalité et région"]


def test_nothing_in_common_is_not_similar(vocabularies) -> None:
    innovation = PartnershipModality.objects.get(slug="innovation-societale")
    case = CaseFactory(sdg_targets=targets("12.5"))
    CaseFactory(title="Sans rapport", sdg_targets=targets("3.4"), modality=innovation)
    assert similar_cases(case) == []
