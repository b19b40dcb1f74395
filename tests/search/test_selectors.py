from __future__ import annotations

import pytest
from django.utils import timezone

from cases.models import Case
from reference.models import PartnershipModality
from roadmap.models import Measure
from search import indexing
from search.filters import SearchFilters
from search.selectors import search
from tests.cases.factories import CaseFactory, partners, targets
from tests.resources.factories import ToolFactory

pytestmark = pytest.mark.django_db


def _titles(results) -> list[str]:
    return [document.title for document in results.documents]


def test_a_query_without_accents_finds_accented_plural_text(vocabularies) -> None:
    CaseFactory(title="Des économies circulaires en Isère")
    CaseFactory(title="Un jardin partagé")
    assert _titles(search(SearchFilters(q="economie circulaire"))) == ["Des économies circulaires en Isère"]


def test_an_elided_article_in_the_query_is_ignored(vocabularies) -> None:
    CaseFactory(title="Une alliance pour l'emploi")
    assert search(SearchFilters(q="l'alliance")).count == 1


def test_every_query_term_must_match(vocabularies) -> None:
    CaseFactory(title="Économie circulaire et emploi")
    CaseFactory(title="Économie sociale")
    assert _titles(search(SearchFilters(q="économie circulaire"))) == ["Économie circulaire et emploi"]


def test_a_match_in_the_title_ranks_before_a_match_in_the_text(vocabularies) -> None:
    CaseFactory(title="Un jardin partagé", objectives="Un peu de recyclage, de recyclage et de recyclage.")
    CaseFactory(title="Recyclage des meubles")
    assert _titles(search(SearchFilters(q="recyclage")))[0] == "Recyclage des meubles"


def test_a_region_filter_includes_the_items_of_its_departements_and_communes(vocabularies, territories) -> None:
    CaseFactory(title="À Lyon", territory_level="commune", territory_code="69123")
    CaseFactory(title="En Isère", territory_level="departement", territory_code="38")
    CaseFactory(title="Dans la région", territory_level="region", territory_code="84")
    CaseFactory(title="À Paris", territory_level="commune", territory_code="75056")
    CaseFactory(title="En France")
    results = search(SearchFilters(values={"region": ["84"]}))
    assert sorted(_titles(results)) == ["Dans la région", "En Isère", "À Lyon"]


def test_a_departement_filter_includes_its_communes_only(vocabularies, territories) -> None:
    CaseFactory(title="À Lyon", territory_level="commune", territory_code="69123")
    CaseFactory(title="En Isère", territory_level="departement", territory_code="38")
    assert _titles(search(SearchFilters(values={"departement": ["69"]}))) == ["À Lyon"]


def test_facet_counts_count_each_value_with_the_other_filters_applied(vocabularies) -> None:
    mecenat = PartnershipModality.objects.get(slug="mecenat")
    innovation = PartnershipModality.objects.get(slug="innovation-societale")
    CaseFactory(modality=mecenat, partners=partners("association", "entreprise"))
    CaseFactory(modality=mecenat, partners=partners("association", "fondation"))
    CaseFactory(modality=innovation, partners=partners("association", "entreprise"))
    results = search(SearchFilters(values={"modality": ["mecenat"], "actor_kind": ["entreprise"]}))
    facets = {group.name: {o.value: o.count for o in group.options} for group in results.facets}
    assert results.count == 1
    assert facets["modality"] == {"mecenat": 1, "innovation-societale": 1}
    assert facets["actor_kind"] == {"association": 2, "entreprise": 1, "fondation": 1}


def test_the_sdg_facet_counts_goals_of_the_case_targets(vocabularies) -> None:
    CaseFactory(sdg_targets=targets("12.5", "12.2", "8.4"))
    results = search(SearchFilters())
    sdg = next(group for group in results.facets if group.name == "sdg")
    assert {o.value: o.count for o in sdg.options} == {"8": 1, "12": 1}


def test_values_of_one_filter_add_up_and_filters_narrow(vocabularies) -> None:
    CaseFactory(partners=partners("association", "entreprise"))
    CaseFactory(partners=partners("fondation", "collectivite"))
    ToolFactory()
    assert search(SearchFilters(values={"actor_kind": ["entreprise", "fondation"]})).count == 2
    assert search(SearchFilters(values={"section": ["tool"]})).count == 1


def test_a_draft_is_never_found(vocabularies) -> None:
    CaseFactory(title="Recyclerie en brouillon", draft=True)
    assert search(SearchFilters(q="recyclerie")).count == 0


def test_an_item_unpublished_with_a_plain_save_leaves_search_at_once(vocabularies) -> None:
    case = CaseFactory(title="Recyclerie retirée")
    case.live = False
    case.save()
    assert search(SearchFilters(q="recyclerie")).count == 0


def test_an_expired_item_is_not_found_even_before_the_scheduler_runs(vocabularies) -> None:
    case = CaseFactory(title="Recyclerie expirée")
    Case.objects.filter(pk=case.pk).update(expire_at=timezone.now() - timezone.timedelta(minutes=1))
    indexing.index_object(Case.objects.get(pk=case.pk))
    assert search(SearchFilters(q="recyclerie")).count == 0


def test_live_roadmap_measures_are_searchable(programme) -> None:
    results = search(SearchFilters(q="alliance", values={"section": ["measure"]}))
    assert results.count > 0
    assert all(document.url.startswith("/feuille-de-route/mesures/") for document in results.documents)


def test_a_measure_taken_off_line_leaves_search(programme) -> None:
    measure = Measure.objects.get(programme=programme, number=1)
    measure.live = False
    measure.save()
    urls = [d.url for d in search(SearchFilters(values={"section": ["measure"]}), limit=50).documents]
    assert measure.get_absolute_url() not in urls


def test_without_query_results_are_the_most_recent_first(vocabularies) -> None:
    import datetime as dt

    CaseFactory(title="Ancien", last_verified_on=dt.date(2020, 1, 1))
    CaseFactory(title="Récent", last_verified_on=dt.date(2026, 1, 1))
    assert _titles(search(SearchFilters())) == ["Récent", "Ancien"]


def test_rebuild_writes_one_document_per_published_item(vocabularies) -> None:
    CaseFactory()
    CaseFactory(draft=True)
    ToolFactory()
    counts = indexing.rebuild()
    assert counts == {
        "case": 1,
        "tool": 1,
        "study": 0,
        "news": 0,
        "event": 0,
        "measure": 0,
        "actor": 0,
        "milestone": 0,
        "force": 0,
        "survey": 0,
    }
