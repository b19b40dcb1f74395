"""A person follows the roadmap from the home page to the PDF of the bilan."""

from __future__ import annotations

import re

import pytest

from tests.e2e.accessibility import assert_accessible

pytestmark = pytest.mark.e2e


def test_home_to_measure_1_review_and_bilan_pdf(page) -> None:
    page.goto("/")
    assert_accessible(page)

    page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Feuille de route").click()
    page.wait_for_url(re.compile(r"/feuille-de-route/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Feuille de route : les résultats en synthèse"
    assert page.get_by_role("table", name="Statuts des mesures par dimension").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Rendre immédiatement accessible l'existant pour agir dès à présent").first.click()
    page.wait_for_url(re.compile(r"/feuille-de-route/mesures/1/$"))
    review = page.locator("#bilan-2021-05-07")
    assert "Bilan au 7 mai 2021" in review.inner_text()
    assert "12 juillet 2021" in review.inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="Feuille de route").last.click()
    page.get_by_role("link", name="Bilan au 7 mai 2021", exact=True).click()
    page.wait_for_url(re.compile(r"/bilans/bilan-7-mai-2021/$"))
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger le bilan (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == "bilan-7-mai-2021.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"


def test_a_visitor_reads_a_chantier_review_beside_its_measures_and_is_told_they_disagree(page) -> None:
    page.goto("/feuille-de-route/")
    programme = page.get_by_role("heading", name="Avancement du programme").locator("..")
    assert "1 mesure évaluée sur 21" in programme.inner_text()
    page.get_by_role("link", name=re.compile("^Chantier 1 — ")).first.click()
    page.wait_for_url(re.compile(r"/chantiers/plateforme-collective-impact/$"))
    own = page.get_by_role("heading", name="Bilan propre du chantier").locator("..")
    assert "En cours" in (own.text_content() or "")
    measures = page.get_by_role("heading", name="Moyenne des mesures rattachées").locator("..")
    assert "(1 mesure évaluée sur 1)" in measures.inner_text()
    alert = page.get_by_role("heading", name="Le bilan du chantier et la moyenne de ses mesures ne concordent pas")
    assert alert.is_visible()
    assert_accessible(page)


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/feuille-de-route/chantiers/droit-de-l-alliance/", 200),
        ("/feuille-de-route/mesures/12/", 200),
        ("/feuille-de-route/bilans/bilan-7-mai-2021/?comparer_avec=inconnu", 400),
        ("/accessibilite/", 200),
        ("/mentions-legales/", 200),
        ("/donnees/", 200),
        ("/page-inexistante/", 404),
        ("/territoires/?q=saint+etienne", 200),
        ("/territoires/regions/93/", 200),
        ("/territoires/departements/13/", 200),
        ("/territoires/epci/200054807/", 200),
        ("/territoires/communes/13055/", 200),
        ("/accompagnement/catalyseurs/", 200),
        ("/accompagnement/catalyseurs/?departement=13", 200),
        ("/accompagnement/carte/", 200),
        ("/recherche/?q=economie+circulaire&section=case", 200),
        ("/connexion/", 200),
        ("/recherches-enregistrees/desabonnement/lien-invalide/", 404),
    ],
)
def test_public_page_types_have_no_serious_accessibility_violation(page, path, status) -> None:
    response = page.goto(path)
    assert response.status == status
    assert_accessible(page, expected_status=status)


def test_the_main_journey_works_with_the_keyboard_alone(page) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Contenu"  # the first skip link
    page.goto("/feuille-de-route/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()").startswith("Rendre immédiatement accessible"):
            break
    else:
        pytest.fail("Le lien vers la mesure 1 n'est pas atteignable au clavier.")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/feuille-de-route/mesures/1/$"))


def test_pages_are_usable_on_a_390_pixel_wide_screen(page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/feuille-de-route/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, f"la page déborde horizontalement ({width} px)"
    page.get_by_role("button", name="Menu").click()
    assert page.get_by_role("link", name="Feuille de route").first.is_visible()
