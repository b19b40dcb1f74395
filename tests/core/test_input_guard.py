from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

PAGE = "/feuille-de-route/"
API = "/api/v1/roadmap/measures"


@pytest.mark.parametrize("path", [PAGE, API])
def test_an_absurdly_long_query_string_is_refused_with_414(client, path) -> None:
    response = client.get(path, QUERY_STRING="q=" + "a" * 5000)
    assert response.status_code == 414
    assert "trop longue" in response.content.decode()


def test_the_page_refusal_is_a_french_dsfr_page(client) -> None:
    response = client.get(PAGE, QUERY_STRING="q=" + "a" * 5000)
    html = response.content.decode()
    assert '<html lang="fr"' in html and "Adresse trop longue" in html
    assert "Content-Security-Policy" in response


def test_the_api_refusal_is_french_json(client) -> None:
    response = client.get(API, QUERY_STRING="status=%ff%fe")
    assert response.status_code == 400
    assert response.json() == {"detail": "L'adresse demandée contient des caractères invalides."}


@pytest.mark.parametrize("path", [PAGE, API])
@pytest.mark.parametrize(
    "query",
    ["status=%ff", "status=%c3%28", "dimension=%00", "status=a%00b", "q=\xff\xfe", "workstream=1%00"],
)
def test_invalid_utf8_and_nul_bytes_get_a_400_never_a_500(client, path, query) -> None:
    response = client.get(path, QUERY_STRING=query)
    assert response.status_code == 400


def test_too_many_fields_get_a_french_400(client) -> None:
    response = client.get(API, QUERY_STRING="&".join("a" for _ in range(1100)))
    assert response.status_code == 400
    assert response.json() == {"detail": "L'adresse demandée contient trop de paramètres."}


@pytest.mark.parametrize("path", [PAGE, API])
def test_ordinary_queries_still_pass(client, programme, path) -> None:
    assert client.get(path, QUERY_STRING="dimension=strategic&q=%C3%A9t%C3%A9+2021").status_code == 200
