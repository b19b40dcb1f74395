"""The facilitators' pages in « Mon espace » and the mission team's pages in the back office."""

from __future__ import annotations

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from roadmap.models import FacilitatorAssignment, MeasureFacilitator, Review, ReviewSubmission, SubmissionStatus
from roadmap.submission_services import submission_create
from tests.roadmap.facilitation_fixtures import content, facilitator, measure_2, mission_member, stranger

__all__ = ["facilitator", "measure_2", "mission_member", "stranger"]

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return html.unescape(response.content.decode())


FORM = {
    "date": "2026-11-02",
    "progress": "",
    "text": "Les outils des réseaux ont été recensés.",
    "next_steps": "",
    "next_step_date": "",
    "evidence_url": "",
    "evidence_label": "",
    "evidence_file_label": "",
}


def _form(status_pk: int, **overrides) -> dict:
    return {**FORM, "review_status": status_pk, **overrides}


@pytest.fixture
def en_cours():
    from roadmap.models import ReviewStatus

    return ReviewStatus.objects.get(slug="en-cours").pk


def test_my_space_lists_my_measures_with_their_due_date(client, facilitator) -> None:
    client.force_login(facilitator)
    page = _text(client.get("/mon-espace/"))
    assert "Mes mesures de la feuille de route" in page
    page = _text(client.get("/mon-espace/feuille-de-route/"))
    assert "Mesure 2 : Favoriser la convergence" in page
    assert "Échéance calculée à partir de l'horizon de la dimension opérationnelle" in page


def test_a_facilitator_submits_a_bilan_with_a_link_and_a_file(
    client, facilitator, en_cours, settings, tmp_path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    client.force_login(facilitator)
    upload = SimpleUploadedFile("rapport.pdf", b"%PDF-1.4 rapport", content_type="application/pdf")
    response = client.post(
        "/mon-espace/feuille-de-route/mesures/2/nouveau-bilan/",
        _form(
            en_cours,
            action="submit",
            evidence_url="https://www.exemple.fr/carte",
            evidence_label="Carte des outils",
            evidence_file=upload,
            evidence_file_label="Rapport d'étape",
        ),
    )
    assert response.status_code == 302
    submission = ReviewSubmission.objects.get()
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.links.get().label == "Carte des outils"
    evidence = submission.files.get()
    assert evidence.label == "Rapport d'étape"
    download = client.get(f"/feuille-de-route/justificatifs/{evidence.pk}/")
    assert b"".join(download.streaming_content) == b"%PDF-1.4 rapport"
    client.logout()
    assert client.get(f"/feuille-de-route/justificatifs/{evidence.pk}/").status_code == 404


def test_a_file_whose_content_does_not_match_its_extension_is_refused(
    client, facilitator, en_cours, settings, tmp_path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    client.force_login(facilitator)
    upload = SimpleUploadedFile("rapport.pdf", b"MZ pas un pdf", content_type="application/pdf")
    response = client.post(
        "/mon-espace/feuille-de-route/mesures/2/nouveau-bilan/", _form(en_cours, action="save", evidence_file=upload)
    )
    assert response.status_code == 400
    assert "n'est pas un PDF" in _text(response)
    assert not ReviewSubmission.objects.exists()


def test_the_form_answers_a_future_date_in_french_next_to_the_field(client, facilitator, en_cours) -> None:
    client.force_login(facilitator)
    response = client.post(
        "/mon-espace/feuille-de-route/mesures/2/nouveau-bilan/", _form(en_cours, date="2999-01-01", action="save")
    )
    assert response.status_code == 400
    assert "La date du bilan ne peut pas être dans le futur." in _text(response)
    assert not ReviewSubmission.objects.exists()


def test_a_person_who_is_not_facilitator_of_the_measure_gets_a_403(client, stranger, en_cours) -> None:
    client.force_login(stranger)
    response = client.post("/mon-espace/feuille-de-route/mesures/2/nouveau-bilan/", _form(en_cours, action="submit"))
    assert response.status_code == 403
    assert not ReviewSubmission.objects.exists()


def test_a_facilitator_cannot_open_another_measures_bilan(client, facilitator, stranger, programme, en_cours) -> None:
    from roadmap.models import Measure

    measure_3 = Measure.objects.get(programme=programme, number=3)
    FacilitatorAssignment.objects.create(measure=measure_3, user=stranger)
    other = submission_create(measure=measure_3, user=stranger, content=content())
    client.force_login(facilitator)
    assert client.post(f"/mon-espace/feuille-de-route/bilans/{other.pk}/", _form(en_cours)).status_code == 403


def test_the_mission_team_returns_then_publishes_from_the_back_office(
    client, facilitator, mission_member, measure_2
) -> None:
    submission = submission_create(measure=measure_2, user=facilitator, content=content(), submit=True)
    client.force_login(mission_member)
    page = _text(client.get("/admin/feuille-de-route/bilans-proposes/"))
    assert "Les outils des réseaux ont été recensés et comparés." in page
    url = f"/admin/feuille-de-route/bilans-proposes/{submission.pk}/"
    client.post(url, {"decision": "reject", "reason": ""})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED  # a return needs a comment
    client.post(url, {"decision": "reject", "reason": "Ajoutez la date de la carte."})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.RETURNED
    ReviewSubmission.objects.filter(pk=submission.pk).update(status=SubmissionStatus.SUBMITTED)
    client.post(url, {"decision": "approve"})
    assert Review.objects.filter(measure=measure_2).exists()
    page = _text(client.get("/feuille-de-route/mesures/2/"))
    assert "Rédigé par un facilitateur de la mesure, validé et publié" in page


def test_the_back_office_pages_are_closed_to_facilitators(client, facilitator) -> None:
    client.force_login(facilitator)
    for url in (
        "/admin/feuille-de-route/bilans-proposes/",
        "/admin/feuille-de-route/facilitateurs/",
        "/admin/feuille-de-route/import/",
    ):
        assert client.get(url).status_code in (302, 403)


def test_the_mission_team_names_facilitators(client, mission_member, measure_2, stranger) -> None:
    client.force_login(mission_member)
    url = "/admin/feuille-de-route/facilitateurs/2/"
    client.post(url, {"action": "add_account", "email": "inconnu@example.invalid"})
    client.post(url, {"action": "add_body", "state_service": "DJEPVA"})
    response = client.post(url, {"action": "add_body", "organisation": "Organisation qui n'existe pas"}, follow=True)
    assert "Aucune organisation de l'annuaire ne correspond" in _text(response)
    assert FacilitatorAssignment.objects.filter(measure=measure_2, user=stranger).exists()
    assert list(MeasureFacilitator.objects.values_list("state_service", flat=True)) == ["DJEPVA"]
    assert "DJEPVA (service de l'État)" in _text(client.get("/feuille-de-route/mesures/2/"))


def test_the_import_page_runs_a_dry_run_then_imports(client, mission_member) -> None:
    from roadmap.bilan_import import template_csv

    client.force_login(mission_member)
    template = client.get("/admin/feuille-de-route/import/modele.csv")
    assert template.content.decode().lstrip("\ufeff").startswith("numero_mesure;date_bilan;statut")
    data = template_csv().encode()
    response = client.post(
        "/admin/feuille-de-route/import/", {"file": SimpleUploadedFile("b.csv", data), "action": "check"}
    )
    assert "Vérification réussie : 1 bilan prêt à importer" in _text(response)
    assert not ReviewSubmission.objects.exists()
    wrong = data.replace(b"numero_mesure", b"numero")
    response = client.post(
        "/admin/feuille-de-route/import/", {"file": SimpleUploadedFile("b.csv", wrong), "action": "import"}
    )
    assert response.status_code == 400
    assert "Ligne 1 : en-tête incorrect" in _text(response)
    assert not ReviewSubmission.objects.exists()
    client.post("/admin/feuille-de-route/import/", {"file": SimpleUploadedFile("b.csv", data), "action": "import"})
    assert ReviewSubmission.objects.get().status == SubmissionStatus.SUBMITTED


def test_the_roadmap_shows_the_traffic_light_and_the_planned_2022_evaluation(client, programme) -> None:
    page = _text(client.get("/feuille-de-route/"))
    assert "Échéances des prochains bilans" in page
    assert "en retard" in page
    assert "« Une évaluation en 2022 permettra de mesurer le cheminement collectivement parcouru en 3 ans. »" in page
    assert "Aucun bilan d'ensemble daté de 2022 n'est publié" in page
    measure = _text(client.get("/feuille-de-route/mesures/2/"))
    assert "Échéance : 7 février 2021." in measure
    assert "Échéance calculée à partir de l'horizon de la dimension opérationnelle" in measure


def test_my_space_lists_my_bilans_with_their_state_and_last_step(client, facilitator, measure_2) -> None:
    submission_create(measure=measure_2, user=facilitator, content=content(), submit=True)
    client.force_login(facilitator)
    response = client.get("/mon-espace/feuille-de-route/")
    assert response.status_code == 200
    page = _text(response)
    assert "soumis, en relecture" in page
    assert "Soumis à l'équipe de la mission le" in page
