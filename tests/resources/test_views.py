from __future__ import annotations

import pytest

from reference.models import ActorKind
from tests.resources.factories import EventFactory, NewsItemFactory, StudyFactory, ToolFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("factory", "listing"),
    [
        (ToolFactory, "/outils-et-methodes/"),
        (StudyFactory, "/etudes-et-rapports/"),
        (NewsItemFactory, "/actualites/"),
        (EventFactory, "/agenda/"),
    ],
)
def test_a_demo_resource_is_labelled_on_its_page_and_in_its_list(client, vocabularies, factory, listing) -> None:
    item = factory(is_demo=True, title="Ressource de démonstration")
    for url in (item.get_absolute_url(), listing):
        html = client.get(url).content.decode()
        assert "Ressource de démonstration" in html
        assert "Exemple fictif" in html


@pytest.mark.parametrize("factory", [ToolFactory, StudyFactory, NewsItemFactory, EventFactory])
def test_a_draft_resource_is_a_404(client, vocabularies, factory) -> None:
    item = factory(draft=True)
    assert client.get(item.get_absolute_url()).status_code == 404


def test_study_page_lists_its_key_figures(client, vocabularies) -> None:
    study = StudyFactory(key_figures=["42 % des répondants", "300 organisations"])
    html = client.get(study.get_absolute_url()).content.decode()
    assert "42 % des répondants" in html
    assert "300 organisations" in html


def test_tool_map_counts_tools_by_phase_and_audience(client, vocabularies) -> None:
    ToolFactory(phase="piloter", audiences=[ActorKind.objects.get(slug="entreprise")])
    html = client.get("/outils-et-methodes/cartographie/").content.decode()
    assert "/outils-et-methodes/?phase=piloter&amp;actor_kind=entreprise" in html


def test_tools_page_filters_by_phase(client, vocabularies) -> None:
    ToolFactory(title="Outil pour piloter", phase="piloter")
    ToolFactory(title="Outil pour évaluer", phase="evaluer")
    html = client.get("/outils-et-methodes/?phase=piloter").content.decode()
    assert "Outil pour piloter" in html
    assert "Outil pour évaluer" not in html
