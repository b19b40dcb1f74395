"""A case page leads to its territory, its partners in the directory, its SDG targets and its modality."""

from __future__ import annotations

import pytest

from cases.directory import partners_in_directory
from cases.services import PartnerInput
from reference.models import ActorKind
from tests.cases.factories import CaseFactory, targets
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _partners(*names: str) -> list[PartnerInput]:
    kind = ActorKind.objects.get(slug="association")
    return [PartnerInput(name=name, kind=kind, role="co-porte le projet") for name in names]


def test_the_case_page_links_its_territory_and_modality(client, reference_data) -> None:
    case = CaseFactory(territory_level="commune", territory_code="13055")
    html = client.get(case.get_absolute_url()).content.decode()
    assert 'href="/territoires/communes/13055/"' in html
    assert 'href="/exemples-inspirants/?modality=mecenat"' in html


def test_a_national_case_names_france_without_a_link(client, reference_data) -> None:
    html = client.get(CaseFactory().get_absolute_url()).content.decode()
    assert "France entière" in html
    assert 'href="/territoires/' not in html.split("En bref")[1].split("</dl>")[0]


def test_each_sdg_target_links_to_its_page_listing_the_cases(client, reference_data) -> None:
    case = CaseFactory(title="Alliance pour la cible", sdg_targets=targets("17.17"))
    CaseFactory(title="Alliance sans la cible", sdg_targets=targets("4.1"))
    assert 'href="/exemples-inspirants/cibles-odd/17.17/"' in client.get(case.get_absolute_url()).content.decode()
    page = client.get("/exemples-inspirants/cibles-odd/17.17/").content.decode()
    assert "Alliance pour la cible" in page and "Alliance sans la cible" not in page
    assert "1 exemple inspirant" in page


def test_an_unknown_sdg_target_is_not_found(client, reference_data) -> None:
    assert client.get("/exemples-inspirants/cibles-odd/99.z/").status_code == 404


def test_the_sdg_target_page_counts_demo_cases_apart(client, reference_data) -> None:
    CaseFactory(sdg_targets=targets("17.17"), demo=True)
    CaseFactory(sdg_targets=targets("17.17"))
    assert (
        "2 exemples inspirants, dont 1 exemple fictif"
        in client.get("/exemples-inspirants/cibles-odd/17.17/").content.decode()
    )


def test_a_partner_named_like_one_organisation_links_to_it(client, reference_data) -> None:
    organisation = OrganisationFactory(name="Les Amis du Quartier")
    case = CaseFactory(partners=_partners("Les amis du quartier", "Inconnue au bataillon"))
    assert list(partners_in_directory(case).values()) == [organisation]
    assert f'href="{organisation.get_absolute_url()}"' in client.get(case.get_absolute_url()).content.decode()


def test_homonyms_give_no_link(reference_data) -> None:
    OrganisationFactory(name="Comité des fêtes")
    OrganisationFactory(name="Comité des fêtes")
    case = CaseFactory(partners=_partners("Comité des fêtes", "Autre"))
    assert partners_in_directory(case) == {}


def test_the_homonym_of_the_case_s_departement_is_chosen(reference_data) -> None:
    OrganisationFactory(name="Comité des fêtes", commune_id="84007")
    local = OrganisationFactory(name="Comité des fêtes", commune_id="13055")
    case = CaseFactory(territory_level="departement", territory_code="13", partners=_partners("Comité des fêtes", "B"))
    assert list(partners_in_directory(case).values()) == [local]
