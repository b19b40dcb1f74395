"""A person finds the learning paths from the navigation, picks an audience, follows a path to a kit sheet."""

from __future__ import annotations

import re

import pytest

from tests.e2e.accessibility import assert_accessible

pytestmark = pytest.mark.e2e


def test_choose_the_catalysts_follow_their_path_and_open_a_sheet_of_the_kit(page) -> None:
    page.goto("/")
    page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Apprendre", exact=True).click()
    page.get_by_role("heading", level=1, name="Apprendre à faire alliance").wait_for()
    assert_accessible(page)
    # The 4 audiences of chantier 4, in the seed's words; the one without real content says so.
    for audience in (
        "Les jeunes",
        "Les chefs de projets sectoriels et/ou territoriaux",
        "Les « catalyseurs »",
        "Les décideurs",
    ):
        assert page.get_by_role("heading", level=2, name=audience).is_visible()
    youth = page.locator("section", has=page.get_by_role("heading", level=2, name="Les jeunes"))
    assert "Aucun parcours n'est encore publié pour ce public" in youth.inner_text()

    page.locator("#apprendre-public").select_option(label="Les « catalyseurs »")
    page.get_by_role("button", name="Afficher").click()
    page.wait_for_url(re.compile(r"\?public=catalyseurs"))
    assert page.get_by_role("heading", level=2, name="Les décideurs").count() == 0
    page.get_by_role("link", name=re.compile("animer les démarches locales")).click()

    page.get_by_role("heading", level=1, name=re.compile("catalyseurs territoriaux")).wait_for()
    assert_accessible(page)
    stages = page.get_by_role("heading", level=2).all_inner_texts()
    assert stages[:3] == ["Découvrir", "Se lancer", "Approfondir"]
    assert page.get_by_role("link", name="6ème Rencontre des pionniers des alliances en Territoire").is_visible()

    page.get_by_role("link", name=re.compile("^Fiche 3 : Méthodes pour « co-construire territorialement »")).click()
    page.get_by_role("heading", level=1, name=re.compile("co-construire territorialement")).wait_for()
    assert_accessible(page)


def test_measure_20_leads_to_the_learning_paths(page) -> None:
    page.goto("/feuille-de-route/mesures/20/")
    page.get_by_role("link", name="Voir les parcours d'apprentissage").click()
    page.get_by_role("heading", level=1, name="Apprendre à faire alliance").wait_for()
