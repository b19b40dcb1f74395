from core.breadcrumbs import breadcrumb


def test_breadcrumb_lists_the_intermediate_pages_then_the_current_one() -> None:
    assert breadcrumb("Mesure 1", ("/feuille-de-route/", "Feuille de route")) == {
        "links": [{"url": "/feuille-de-route/", "title": "Feuille de route"}],
        "current": "Mesure 1",
    }
