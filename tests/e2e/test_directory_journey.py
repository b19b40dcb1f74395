"""A person searches the directory of organisations, narrows it by type and département, and opens one."""

from __future__ import annotations

import re

import pytest

from organisations.models import OrganisationStatus
from reference.models import ActorKind
from tests.e2e.accessibility import assert_accessible
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def directory_page(page):
    company = ActorKind.objects.get(slug="entreprise")
    OrganisationFactory(name="Ressourcerie du Panier (exemple fictif)", commune_id="13055", purpose="réemploi")
    OrganisationFactory(
        name="Atelier Réemploi Provence (exemple fictif)", commune_id="13001", purpose="réemploi", kind=company
    )
    OrganisationFactory(name="Réemploi Paris Centre (exemple fictif)", commune_id="75056", purpose="réemploi")
    OrganisationFactory(
        name="Amicale du réemploi dissoute (exemple fictif)",
        commune_id="13055",
        purpose="réemploi",
        status=OrganisationStatus.DISSOLVED,
        status_date="2023-06-30",
    )
    return page


def _count(page) -> str:
    return " ".join(page.locator("#resultats [role=status]").inner_text().split())


def test_search_narrow_by_type_and_departement_then_open_an_organisation(directory_page) -> None:
    page = directory_page
    page.goto("/annuaire/")
    assert_accessible(page)

    page.get_by_label("Nom ou objet").fill("reemploi")  # without the accent
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url(re.compile(r"/annuaire/\?.*q=reemploi"))
    assert _count(page).startswith("4 organisations pour « reemploi »")
    assert page.get_by_text("Dissoute", exact=True).is_visible()
    assert_accessible(page)

    page.get_by_label("Échelle du territoire").select_option("departement")  # HTMX: the results change in place
    page.get_by_label("Code du territoire").fill("13")
    with page.expect_response(lambda r: "code=13" in r.url):
        page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url(re.compile(r"niveau=departement.*code=13|code=13.*niveau=departement"))
    assert _count(page).startswith("3 organisations") and "Bouches-du-Rhône" in _count(page)
    assert "Paris" not in page.locator("#resultats").inner_text()

    with page.expect_response(lambda r: "type=entreprise" in r.url):
        page.get_by_label("Type d'acteur").select_option("entreprise")
    page.wait_for_url(re.compile(r"type=entreprise"))
    assert _count(page).startswith("1 organisation")
    assert_accessible(page)

    page.reload()  # the filter state is a shareable address
    assert _count(page).startswith("1 organisation")

    page.get_by_role("link", name="Atelier Réemploi Provence (exemple fictif)").click()
    page.wait_for_url(re.compile(r"/annuaire/\d+/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Atelier Réemploi Provence (exemple fictif)"
    assert_accessible(page)


def test_an_unknown_territory_code_is_a_french_warning_not_an_error(directory_page) -> None:
    page = directory_page
    response = page.goto("/annuaire/?niveau=departement&code=00")
    assert response.status == 200
    assert "Filtre « Territoire » ignoré" in page.locator("#resultats").inner_text()
    assert_accessible(page)
