"""The legal pages a .gouv.fr site has: mentions légales, données personnelles, plan du site, accessibility contact."""

from __future__ import annotations

import pytest

from core import sitemap

pytestmark = pytest.mark.django_db


def test_legal_notice_shows_the_operator_facts_from_settings(client, settings) -> None:
    settings.SITE_PUBLISHER = "Ministère d'essai"
    settings.SITE_PUBLICATION_DIRECTOR = "La directrice d'essai"
    settings.SITE_HOST_NAME = "Hébergeur d'essai"
    settings.SITE_HOST_ADDRESS = "1 rue d'essai\n75000 Paris"
    html = client.get("/mentions-legales/").content.decode()
    assert '<p id="editeur">Ministère d&#x27;essai</p>' in html
    assert '<p id="directeur-publication">La directrice d&#x27;essai</p>' in html
    assert "Hébergeur d&#x27;essai<br>1 rue d&#x27;essai<br>75000 Paris" in html
    assert "à renseigner par l'exploitant" not in html.lower().replace("&#x27;", "'")


def test_legal_notice_never_invents_an_unset_fact(client, settings) -> None:
    settings.SITE_PUBLISHER = ""
    settings.SITE_PUBLICATION_DIRECTOR = ""
    settings.SITE_HOST_NAME = ""
    settings.SITE_HOST_ADDRESS = ""
    html = client.get("/mentions-legales/").content.decode().replace("&#x27;", "'")
    assert '<p id="editeur">À renseigner par l\'exploitant.</p>' in html
    assert '<p id="directeur-publication">À renseigner par l\'exploitant.</p>' in html
    assert '<p id="hebergeur">Hébergeur (nom et adresse) : à renseigner par l\'exploitant.</p>' in html
    assert 'href="/contact/"' in html and 'href="/donnees-personnelles/"' in html


def test_privacy_page_says_what_is_kept_why_how_long_and_the_rights(client, settings) -> None:
    settings.CONTACT_MESSAGE_RETENTION_DAYS = 90
    html = client.get("/donnees-personnelles/").content.decode()
    assert "<caption>Données conservées, finalité et durée de conservation</caption>" in html
    for row in (
        "Comptes",
        "Recherches enregistrées",
        "Messages de contact",
        "Échecs de connexion",
        "Journaux techniques",
    ):
        assert f'<th scope="row">{row}</th>' in html
    assert "90 jours, puis effacement automatique" in html
    assert "RGPD" in html and 'href="/contact/?objet=donnees-personnelles"' in html


def test_accessibility_statement_links_to_the_contact_form(client) -> None:
    html = client.get("/accessibilite/").content.decode()
    assert 'href="/contact/?objet=accessibilite"' in html


def test_footer_links_to_every_legal_page_and_the_contact(client) -> None:
    html = client.get("/mentions-legales/").content.decode()
    footer = html[html.index('id="pied-de-page"') :]
    for url in ("/accessibilite/", "/mentions-legales/", "/donnees-personnelles/", "/plan-du-site/", "/contact/"):
        assert f'href="{url}"' in footer


def test_sitemap_lists_the_public_sections_from_the_url_configuration(client) -> None:
    html = client.get("/plan-du-site/").content.decode()
    for label, url in (
        ("Accueil", "/"),
        ("Exemples inspirants", "/exemples-inspirants/"),
        ("Outils &amp; méthodes", "/outils-et-methodes/"),
        ("Études &amp; rapports", "/etudes-et-rapports/"),
        ("Actualités", "/actualites/"),
        ("Agenda", "/agenda/"),
        ("Catalyseurs territoriaux", "/accompagnement/catalyseurs/"),
        ("Feuille de route : les résultats en synthèse", "/feuille-de-route/"),
        ("Annuaire des organisations", "/annuaire/"),
        ("Nous contacter", "/contact/"),
        ("Données personnelles", "/donnees-personnelles/"),
    ):
        assert f'<a href="{url}">{label}</a>' in html
    main = html[html.index("<main") : html.index("</main>")]
    for left_out in ("/healthz", ".csv", ".svg", "/admin/", "/api/", "/contact/merci/", "/recherches-enregistrees/"):
        assert f'href="{left_out}' not in main and f'{left_out}"' not in main


def test_sitemap_shows_every_parameterless_page_even_without_a_label(monkeypatch) -> None:
    monkeypatch.delitem(sitemap.LABELS, "resources:tool_map")
    pages = [page for group in sitemap.public_pages() for page in group.pages]
    assert ("/outils-et-methodes/cartographie/", "/outils-et-methodes/cartographie/") in pages
    assert len({url for _, url in pages}) == len(pages)
