"""The server's warm-up compiles every template of the project (a broken one would be named)."""

from __future__ import annotations

import pytest

from core import warmup

pytestmark = pytest.mark.django_db


def test_every_project_template_compiles() -> None:
    names = warmup.project_templates()
    assert "cases/detail.html" in names
    assert warmup.compile_templates() == len(names)


def test_the_warm_up_builds_the_search_index(vocabularies) -> None:
    from search import facet_index

    facet_index.forget()
    warmup.warm_up()
    assert facet_index._current is not None


def test_the_warm_up_asks_the_main_pages_once(reference_data) -> None:
    assert warmup.warm_pages() == len(warmup.WARM_PAGES)


def test_the_warm_up_fills_the_url_resolvers_of_every_namespace() -> None:
    from django.urls import get_resolver

    warmup.populate_url_resolvers()
    resolvers = [get_resolver()]
    while resolvers:
        resolver = resolvers.pop()
        assert resolver._populated, resolver
        resolvers.extend(sub for _prefix, sub in resolver.namespace_dict.values())
