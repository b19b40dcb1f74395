"""The in-memory filter index follows the database: writes, expiry, repeated queries."""

from __future__ import annotations

import datetime as dt
from array import array

import pytest
from django.core.management import call_command
from django.utils import timezone

from cases.models import Case
from reference.models import PartnershipModality
from search import facet_index, indexing, selectors
from search.filters import SearchFilters
from search.models import SearchDocument, SearchIndexChange, SearchIndexState
from search.selectors import search
from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_an_item_published_after_the_index_was_built_is_found_by_the_next_search(vocabularies, territories) -> None:
    CaseFactory(title="Recyclerie de quartier")
    assert search(SearchFilters(q="recyclerie")).count == 1

    CaseFactory(title="Recyclerie solidaire", territory_level="region", territory_code="84")

    results = search(SearchFilters(q="recyclerie", values={"region": ["84"]}))
    assert [d.title for d in results.documents] == ["Recyclerie solidaire"]


def test_each_publication_takes_the_next_version_and_logs_its_document(vocabularies) -> None:
    CaseFactory(title="Premier")
    first = SearchIndexState.objects.get()
    second = CaseFactory(title="Second")
    state = SearchIndexState.objects.get()
    assert (state.token, state.version) == (first.token, first.version + 1)
    document = SearchDocument.objects.get(object_id=second.pk, section="case")
    assert list(SearchIndexChange.objects.filter(version=state.version).values_list("document_id", "removed")) == [
        (document.pk, False)
    ]


def test_a_publication_is_applied_to_the_built_index_without_a_rebuild(vocabularies, territories) -> None:
    CaseFactory(title="Recyclerie de quartier", territory_level="region", territory_code="84")
    built = facet_index.current()
    CaseFactory(title="Recyclerie solidaire", territory_level="region", territory_code="84")
    results = search(SearchFilters(q="recyclerie", values={"region": ["84"]}))
    assert facet_index.current() is built
    assert [d.title for d in results.documents] == ["Recyclerie solidaire", "Recyclerie de quartier"]
    assert search(SearchFilters()).documents[0].title == "Recyclerie solidaire"  # the most recent first


def test_an_unpublished_item_leaves_the_built_index_and_its_kept_matches(vocabularies) -> None:
    kept, gone = CaseFactory(title="Recyclerie de quartier"), CaseFactory(title="Recyclerie solidaire")
    assert search(SearchFilters(q="recyclerie")).count == 2
    built = facet_index.current()
    gone.unpublish()
    results = search(SearchFilters(q="recyclerie"))
    assert facet_index.current() is built
    assert [d.title for d in results.documents] == [kept.title]
    assert results.count == 1


def test_a_server_whose_index_is_older_than_the_kept_log_rebuilds_it(vocabularies, monkeypatch) -> None:
    CaseFactory(title="Recyclerie")
    built = facet_index.current()
    CaseFactory(title="Recyclerie solidaire")
    SearchIndexChange.objects.all().delete()  # as the pruning of the log would
    assert search(SearchFilters(q="recyclerie")).count == 2
    assert facet_index.current() is not built


def test_an_expired_item_leaves_the_built_index(vocabularies, territories) -> None:
    CaseFactory(title="Recyclerie permanente")
    CaseFactory(title="Recyclerie éphémère")
    built = facet_index.current()
    assert search(SearchFilters(q="recyclerie")).count == 2
    SearchDocument.objects.filter(title="Recyclerie éphémère").update(expire_at=timezone.now())
    built.valid_until = timezone.now()  # as when its expiry date has come
    assert [d.title for d in search(SearchFilters(q="recyclerie")).documents] == ["Recyclerie permanente"]
    assert facet_index.current() is built


def test_the_index_is_reused_while_nothing_changes(vocabularies) -> None:
    CaseFactory(title="Recyclerie")
    search(SearchFilters(q="recyclerie"))
    assert facet_index.current() is facet_index.current()


def test_a_repeated_query_gives_the_same_page_count_and_facets_as_a_new_one(vocabularies, territories) -> None:
    for number in range(25):
        CaseFactory(
            title=f"Recyclerie numéro {number}", territory_level="region", territory_code="84" if number % 2 else "11"
        )
    filters = SearchFilters(q="recyclerie", values={"region": ["84"]})
    fresh = search(filters, limit=5, offset=5)
    repeated = search(filters, limit=5, offset=5)
    facet_index.current().forget_matches()
    again = search(filters, limit=5, offset=5)
    for results in (repeated, again):
        assert [d.pk for d in results.documents] == [d.pk for d in fresh.documents]
        assert results.count == fresh.count == 12
        assert results.facets == fresh.facets


def _recycleries(count: int, *, repeats: int, summaries: tuple[str, ...]) -> None:
    """Cases whose titles repeat « recyclerie » 1 to ``repeats`` times (different relevances), odd
    numbers in région 84 and even ones in 11, the summary taken in turn from ``summaries``."""
    for number in range(count):
        CaseFactory(
            title=f"Recyclerie {'recyclerie ' * (number % repeats)}numéro {number}",
            summary=summaries[number % len(summaries)],
            territory_level="region",
            territory_code="84" if number % 2 else "11",
        )


def test_ranking_only_the_filtered_results_gives_the_order_of_the_whole_ranking(
    vocabularies, territories, monkeypatch
) -> None:
    """Few filtered results: the engine ranks only them (``ranked_among``); the page must not change."""
    _recycleries(24, repeats=5, summaries=("Un atelier.", "Une recyclerie.", "Une recyclerie."))
    filters = SearchFilters(q="recyclerie", values={"region": ["84"]})
    pages = {}
    # The filtered results only (the first 100 kept, then the first 5 kept: deeper pages ask again),
    # then the whole match ranked.
    for rank_among_at_most, first_ranked in ((5_000, 100), (5_000, 5), (0, 100)):
        monkeypatch.setattr(selectors, "RANK_AMONG_AT_MOST", rank_among_at_most)
        monkeypatch.setattr(facet_index, "FIRST_RANKED", first_ranked)
        facet_index.forget()
        pages[rank_among_at_most, first_ranked] = [
            [d.pk for d in search(filters, limit=5, offset=offset).documents] for offset in (0, 5, 10, 15, 0)
        ]
    assert pages[5_000, 100] == pages[5_000, 5] == pages[0, 100]
    pages = {key: value[:4] for key, value in pages.items()}
    first = search(filters, limit=12).documents
    assert len(first) == 12 and first[0].title.count("ecyclerie") == 5  # the most repeated word comes first
    assert pages[5_000, 5][3] == []


def test_frequent_terms_read_with_the_index_give_the_engine_s_results(vocabularies, territories, monkeypatch) -> None:
    _recycleries(12, repeats=3, summaries=("Une friperie.", "Un atelier de réparation."))
    queries = [
        SearchFilters(q="recyclerie", values={"region": ["84"]}),
        SearchFilters(q="recyclerie atelier"),
        SearchFilters(q="recyclerie friperie", values={"region": ["11"]}),
    ]
    engine_only = [search(filters) for filters in queries]
    monkeypatch.setattr(facet_index, "FREQUENT_TERM_MIN_DOCUMENTS", 6)
    facet_index.forget()
    index = facet_index.current()
    assert {"recyclerie", "atelier", "friperie"} <= set(index.frequent)
    assert len(index.frequent["atelier"].ids) == 6
    for filters, expected in zip(queries, engine_only, strict=True):
        index.forget_matches()
        results = search(filters)
        assert [d.pk for d in results.documents] == [d.pk for d in expected.documents]
        assert results.count == expected.count and results.facets == expected.facets


def test_one_frequent_word_is_ranked_with_the_index_in_the_engine_s_order(
    vocabularies, territories, monkeypatch
) -> None:
    """Read with the index, the ranking of a frequent word is the engine's own: a search on it needs no engine."""
    from search.backends import backend

    _recycleries(12, repeats=4, summaries=("Une recyclerie.", "Un atelier.", "Une recyclerie de quartier."))
    hidden = CaseFactory(title="Recyclerie recyclerie recyclerie brouillon")
    hidden.unpublish()
    queries = [
        (SearchFilters(q="recyclerie"), 0),
        (SearchFilters(q="recyclerie"), 5),
        (SearchFilters(q="recyclerie", values={"region": ["84"]}), 0),
        (SearchFilters(q="recyclerie", values={"region": ["11"]}), 3),
    ]
    engine_only = [search(filters, limit=5, offset=offset) for filters, offset in queries]
    monkeypatch.setattr(facet_index, "FREQUENT_TERM_MIN_DOCUMENTS", 6)
    facet_index.forget()
    index = facet_index.current()
    engine_order = [pk for pk in backend().ranked_ids(["recyclerie"]) if pk in index.everything]
    assert list(index.frequent["recyclerie"].ranked) == engine_order
    assert len(engine_order) == 12  # the unpublished case is not among them

    def no_engine(*args: object) -> list[int]:
        raise AssertionError("the engine was asked")

    for method in ("matching_ids", "ranked_ids", "ranked_among"):
        monkeypatch.setattr(type(backend()), method, no_engine)
    for (filters, offset), expected in zip(queries, engine_only, strict=True):
        index.forget_matches()
        results = search(filters, limit=5, offset=offset)
        assert [d.pk for d in results.documents] == [d.pk for d in expected.documents]
        assert results.count == expected.count and results.facets == expected.facets


def test_the_frequent_terms_are_read_once_for_every_worker(vocabularies, monkeypatch) -> None:
    from search.backends import backend

    _recycleries(8, repeats=3, summaries=("Un atelier.",))
    monkeypatch.setattr(facet_index, "FREQUENT_TERM_MIN_DOCUMENTS", 6)
    calls = []
    engine_frequent_terms = type(backend()).frequent_terms

    def counted(self, min_documents: int) -> dict[str, list[int]]:
        calls.append(min_documents)
        return engine_frequent_terms(self, min_documents)

    monkeypatch.setattr(type(backend()), "frequent_terms", counted)
    facet_index.forget()
    first = facet_index.current().frequent
    facet_index.forget()  # as another worker would: its own index, built from the same tables
    assert facet_index.current().frequent == first and len(calls) == 1  # read from the shared cache
    assert {"recyclerie", "atelier", "numero"} <= set(first)

    CaseFactory(title="Recyclerie nouvelle")  # a write: given to the terms, not read again
    assert len(facet_index.current().frequent["recyclerie"].ids) == 9 and len(calls) == 1


def test_a_worker_waits_for_the_frequent_terms_another_one_is_reading(vocabularies, monkeypatch) -> None:
    _recycleries(6, repeats=2, summaries=("Un atelier.",))
    monkeypatch.setattr(facet_index, "FREQUENT_TERM_MIN_DOCUMENTS", 6)
    facet_index.forget()
    index = facet_index.current()
    shared = facet_index.caches[facet_index.SHARED_CACHE]
    shared.delete_many([facet_index.FREQUENT_KEY, facet_index._ready_key(index.token)])
    shared.add(f"{facet_index.FREQUENT_KEY}:claim:{index.token}", 1)  # another worker is reading them
    sleeps = []

    def other_worker_shares(seconds: float) -> None:  # it shares them while this one waits
        sleeps.append(seconds)
        found = {"recyclerie": array("I", [1, 2]).tobytes()}
        shared.set(facet_index.FREQUENT_KEY, ((index.token, facet_index.FREQUENT_TERM_MIN_DOCUMENTS), found))
        shared.set(facet_index._ready_key(index.token), True)

    monkeypatch.setattr(facet_index.time, "sleep", other_worker_shares)
    index.frequent = {}
    facet_index._read_frequent_terms(index, wait_for_others=True)
    assert len(sleeps) == 1 and list(index.frequent) == ["recyclerie"]


def test_frequent_terms_are_read_in_a_background_thread_when_serving(vocabularies, settings, monkeypatch) -> None:
    CaseFactory(title="Recyclerie")
    started = []

    class FakeThread:
        def __init__(self, target, args, name, daemon) -> None:
            started.append((target, args, daemon))

        def start(self) -> None:
            pass

    settings.SEARCH_FREQUENT_TERMS_IN_BACKGROUND = True
    monkeypatch.setattr(facet_index.threading, "Thread", FakeThread)
    facet_index.forget()
    index = facet_index.current()
    assert started == [(facet_index._read_frequent_terms_in_background, (index,), True)]
    assert index.frequent == {}  # until the thread has read them, searches go through the engine
    assert search(SearchFilters(q="recyclerie")).count == 1


def test_the_full_ranking_of_a_match_is_computed_once_for_every_worker(vocabularies) -> None:
    from search.backends import backend

    for number in range(3):
        CaseFactory(title=f"Recyclerie numéro {number}")
    calls = []

    def ranked(terms: list[str]) -> list[int]:
        calls.append(terms)
        return backend().ranked_ids(terms)

    def ranking() -> list[int]:
        index = facet_index.current()
        return list(index.ranking(index.match(["recyclerie"], backend().matching_ids), ["recyclerie"], ranked))

    first = ranking()
    facet_index.forget()  # as another worker would: its own index, built from the same tables
    assert ranking() == first and len(calls) == 1  # read from the shared cache

    CaseFactory(title="Recyclerie nouvelle")  # a write: new token, so a new ranking
    assert len(ranking()) == 4 and len(calls) == 2


def test_an_item_disappears_when_its_expiry_passes_without_any_write(vocabularies, monkeypatch) -> None:
    case = CaseFactory(title="Recyclerie éphémère")
    Case.objects.filter(pk=case.pk).update(expire_at=timezone.now() + dt.timedelta(hours=1))
    indexing.index_object(Case.objects.get(pk=case.pk))
    assert search(SearchFilters(q="recyclerie")).count == 1
    later = timezone.now() + dt.timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert search(SearchFilters(q="recyclerie")).count == 0


def test_facet_counts_apply_the_other_filters_only(vocabularies, territories) -> None:
    cooperation = PartnershipModality.objects.get(slug="cooperation-economique")
    CaseFactory(title="Mobilité A", territory_level="region", territory_code="84")
    CaseFactory(title="Mobilité B", territory_level="region", territory_code="84", modality=cooperation)
    CaseFactory(title="Mobilité C", territory_level="region", territory_code="11", modality=cooperation)
    results = search(SearchFilters(q="mobilite", values={"region": ["84"], "modality": ["cooperation-economique"]}))
    counts = {group.name: {o.value: o.count for o in group.options} for group in results.facets}
    assert results.count == 1
    assert counts["region"] == {"84": 1, "11": 1}
    assert counts["modality"] == {"mecenat": 1, "cooperation-economique": 1}


def test_the_search_bench_prints_both_timings_side_by_side(vocabularies, capsys) -> None:
    CaseFactory(title="Mobilité solidaire")
    call_command("bench_search", runs=2)
    out = capsys.readouterr().out
    assert "Recherche, requête nouvelle" in out
    assert "icontains" in out
    assert "rapport des p95" in out
