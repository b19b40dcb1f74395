"""Every refusal is French: a DSFR page for the site, JSON under /api/."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _french_page(response, status: int, words: str) -> str:
    html = response.content.decode()
    assert response.status_code == status
    assert '<html lang="fr"' in html and words in html
    return html


def test_a_bad_host_header_gets_a_french_400_page(client) -> None:
    response = client.get("/", HTTP_HOST="attaquant.example.com")
    _french_page(response, 400, "ne correspond pas à un nom de la plateforme")


def test_a_bad_host_header_on_the_api_gets_french_json(client) -> None:
    response = client.get("/api/v1/roadmap/measures", HTTP_HOST="attaquant.example.com")
    assert response.status_code == 400
    assert response.json() == {"detail": "Cette adresse ne correspond pas à un nom de la plateforme."}


def test_a_body_too_large_gets_a_french_413(client, settings) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post("/contact/", {"message": "x" * 5000})
    _french_page(response, 413, "dépassent la taille acceptée")


def test_a_form_with_too_many_fields_gets_a_french_413(client, settings) -> None:
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    response = client.post("/contact/", {f"champ{n}": "x" for n in range(20)})
    _french_page(response, 413, "dépassent la taille acceptée")


def test_a_malformed_multipart_body_gets_a_french_400(client) -> None:
    response = client.generic(
        "POST", "/contact/", b"--coupure\r\nbroken", content_type="multipart/form-data; boundary=coupure"
    )
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        _french_page(response, 400, "mal formée")


def test_a_form_without_its_csrf_token_gets_a_french_403(db) -> None:
    response = Client(enforce_csrf_checks=True).post("/contact/", {"message": "bonjour"})
    _french_page(response, 403, "Rechargez la page")


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_a_method_a_page_does_not_accept_gets_a_french_405(client, method) -> None:
    response = getattr(client, method)("/contact/")
    _french_page(response, 405, "accepte pas la méthode")
    assert "GET" in response["Allow"]


def test_a_method_the_api_does_not_accept_gets_french_json(client) -> None:
    response = client.post("/api/v1/roadmap/measures")
    assert response.status_code == 405
    assert response.json() == {"detail": "Cette adresse n'accepte pas la méthode POST."}


@pytest.mark.parametrize("path", ["/", "/api/v1/roadmap/measures", "/static/core/platform.css"])
def test_trace_is_refused_everywhere(client, path) -> None:
    response = client.generic("TRACE", path)
    assert response.status_code == 405
    assert "TRACE" in response.content.decode()


def test_every_response_carries_permissions_policy_and_cross_origin_resource_policy(client) -> None:
    for path in ["/", "/api/v1/roadmap/measures", "/static/core/platform.css"]:
        # HEAD for the static file: its GET streams an open file, left unclosed by the test client.
        response = client.head(path) if path.startswith("/static/") else client.get(path)
        assert "camera=()" in response["Permissions-Policy"], path
        assert response["Cross-Origin-Resource-Policy"] == "same-origin", path


def test_no_page_has_an_inline_script_nor_a_nonce(client, vocabularies) -> None:
    response = client.get("/recherche/", {"q": "alliance"})
    html = response.content.decode()
    assert all('src="' in tag.split(">", 1)[0] for tag in html.split("<script")[1:])
    assert "nonce" not in response["Content-Security-Policy"] and "nonce" not in html
    assert "script-src 'self';" in response["Content-Security-Policy"] + ";"


def test_the_openapi_document_declares_the_refusals_of_every_operation(client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path, item in paths.items():
        for method, operation in item.items():
            assert {"400", "404", "414", "422", "429"} <= set(operation["responses"]), (method, path)


def test_an_unknown_api_address_is_a_404_not_a_redirect(client) -> None:
    response = client.get("/api/v1/organisations/-636")
    assert response.status_code == 404
    assert response.json() == {"detail": "Ressource introuvable."}


def test_no_public_template_has_an_inline_style() -> None:
    """The policy's ``style-src 'self'`` blocks a style attribute: the browser would drop it and log an error.
    E-mails (read in a mail client, not under the policy) and the back office (excluded from it) may have some."""
    from django.conf import settings

    from tests.project_templates import BACK_OFFICE, MAILS, project_templates

    offenders = [
        str(path)
        for path in project_templates(leave_out=MAILS | BACK_OFFICE)
        if 'style="' in (settings.BASE_DIR / path).read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_htmx_never_sets_a_style_attribute_back(client, vocabularies) -> None:
    """While a swap settles, htmx puts the old element's settled attributes back with setAttribute: a style the
    DSFR's scripts had given it would be blocked by the policy (a console error seen in a browser test)."""
    import json
    import re

    html = client.get("/recherche/", {"q": "alliance"}).content.decode()
    meta = re.search(r"<meta name=\"htmx-config\" content='([^']+)'>", html)
    assert meta is not None
    config = json.loads(meta.group(1))
    assert "style" not in config["attributesToSettle"] and config["includeIndicatorStyles"] is False
