from __future__ import annotations

import pytest

from territories import selectors

pytestmark = pytest.mark.django_db


def _codes(q: str, **filters: str) -> list[str]:
    return [c.code for c in selectors.communes(q=q, **filters)[:10]]


def test_marseille_is_found_by_its_name(territories) -> None:
    assert _codes("marseille")[0] == "13055"


def test_marseille_is_found_by_its_insee_code(territories) -> None:
    assert _codes("13055") == ["13055"]


def test_marseille_is_found_by_the_postcode_of_one_of_its_arrondissements(territories) -> None:
    assert _codes("13001")[0] == "13055"


def test_five_digits_find_the_commune_with_that_insee_code_too(territories) -> None:
    assert _codes("13001") == ["13055", "13001"]  # Marseille 1er (postcode), Aix-en-Provence (INSEE code)


def test_saint_etienne_is_found_without_accent_or_hyphen(territories) -> None:
    assert _codes("saint etienne")[0] == "42218"


def test_name_search_is_a_prefix_search_exact_name_first_then_by_population(territories) -> None:
    found = list(selectors.communes(q="Paris")[:5])
    assert found[0].code == "75056"
    assert all(c.search_key.startswith("paris") for c in found)
    assert [c.population for c in found[1:]] == sorted((c.population for c in found[1:]), reverse=True)


def test_homonyms_are_ranked_by_population(territories) -> None:
    found = [c for c in selectors.communes(q="Sainte-Colombe") if c.name == "Sainte-Colombe"]
    assert len(found) > 5
    assert [c.population for c in found] == sorted((c.population for c in found), reverse=True)


def test_commune_search_can_be_narrowed_to_a_departement(territories) -> None:
    assert {c.departement_id for c in selectors.communes(q="saint", departement="42")} == {"42"}


def test_a_former_insee_code_finds_the_commune_it_merged_into(territories) -> None:
    assert _codes("42292") == ["42218"]  # Terrenoire, merged into Saint-Étienne


def test_epcis_of_a_departement_include_those_spanning_several(territories) -> None:
    codes = set(selectors.epcis(departement="69").values_list("code", flat=True))
    assert "200046977" in codes  # Métropole de Lyon


def test_search_finds_regions_departements_epcis_and_communes_by_name(territories) -> None:
    result = selectors.search("bretagne")
    assert [r.code for r in result.regions] == ["53"]
    assert result.found


def test_search_finds_a_departement_by_its_code(territories) -> None:
    assert [d.code for d in selectors.search("2a").departements] == ["2A"]


def test_search_of_nothing_finds_nothing(territories) -> None:
    assert not selectors.search("  -  ").found


def test_a_postcode_shared_with_an_insee_code_offers_both_communes(territories) -> None:
    choice = selectors.choose_commune("13001")  # Marseille's postcode, Aix-en-Provence's INSEE code
    assert choice.commune is None
    assert {c.name for c in choice.communes} == {"Marseille", "Aix-en-Provence"}


def test_a_single_exact_name_is_chosen_over_longer_names(territories) -> None:
    assert selectors.choose_commune("marseille").commune.code == "13055"


def test_homonym_communes_are_all_offered(territories) -> None:
    choice = selectors.choose_commune("Saint-Denis")
    assert choice.commune is None
    assert {c.departement_id for c in choice.communes} >= {"93", "974"}


def test_an_unknown_name_finds_no_commune(territories) -> None:
    choice = selectors.choose_commune("Zzyzx")
    assert (choice.total, choice.commune) == (0, None)


def test_a_partial_postcode_is_not_an_answer(territories) -> None:
    assert selectors.choose_commune("130").total == 0


def test_territory_url_leads_to_the_page_of_each_level(territories) -> None:
    assert selectors.territory_url("commune", "13055") == "/territoires/communes/13055/"
    assert selectors.territory_url("departement", "13") == "/territoires/departements/13/"
    assert selectors.territory_url("france", "") == ""
