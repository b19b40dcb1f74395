"""generate_dataset and bench_paths, at a « small » scale shrunk through settings.DATASET_SCALES."""

from __future__ import annotations

import io
import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from alliances.models import Listing
from cases.models import Case, CasePartner
from datasets.vocabulary import GENERATED_SOURCE
from organisations.models import Organisation
from resources.models import NewsItem, Study, Tool
from roadmap.models import Measure, Review
from search.models import SearchDocument, Section

TINY = {
    "organisations": 60,
    "cases": 12,
    "tools": 4,
    "studies": 3,
    "news": 3,
    "catalysts": 3,
    "reviews_per_measure": 1,
    "listings": 8,
}


@pytest.fixture
def tiny(settings, reference_data: None) -> dict[str, int]:
    settings.DATASET_SCALES = {"small": TINY}
    return TINY


def generate(*extra: str) -> str:
    out = io.StringIO()
    call_command("generate_dataset", "--scale", "small", *extra, stdout=out, verbosity=1)
    return out.getvalue()


def snapshot() -> dict[str, list]:
    return {
        "organisations": list(
            Organisation.objects.filter(is_generated=True)
            .order_by("register_id")
            .values_list("register_id", "name", "commune_id", "kind__slug")
        ),
        "cases": list(
            Case.objects.filter(is_generated=True).order_by("slug").values_list("slug", "title", "territory_code")
        ),
        "partners": list(
            CasePartner.objects.filter(case__is_generated=True).order_by("case__slug", "sort_order").values_list("name")
        ),
        "tools": list(Tool.objects.filter(is_generated=True).order_by("slug").values_list("title", "phase")),
        "reviews": list(
            Review.objects.filter(source=GENERATED_SOURCE).order_by("measure_id", "date").values_list("date", "text")
        ),
    }


def test_generates_the_scale_marked_as_generated_and_indexed(tiny: dict[str, int]) -> None:
    output = generate()

    assert Organisation.objects.filter(is_generated=True).count() == tiny["organisations"]
    assert not Organisation.objects.filter(is_generated=True, commune__isnull=True).exists()
    assert Case.objects.filter(is_generated=True).count() == tiny["cases"]
    assert Tool.objects.filter(is_generated=True).count() == tiny["tools"]
    assert Study.objects.filter(is_generated=True).count() == tiny["studies"]
    assert NewsItem.objects.filter(is_generated=True).count() == tiny["news"]
    assert Listing.objects.open().filter(is_generated=True, is_demo=True).count() == tiny["listings"]
    assert Review.objects.filter(source=GENERATED_SOURCE).count() == Measure.objects.published().count()
    # Every generated name says it is fictional.
    for name in Organisation.objects.filter(is_generated=True).values_list("name", flat=True):
        assert "fictiv" in name or "fictif" in name, name
    for model in (Case, Tool, Study, NewsItem):
        for title in model.objects.filter(is_generated=True).values_list("title", flat=True):
            assert "fictiv" in title.lower() or "fictif" in title.lower(), title
    # Published and in the search index, in bulk.
    assert Case.objects.published().filter(is_generated=True).count() == tiny["cases"]
    generated_cases = Case.objects.filter(is_generated=True).values("pk")
    assert SearchDocument.objects.filter(section=Section.CASE, object_id__in=generated_cases).count() == tiny["cases"]
    assert SearchDocument.objects.filter(section=Section.TOOL).count() >= tiny["tools"]
    assert "Jeu de données généré (échelle small, graine 2026)" in output


@pytest.mark.skipif(not apps.is_installed("catalysts"), reason="application catalysts absente")
def test_generates_catalysts_when_the_app_is_installed(tiny: dict[str, int]) -> None:
    from datasets.generators import catalysts

    generate()

    assert catalysts.existing() == tiny["catalysts"]


def test_same_seed_same_dataset_other_seed_other_dataset(tiny: dict[str, int]) -> None:
    generate("--seed", "7")
    first = snapshot()

    call_command("generate_dataset", "--reset", verbosity=0)
    assert not Organisation.objects.filter(is_generated=True).exists()
    generate("--seed", "7")

    assert snapshot() == first
    call_command("generate_dataset", "--reset", verbosity=0)
    generate("--seed", "8")
    assert snapshot()["organisations"] != first["organisations"]


def test_a_second_run_changes_nothing(tiny: dict[str, int]) -> None:
    generate()
    ids = sorted(Organisation.objects.filter(is_generated=True).values_list("pk", flat=True))
    cases = sorted(Case.objects.filter(is_generated=True).values_list("pk", flat=True))
    documents = SearchDocument.objects.count()

    output = generate()

    assert "rien à faire" in output
    assert "générée(s) en" not in output
    assert sorted(Organisation.objects.filter(is_generated=True).values_list("pk", flat=True)) == ids
    assert sorted(Case.objects.filter(is_generated=True).values_list("pk", flat=True)) == cases
    assert SearchDocument.objects.count() == documents
    assert Review.objects.filter(source=GENERATED_SOURCE).count() == Measure.objects.published().count()


def test_reset_deletes_generated_rows_only(tiny: dict[str, int]) -> None:
    reviews_before = Review.objects.exclude(source=GENERATED_SOURCE).count()
    documents_before = SearchDocument.objects.count()
    generate()

    call_command("generate_dataset", "--reset", verbosity=0)

    assert not Organisation.objects.filter(is_generated=True).exists()
    assert not Case.objects.filter(is_generated=True).exists()
    assert not Tool.objects.filter(is_generated=True).exists()
    assert not Review.objects.filter(source=GENERATED_SOURCE).exists()
    assert Review.objects.count() == reviews_before
    assert SearchDocument.objects.count() == documents_before


def test_a_scale_is_required(tiny: dict[str, int]) -> None:
    with pytest.raises(CommandError, match="--scale"):
        call_command("generate_dataset", verbosity=0)
    assert not Review.objects.filter(source=GENERATED_SOURCE).exists()


def test_bench_paths_answer_200(tiny: dict[str, int], client) -> None:
    generate()
    out = io.StringIO()

    call_command("bench_paths", stdout=out)

    paths = json.loads(out.getvalue())
    labels = set(paths)
    assert {
        "Annuaire filtré par département",
        "Un exemple inspirant",
        "Recherche (mot fréquent + 2 facettes)",
        "Une commune",
        "API recherche",
    } <= labels
    search = paths["Recherche (mot fréquent + 2 facettes)"]
    assert "q=" in search and "region=" in search and "modality=" in search
    for label, path in paths.items():
        response = client.get(path)
        assert response.status_code == 200, (label, path, response.status_code)
    assert client.get(paths["API recherche"]).json()["count"] > 0
    # Issue 14's list with two filters finds open listings (a département and a resource they name).
    listings = paths["Faire alliance (département + ressource)"]
    assert "niveau=departement" in listings and "ressource=" in listings
    assert "Aucune annonce ouverte ne correspond" not in client.get(listings).content.decode()
    # The page's word and two facets find generated cases (the API takes the same filters).
    query = search.split("?", 1)[1]
    assert client.get(f"/api/v1/search?{query}").json()["count"] > 0
