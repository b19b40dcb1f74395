"""Synonyms kept by the editors: loaded from data/reference/, edited in the back office, read by the search."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from core.loading import LoadReport
from search.filters import SearchFilters
from search.models import Synonym
from search.selectors import search
from search.synonyms import load_synonyms
from tests.cases.factories import CaseFactory
from tests.resources.factories import StudyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def synonyms(db) -> None:
    load_synonyms(LoadReport())


def _titles(q: str) -> list[str]:
    return [document.title for document in search(SearchFilters(q=q)).documents]


def test_the_loader_creates_each_group_once() -> None:
    load_synonyms(LoadReport())
    report = LoadReport()
    load_synonyms(report)
    assert report.changed == 0
    assert Synonym.objects.filter(slug="odd").exists()


def test_the_loader_keeps_an_editors_change(synonyms) -> None:
    Synonym.objects.filter(slug="ess").update(expressions="ESS\néconomie sociale et solidaire\néconomie sociale")
    load_synonyms(LoadReport())
    assert "économie sociale" in Synonym.objects.get(slug="ess").expression_list()[-1]


def test_every_seeded_group_says_where_it_comes_from(synonyms) -> None:
    assert not Synonym.objects.filter(source="").exists()


def test_a_group_of_one_expression_is_refused_in_french() -> None:
    with pytest.raises(ValidationError, match="au moins deux expressions"):
        Synonym(slug="seul", expressions="ODD").full_clean()


def test_an_expression_without_a_searchable_word_is_refused() -> None:
    with pytest.raises(ValidationError, match="aucun mot recherchable"):
        Synonym(slug="vide", expressions="ODD\n« - »").full_clean()


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("ODD", "Agir pour les objectifs de développement durable"),
        ("objectifs de développement durable", "Les ODD au quotidien"),
        ("RSE", "La responsabilité sociétale des entreprises en pratique"),
        ("responsabilité sociétale des entreprises", "Un club RSE local"),
        ("ESS", "Une coopérative de l'économie sociale et solidaire"),
        ("EPCI", "Un établissement public de coopération intercommunale engagé"),
        ("QPV", "Emploi dans les quartiers prioritaires de la politique de la ville"),
        ("bénévolat", "Des bénévoles pour les devoirs"),
        ("bénévoles", "Le bénévolat de compétences"),
    ],
)
def test_a_sigle_or_a_variant_finds_the_other_form(vocabularies, synonyms, query, title) -> None:
    CaseFactory(title=title)
    CaseFactory(title="Un jardin partagé")
    assert _titles(query) == [title]


@pytest.mark.parametrize("query", ["ODD 17", "odd17", "ODD17", "objectif de développement durable 17"])
def test_every_way_of_writing_sdg_17_finds_it(vocabularies, synonyms, query) -> None:
    StudyFactory(title="Note de décryptage de l'ODD 17")
    StudyFactory(title="Le Fonds ODD17")
    StudyFactory(title="L'ODD 16 et la paix")
    assert sorted(_titles(query)) == ["Le Fonds ODD17", "Note de décryptage de l'ODD 17"]


def test_an_editors_new_synonym_is_read_by_the_next_search(vocabularies, synonyms) -> None:
    CaseFactory(title="Un tiers-lieu rural")
    assert _titles("fablab") == []
    Synonym.objects.create(slug="tiers-lieu", expressions="tiers-lieu\nfablab")
    assert _titles("fablab") == ["Un tiers-lieu rural"]


def test_a_deleted_synonym_is_no_longer_read(vocabularies, synonyms) -> None:
    CaseFactory(title="Des bénévoles")
    Synonym.objects.filter(slug="benevolat").delete()
    assert _titles("bénévolat") == []


@pytest.mark.parametrize("query", ["ODD 17", "odd17"])
def test_a_case_aiming_at_sdg_17_is_found_though_its_text_does_not_name_it(vocabularies, synonyms, query) -> None:
    from tests.cases.factories import targets

    CaseFactory(title="Un jardin partagé", sdg_targets=targets("17.17"))
    CaseFactory(title="Une épicerie solidaire", sdg_targets=targets("2.1"))
    assert _titles(query) == ["Un jardin partagé"]
