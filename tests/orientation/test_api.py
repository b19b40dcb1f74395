"""The questionnaire's published versions through the API; a person's answers only in their own data download."""

from __future__ import annotations

import json

from orientation import services
from orientation.models import Choice
from tests.factories import UserFactory
from tests.orientation.conftest import chosen


def test_the_api_lists_published_versions_with_questions_and_rules(client, version) -> None:
    services.version_copy(version=version)  # a draft: not listed
    data = client.get("/api/v1/orientation/versions").json()
    assert data["count"] == 1
    listed = data["items"][0]
    assert listed["number"] == 1 and "questionnaire.yml" in listed["provenance"]
    profile = listed["questions"][0]
    assert profile["role"] == "profile"
    profiles = {c["profile"] for c in profile["choices"]}
    assert profiles == {"association", "entreprise", "collectivite", "etat", "citoyen"}
    assert listed["rules"][0] == {
        "position": 1,
        "when": [{"question": "maturite", "answer": "decouvrir"}],
        "proposes": "kit_sheet",
        "target": "argumentaire",
        "reason": "Vous découvrez les alliances : cette fiche donne les premières clés de lecture.",
    }


def test_my_data_download_has_my_answers(client, version) -> None:
    user = UserFactory.create()
    services.answer_set_create(
        version=version,
        choices=Choice.objects.filter(pk__in=chosen(version, {"profil": ["association"], "maturite": ["decouvrir"]})),
        commune_name="Laon (02)",
        user=user,
    )
    client.force_login(user)
    data = json.loads(client.get("/mon-espace/mes-donnees.json").content)
    kept = data["resultats_d_orientation"]
    assert kept[0]["commune"] == "Laon (02)" and kept[0]["version_du_questionnaire"] == 1
    assert {"question": "Vous êtes…", "reponse": "une association"} in kept[0]["reponses"]
