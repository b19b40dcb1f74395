"""A search query as the engines read it: clauses that must all match, each a set of alternatives.

``query_clauses("ODD 17 bénévoles")`` → ``["odd|objectif+developpement+durable", "17", "benevole|benevolat"]``:
the query's terms (``search.text``), where a run of terms that is one of the editors' synonym
expressions (``search.synonyms``) becomes one clause holding every expression of its group. A clause
is its alternatives joined by ``|``, an alternative the terms of a phrase joined by ``+`` (terms are
``[a-z]+`` or ``[0-9]+``, so neither sign can be part of one): a plain string, which the filter
index keeps as the key of its cached matches and rankings, and that ``search.backends`` turns into
the engine's query syntax, terms always as parameters or quoted phrases.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from search.synonyms import synonym_groups
from search.text import query_terms

ALTERNATIVE = "|"
PHRASE = "+"
TITLE_PHRASES_AT_MOST = 8


def clause(alternatives: Iterable[Sequence[str]]) -> str:
    return ALTERNATIVE.join(PHRASE.join(phrase) for phrase in alternatives)


def alternatives(clause_text: str) -> list[list[str]]:
    """The phrases of one clause, each a list of terms."""
    return [phrase.split(PHRASE) for phrase in clause_text.split(ALTERNATIVE)]


def expand(terms: list[str], groups: dict[tuple[str, ...], tuple[tuple[str, ...], ...]]) -> list[str]:
    """``terms`` as clauses: the longest synonym expression starting at each term takes its whole group."""
    longest = max((len(expression) for expression in groups), default=0)
    clauses: list[str] = []
    position = 0
    while position < len(terms):
        for size in range(min(longest, len(terms) - position), 0, -1):
            group = groups.get(tuple(terms[position : position + size]))
            if group:
                clauses.append(clause(group))
                position += size
                break
        else:
            clauses.append(terms[position])
            position += 1
    return list(dict.fromkeys(clauses))


def query_clauses(q: str) -> list[str]:
    """The clauses of the query text ``q`` (empty when it holds no searchable word)."""
    terms = query_terms(q)
    return expand(terms, synonym_groups()) if terms else []


def title_phrases(clauses: list[str]) -> list[list[str]]:
    """The query read as one phrase, in each of its forms (« mesure 2 »): a title holding one ranks first.

    Only for a query of several clauses, and when its forms are few (otherwise none).
    """
    if len(clauses) < 2:
        return []
    choices = [alternatives(text) for text in clauses]
    count = 1
    for choice in choices:
        count *= len(choice)
    if count > TITLE_PHRASES_AT_MOST:
        return []
    return [[term for phrase in combination for term in phrase] for combination in itertools.product(*choices)]
