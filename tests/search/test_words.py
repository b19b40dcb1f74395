"""How the search reads people's words: terms, synonym clauses, the query as a title phrase."""

from __future__ import annotations

import pytest

from search.query import expand, title_phrases
from search.synonyms import build_groups
from search.text import terms

GROUPS = build_groups(
    [
        ["ODD", "objectif de développement durable"],
        ["RSE", "responsabilité sociétale des entreprises", "responsabilité sociale des entreprises"],
        ["bénévolat", "bénévole"],
    ]
)


@pytest.mark.parametrize("text", ["ODD 17", "odd17", "ODD17", "Odd-17"])
def test_a_sigle_glued_to_its_number_reads_as_the_two_words(text) -> None:
    assert terms(text) == ["odd", "17"]


def test_a_number_of_one_digit_is_a_term() -> None:
    assert terms("Mesure 2") == ["mesure", "2"]


@pytest.mark.parametrize(
    ("feminine", "masculine"),
    [
        ("bénévoles engagées", "bénévole engagé"),
        ("citoyennes", "citoyen"),
        ("associatives", "associatif"),
        ("animatrices culturelles", "animateur culturel"),
        ("sociales et territoriales", "social et territorial"),
    ],
)
def test_feminine_and_plural_forms_share_the_masculine_stem(feminine, masculine) -> None:
    assert terms(feminine) == terms(masculine)


def test_a_sigle_becomes_a_clause_with_its_expansions() -> None:
    assert expand(terms("RSE"), GROUPS) == ["rse|responsabilite+societal+entreprise|responsabilite+social+entreprise"]


def test_an_expansion_in_the_query_becomes_the_same_clause_as_its_sigle() -> None:
    assert expand(terms("objectifs de développement durable"), GROUPS) == expand(terms("ODD"), GROUPS)


def test_the_longest_expression_wins_and_other_words_stay_clauses_of_their_own() -> None:
    assert expand(terms("ODD17 et bénévoles"), GROUPS) == [
        "odd|objectif+developpement+durable",
        "17",
        "benevolat|benevole",
    ]


def test_an_expression_in_two_groups_joins_them() -> None:
    groups = build_groups([["ESS", "économie sociale et solidaire"], ["économie sociale et solidaire", "ESSOR"]])
    assert groups[("ess",)] == groups[("essor",)] == (("ess",), ("economie", "social", "solidaire"), ("essor",))


def test_the_query_read_as_a_title_phrase_takes_each_form_of_its_clauses() -> None:
    assert title_phrases(["odd|objectif+developpement+durable", "17"]) == [
        ["odd", "17"],
        ["objectif", "developpement", "durable", "17"],
    ]


def test_a_one_word_query_has_no_title_phrase() -> None:
    assert title_phrases(["mesure"]) == []
