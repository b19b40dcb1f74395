"""Reads of the case base shared by the pages and the API."""

from __future__ import annotations

from django.db import models
from django.db.models import Count, F, Q, QuerySet

from cases.models import Case, CaseQuerySet

# The best score of a case sharing no SDG target with another: same modality (2) and région (1).
NO_SHARED_TARGET_MAX = 3


def published_cases() -> CaseQuerySet:
    return Case.objects.published().with_related()


def case_by_slug(slug: str) -> Case | None:
    return published_cases().filter(slug=slug).first()


def case_by_id(pk: int) -> Case | None:
    return published_cases().filter(pk=pk).first()


def cases_in_order(ids: list[int]) -> list[Case]:
    """Published cases with these ids, in the order given (the search's ranking)."""
    by_id = published_cases().in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


def similar_cases(case: Case, *, limit: int = 3) -> list[Case]:
    """Published cases closest to ``case``: shared SDG targets (2 points each), same modality (2), same région (1).

    Ties go to the most recently verified, then the newest. A case sharing no target scores 3 at
    most. So when the best ``limit`` cases sharing a target all score above 3, no other case can
    pass them: only those sharing a target (a few thousand among 100,000) are scored. Otherwise
    every published case is.
    """
    target_ids = list(case.sdg_targets.values_list("pk", flat=True))
    found = _best_sharing_a_target(case, target_ids, limit) if target_ids else []
    if len(found) < limit or min(similarity for _, similarity in found) <= NO_SHARED_TARGET_MAX:
        found = _best_of_all(case, target_ids, limit)
    return cases_in_order([pk for pk, _ in found])


def _best_sharing_a_target(case: Case, target_ids: list[int], limit: int) -> list[tuple[int, int]]:
    """Scored in SQL from one join led by the targets' index (a few thousand rows, never all cases)."""
    ranked = (
        Case.objects.published()
        .filter(sdg_targets__in=target_ids)
        .exclude(pk=case.pk)
        .annotate(similarity=Count("sdg_targets") * 2 + _same_modality_and_region(case))
        .order_by("-similarity", F("last_verified_on").desc(nulls_last=True), "-id")
    )
    return list(ranked.values_list("pk", "similarity")[:limit])


def _same_modality_and_region(case: Case) -> models.Expression:
    score: models.Expression = models.Case(
        models.When(modality_id=case.modality_id, then=models.Value(2)), default=models.Value(0)
    )
    if case.region_code:
        score = score + models.Case(
            models.When(region_code=case.region_code, then=models.Value(1)), default=models.Value(0)
        )
    return score


def _best_of_all(case: Case, target_ids: list[int], limit: int) -> list[tuple[int, int]]:
    score = Count("sdg_targets", filter=Q(sdg_targets__in=target_ids), distinct=True) * 2
    ranked = (
        Case.objects.published()
        .exclude(pk=case.pk)
        .annotate(similarity=score + _same_modality_and_region(case))
        .filter(similarity__gt=0)
        .order_by("-similarity", F("last_verified_on").desc(nulls_last=True), "-id")
    )
    return list(ranked.values_list("pk", "similarity")[:limit])


def cases_for_sdg_target(target_id: int, *, hide_demo: bool = False) -> QuerySet[Case]:
    """Published cases that name this SDG target, newest verified first (read through the M2M's index)."""
    cases = Case.objects.published().filter(sdg_targets=target_id)
    if hide_demo:
        cases = cases.real()
    return cases.select_related("modality").order_by(F("last_verified_on").desc(nulls_last=True), "-id")


def cases_with_partner(organisation_id: int) -> list[Case]:
    """The published cases in which a directory organisation is a partner (its page lists them)."""
    return list(published_cases().filter(partners__organisation_id=organisation_id).distinct().order_by("title"))
