from __future__ import annotations

import pytest
from django.utils import timezone

from reference.models import PartnershipModality
from tests.cases.factories import CaseFactory, targets

pytestmark = pytest.mark.django_db


def test_case_page_shows_partners_kinds_roles_and_targets(client, vocabularies) -> None:
    case = CaseFactory(sdg_targets=targets("12.5"))
    html = client.get(case.get_absolute_url()).content.decode()
    assert "Partenaire fictif 1" in html
    assert "Entreprise" in html
    assert "co-porte le projet" in html
    assert "Cible 12.5" in html


def test_a_demo_case_is_labelled_exemple_fictif_on_its_page(client, vocabularies) -> None:
    case = CaseFactory(demo=True)
    html = client.get(case.get_absolute_url()).content.decode()
    assert "Exemple fictif" in html


def test_a_real_case_carries_no_demo_label(client, vocabularies) -> None:
    case = CaseFactory()
    assert "Exemple fictif" not in client.get(case.get_absolute_url()).content.decode()


def test_a_demo_case_is_labelled_in_the_case_list(client, vocabularies) -> None:
    CaseFactory(demo=True, title="Alliance de démonstration")
    html = client.get("/exemples-inspirants/").content.decode()
    assert "Alliance de démonstration" in html
    assert "Exemple fictif" in html


def test_a_draft_case_is_a_404_and_absent_from_the_list(client, vocabularies) -> None:
    case = CaseFactory(draft=True, title="Alliance en brouillon")
    assert client.get(case.get_absolute_url()).status_code == 404
    assert "Alliance en brouillon" not in client.get("/exemples-inspirants/").content.decode()


def test_an_expired_case_is_a_404_even_before_the_scheduler_runs(client, vocabularies) -> None:
    case = CaseFactory()
    type(case).objects.filter(pk=case.pk).update(expire_at=timezone.now() - timezone.timedelta(minutes=1))
    assert client.get(case.get_absolute_url()).status_code == 404


def test_case_page_proposes_similar_cases_sharing_targets(client, vocabularies) -> None:
    case = CaseFactory(sdg_targets=targets("12.5"))
    close = CaseFactory(title="Alliance proche", sdg_targets=targets("12.5"))
    CaseFactory(
        title="Alliance sans rapport",
        modality=PartnershipModality.objects.get(slug="innovation-societale"),
        sdg_targets=targets("3.4"),
    )
    html = client.get(case.get_absolute_url()).content.decode()
    assert close.get_absolute_url() in html
    assert "Alliance sans rapport" not in html


def test_html_in_a_case_is_shown_as_text_everywhere(client, vocabularies) -> None:
    """Content is plain text (no rich text field): any markup is escaped, on the page, in search and in feeds."""
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    case = CaseFactory(title=f"Recyclerie {payload}", summary=f"Résumé {payload}", objectives=payload)
    for url in (case.get_absolute_url(), "/recherche/?q=recyclerie", "/exemples-inspirants/flux.xml"):
        body = client.get(url).content.decode()
        assert "<script>alert" not in body and "<img src=x" not in body, url
        assert "&lt;script&gt;" in body or "&amp;lt;script&amp;gt;" in body, url
