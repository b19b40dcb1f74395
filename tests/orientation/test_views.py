"""The pages of « Par où commencer ? »: bad input answered in French, results kept, shared, compared."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from orientation.models import AnswerSet, QuestionnaireVersion
from tests.factories import UserFactory

QUESTIONS = "/par-ou-commencer/questions/"


def _post(client, answers: dict[str, object], **extra: str):
    data = {"profil": "association", "code": "02408", **{f"q-{key}": value for key, value in answers.items()}, **extra}
    return client.post(QUESTIONS, data)


def test_the_start_page_asks_the_profile_and_the_commune(client, version) -> None:
    response = client.get("/par-ou-commencer/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Étape 1 sur 3" in content
    assert 'name="profil" value="association"' in content and 'name="commune"' in content


def test_an_unknown_commune_is_a_french_message_on_the_field(client, version) -> None:
    response = client.get(QUESTIONS, {"profil": "association", "commune": "Zzyzx"})
    assert response.status_code == 200
    assert "Aucune commune ne correspond à « Zzyzx »" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()


def test_a_postcode_of_several_communes_asks_which(client, version) -> None:
    response = client.get(QUESTIONS, {"profil": "association", "commune": "02000"})
    content = response.content.decode()
    assert "Plusieurs communes correspondent à « 02000 »" in content
    assert 'name="code" value="02408"' in content  # Laon is one of them
    assert 'value="association" checked' in content  # the profile is kept


def test_a_missing_or_unknown_profile_is_asked_again(client, version) -> None:
    assert "Indiquez qui vous êtes." in client.get(QUESTIONS, {"commune": "Laon"}).content.decode()
    assert "Profil inconnu" in client.get(QUESTIONS, {"profil": "martien", "commune": "Laon"}).content.decode()


def test_step_2_asks_the_questions_of_the_profile(client, version) -> None:
    content = client.get(QUESTIONS, {"profil": "association", "commune": "Laon"}).content.decode()
    assert "Votre association emploie-t-elle des salariés ?" in content
    assert "Quelle est la taille de votre entreprise ?" not in content
    assert "Étape 2 sur 3" in content


def test_a_code_typed_over_without_javascript_is_not_kept(client, version) -> None:
    """The hidden code of a previous commune yields to the name typed in the field."""
    content = client.get(QUESTIONS, {"profil": "association", "commune": "Soissons", "code": "02408"}).content.decode()
    assert "à Soissons (02)" in content


def test_an_unknown_answer_is_refused_in_french_and_nothing_is_kept(client, version) -> None:
    response = _post(client, {"maturite": "expert", "objectifs": ["odd", "conquerir"]})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Réponse inconnue pour « Où en êtes-vous avec les alliances ? »" in content
    assert "Réponse inconnue pour « Qu&#x27;attendez-vous d&#x27;une alliance ? »" in content
    assert not AnswerSet.objects.exists()


def test_missing_answers_are_listed_and_the_others_kept(client, version) -> None:
    response = _post(client, {"maturite": "ne-sait-pas", "objectifs": ["odd"]})
    assert response.status_code == 302
    page = client.get(response["Location"])
    content = page.content.decode()
    assert "7 questions sans réponse" in content
    assert "Où en êtes-vous avec les alliances ?" in content.split("questions sans réponse")[1].split("</ul>")[0]
    assert "Maturité déclarée : non précisée" in content
    assert "Contribuer aux objectifs" not in content.split("questions sans réponse")[1].split("</ul>")[0]
    assert "Force du changement n° 2" in content  # the ODD answer was kept and its rule fired


def test_an_anonymous_result_has_an_unguessable_shareable_address(client, version) -> None:
    response = _post(client, {"maturite": "decouvrir"})
    token = response["Location"].rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 24
    other_visitor = client.__class__()
    page = other_visitor.get(response["Location"])
    assert page.status_code == 200
    assert page["X-Robots-Tag"] == "noindex"
    assert "Lien de ce résultat" in page.content.decode()
    assert client.get("/par-ou-commencer/resultat/pas-un-jeton/").status_code == 404


def test_a_signed_in_result_is_kept_private_and_listed_in_my_space(client, version) -> None:
    user = UserFactory()
    client.force_login(user)
    location = _post(client, {"maturite": "decouvrir"})["Location"]
    answer_set = AnswerSet.objects.get()
    assert answer_set.user == user
    space = client.get(reverse("accounts:dashboard")).content.decode()
    assert "Mes résultats « Par où commencer ? »" in space and location in space
    assert client.__class__().get(location).status_code == 404


def test_taking_it_again_shows_what_moved(client, version) -> None:
    user = UserFactory()
    client.force_login(user)
    _post(client, {"maturite": "decouvrir"})
    second = client.get(_post(client, {"maturite": "se-lancer"})["Location"]).content.decode()
    assert "Ce qui a changé depuis votre résultat du" in second
    table = second.split("Vos réponses qui ont changé")[1].split("</table>")[0]
    assert re.search(r"Je découvre ce que veut dire « faire alliance ».*Je veux me lancer", table, re.S)
    assert (
        "Fiche 2 — Illustration de la diversité des modèles de partenariats"
        in second.split('id="nouvelles-propositions"')[1]
    )
    assert "Argumentaire" in second.split('id="propositions-retirees"')[1].split("</ul>")[0]


def test_an_anonymous_person_compares_through_the_link_they_came_from(client, version) -> None:
    first = _post(client, {"maturite": "decouvrir"})["Location"]
    token = first.rstrip("/").rsplit("/", 1)[1]
    second = _post(client, {"maturite": "approfondir"}, depuis=token)
    previous = AnswerSet.objects.get(token=second["Location"].rstrip("/").rsplit("/", 1)[1]).previous
    assert previous is not None and previous.token == token


def test_a_result_keeps_showing_under_its_version_after_a_new_one(client, version) -> None:
    from orientation.services import version_copy, version_publish

    location = _post(client, {"maturite": "decouvrir"})["Location"]
    version_publish(version=version_copy(version=version))
    content = client.get(location).content.decode()
    assert "questionnaire version 1" in content and "une version plus récente existe" in content
    current = QuestionnaireVersion.objects.current()
    assert current is not None and current.number == 2


def test_the_owner_deletes_a_result(client, version) -> None:
    user = UserFactory()
    client.force_login(user)
    _post(client, {"maturite": "decouvrir"})
    token = AnswerSet.objects.get().token
    assert client.post(reverse("orientation:delete", args=[token])).status_code == 302
    assert not AnswerSet.objects.exists()


def test_nobody_deletes_an_anonymous_result(client, version) -> None:
    _post(client, {"maturite": "decouvrir"})
    token = AnswerSet.objects.get().token
    assert client.post(reverse("orientation:delete", args=[token])).status_code == 404
    assert AnswerSet.objects.exists()


def test_without_a_published_version_the_page_says_so(client, db) -> None:
    response = client.get("/par-ou-commencer/")
    assert response.status_code == 503
    assert "pas encore publié" in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/particuliers/", "/organisations/"])
def test_home_and_both_doors_lead_to_it(client, version, path) -> None:
    assert 'href="/par-ou-commencer/"' in client.get(path).content.decode()
