"""« Où êtes-vous ? »: the commune field resolved on the server, remembered only on request."""

from __future__ import annotations

import pytest

from nearby.session import SESSION_KEY

pytestmark = pytest.mark.django_db

WHERE = "/pres-de-chez-moi/"


def test_a_commune_name_leads_to_its_page(client, territories) -> None:
    response = client.get(WHERE, {"commune": "Marseille"})
    assert response.status_code == 302
    assert response["Location"] == "/territoires/communes/13055/"


def test_a_postcode_shared_by_several_communes_asks_which_one(client, territories) -> None:
    response = client.get(WHERE, {"commune": "13001"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Plusieurs communes correspondent à « 13001 »" in html
    assert f"{WHERE}?code=13055" in html and f"{WHERE}?code=13001" in html


def test_the_code_picked_from_the_list_wins_over_the_text(client, territories) -> None:
    response = client.get(WHERE, {"commune": "Marseille (13)", "code": "13001"})
    assert response["Location"] == "/territoires/communes/13001/"


def test_an_unknown_commune_says_so_in_french(client, territories) -> None:
    response = client.get(WHERE, {"commune": "Zzyzx"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Aucune commune ne correspond à « Zzyzx »" in html
    assert 'aria-invalid="true"' in html


def test_an_empty_field_asks_for_a_commune(client, territories) -> None:
    assert "Indiquez le nom de votre commune" in client.get(WHERE).content.decode()


def test_a_partial_postcode_asks_for_five_digits(client, territories) -> None:
    assert "indiquez ses 5 chiffres" in client.get(WHERE, {"commune": "130"}).content.decode()


def test_a_garbage_code_falls_back_to_the_text(client, territories) -> None:
    response = client.get(WHERE, {"commune": "Marseille", "code": "'; drop"})
    assert response["Location"] == "/territoires/communes/13055/"


def test_nothing_is_remembered_without_consent(client, territories) -> None:
    client.get(WHERE, {"commune": "Marseille"})
    assert SESSION_KEY not in client.session


def test_the_commune_is_remembered_for_the_visit_when_asked(client, territories) -> None:
    client.get(WHERE, {"commune": "Marseille", "memoriser": "1"})
    assert client.session[SESSION_KEY] == "13055"
    assert "Votre commune pour cette visite" in client.get("/particuliers/").content.decode()


def test_the_choice_among_several_keeps_the_consent(client, territories) -> None:
    html = client.get(WHERE, {"commune": "13001", "memoriser": "1"}).content.decode()
    assert f"{WHERE}?code=13055&amp;memoriser=1" in html


def test_forgetting_the_commune_erases_it(client, territories) -> None:
    client.get(WHERE, {"commune": "Marseille", "memoriser": "1"})
    response = client.post(f"{WHERE}oublier/", {"next": "/organisations/"})
    assert response["Location"] == "/organisations/"
    assert SESSION_KEY not in client.session


def test_forgetting_never_redirects_to_another_site(client, territories) -> None:
    response = client.post(f"{WHERE}oublier/", {"next": "https://evil.example/"})
    assert response["Location"] == "/"


@pytest.mark.parametrize("path", ["/", "/particuliers/", "/organisations/"])
def test_home_and_both_doors_ask_for_a_commune(client, territories, path) -> None:
    html = client.get(path).content.decode()
    assert 'action="/pres-de-chez-moi/"' in html
    assert "nearby/commune-autocomplete" in html
