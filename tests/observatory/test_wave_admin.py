"""The back-office page of the wave import: template, dry run, import, refusals."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from observatory.models import SurveyFigure
from tests.observatory.wave_files import wave_csv

pytestmark = pytest.mark.django_db
URL = "/admin/observatoire/vague/"


@pytest.fixture
def editor_client(client, editor):
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    return client


def _upload(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("vague.csv", content, content_type="text/csv")


def test_the_dry_run_lists_the_errors_and_writes_nothing(editor_client, survey) -> None:
    response = editor_client.post(URL, {"file": _upload(wave_csv({"valeur": "120"})), "verifier": "1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 erreur : rien n'a été enregistré" in html
    assert "Ligne 2, colonne « valeur » : un pourcentage est compris entre 0 et 100 (reçu : 120)." in html
    assert SurveyFigure.objects.count() == 0


def test_a_clean_dry_run_says_what_would_be_added(editor_client, survey) -> None:
    html = editor_client.post(URL, {"file": _upload(wave_csv({})), "verifier": "1"}).content.decode()
    assert "Fichier sans erreur : 1 chiffre à ajouter" in html
    assert SurveyFigure.objects.count() == 0


def test_the_import_writes_the_figures_and_says_how_many(editor_client, survey) -> None:
    response = editor_client.post(URL, {"file": _upload(wave_csv({})), "importer": "1"}, follow=True)
    assert "1 chiffre(s) ajouté(s) à l&#x27;Observatoire." in response.content.decode()
    assert SurveyFigure.objects.count() == 1


def test_an_import_with_errors_shows_them_and_writes_nothing(editor_client, survey) -> None:
    html = editor_client.post(URL, {"file": _upload(wave_csv({"annee": "2999"})), "importer": "1"}).content.decode()
    assert "Ligne 2, colonne « annee » : l&#x27;année 2999 est dans le futur." in html
    assert SurveyFigure.objects.count() == 0


def test_a_missing_file_is_a_french_error_linked_to_the_field(editor_client, survey) -> None:
    html = editor_client.post(URL, {"verifier": "1"}).content.decode()
    assert "Choisissez le fichier CSV de la vague." in html
    assert 'aria-describedby="aide-fichier erreur-fichier"' in html


def test_the_template_downloads_aswave_csv(editor_client) -> None:
    response = editor_client.get(URL + "modele.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode("utf-8-sig").startswith("enquete;code_indicateur;")


def test_a_back_office_user_without_the_permission_is_refused(client, survey) -> None:
    from django.contrib.auth.models import Permission

    from tests.factories import UserFactory

    user = UserFactory.create()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.post(URL, {"file": _upload(wave_csv({})), "importer": "1"})
    assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail's refusal
    assert SurveyFigure.objects.count() == 0
