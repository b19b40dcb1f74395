"""Demo content in the resources' figures: the tool map and the agenda say it or leave it out."""

from __future__ import annotations

import pytest

from reference.models import ActorKind
from resources import selectors
from resources.models import Tool
from tests.resources.factories import EventFactory, ToolFactory

pytestmark = pytest.mark.django_db


def _companies() -> list[ActorKind]:
    return [ActorKind.objects.get(slug="entreprise")]


def test_hub_querysets_split_real_and_demo_items(vocabularies) -> None:
    real = ToolFactory(is_demo=False)
    demo = ToolFactory(is_demo=True)
    assert list(Tool.objects.real()) == [real]
    assert list(Tool.objects.demo()) == [demo]


def test_tool_map_counts_demo_tools_and_leaves_them_out_on_request(vocabularies) -> None:
    ToolFactory(phase="piloter", audiences=_companies(), is_demo=True)
    ToolFactory(phase="piloter", audiences=_companies(), is_demo=False)
    full = selectors.tool_map()
    assert (full.total, full.demo) == (2, 1)
    real = selectors.tool_map(hide_demo=True)
    assert (real.total, real.demo) == (1, 0)


def test_tool_map_page_says_demo_tools_beside_each_figure(client, vocabularies) -> None:
    ToolFactory(phase="piloter", audiences=_companies(), is_demo=True)
    ToolFactory(phase="piloter", audiences=_companies(), is_demo=False)
    html = client.get("/outils-et-methodes/cartographie/").content.decode()
    assert "La cartographie compte 2 outils publiés, dont 1 exemple fictif." in html
    assert ">2</a>, dont 1 exemple fictif</td>" in html
    hidden = client.get("/outils-et-methodes/cartographie/", {"exemples": "masquer"}).content.decode()
    assert "Exemples fictifs masqués : la cartographie compte 1 outil publié." in hidden
    assert ">1</a></td>" in hidden and "dont 1 exemple fictif" not in hidden
    assert "actor_kind=entreprise&amp;exemples=masquer" in hidden


def test_agenda_hides_demo_events_on_request(client, vocabularies) -> None:
    EventFactory(title="Rencontre réelle", is_demo=False)
    EventFactory(title="Rencontre de démonstration", is_demo=True)
    html = client.get("/agenda/").content.decode()
    assert "Rencontre réelle" in html and "Rencontre de démonstration" in html
    assert "Masquer les exemples fictifs" in html
    hidden = client.get("/agenda/", {"exemples": "masquer"}).content.decode()
    assert "Rencontre réelle" in hidden and "Rencontre de démonstration" not in hidden
