from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from reference.models import ActorKind
from resources.models import Event, Tool
from resources.services import event_save, tool_save
from search.models import SearchDocument, SearchFacetValue

pytestmark = pytest.mark.django_db


def test_tool_save_publishes_the_tool_with_its_audiences_and_facets(vocabularies) -> None:
    tool = tool_save(
        title="Grille d'autodiagnostic",
        summary="Pour se situer.",
        phase="evaluer",
        maturity="se-lancer",
        format="diagnostic",
        provider="Centre fictif",
        audiences=[ActorKind.objects.get(slug="collectivite")],
        publish=True,
    )
    assert tool.live
    document = SearchDocument.objects.get(section="tool", object_id=tool.pk)
    assert set(SearchFacetValue.objects.filter(document=document).values_list("facet", "value")) == {
        ("actor_kind", "collectivite"),
        ("phase", "evaluer"),
        ("maturity", "se-lancer"),
    }


def test_a_tool_with_an_unknown_phase_is_refused_and_nothing_is_saved(vocabularies) -> None:
    with pytest.raises(ValidationError) as error:
        tool_save(title="Outil", summary="x", phase="inventer", maturity="decouvrir", format="guide", provider="x")
    assert "phase" in error.value.message_dict
    assert not Tool.objects.exists()


def test_an_event_ending_before_it_starts_is_refused(vocabularies) -> None:
    start = dt.datetime(2030, 1, 1, 10, tzinfo=dt.UTC)
    with pytest.raises(ValidationError) as error:
        event_save(title="Rencontre", summary="x", starts_at=start, ends_at=start - dt.timedelta(hours=1), place="x")
    assert "ends_at" in error.value.message_dict
    assert not Event.objects.exists()


def test_an_event_in_a_commune_carries_its_region_for_the_filters(vocabularies, territories) -> None:
    start = dt.datetime(2030, 1, 1, 10, tzinfo=dt.UTC)
    event = event_save(
        title="Rencontre",
        summary="x",
        starts_at=start,
        ends_at=start,
        place="Lyon",
        territory_level="commune",
        territory_code="69123",
        publish=True,
    )
    assert (event.region_code, event.departement_code) == ("84", "69")


def test_item_unpublish_removes_a_resource_from_search(vocabularies) -> None:
    from hub.services import item_unpublish
    from tests.resources.factories import StudyFactory

    study = StudyFactory()
    item_unpublish(item=study)
    assert not SearchDocument.objects.filter(section="study", object_id=study.pk).exists()
