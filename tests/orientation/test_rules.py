"""The routing rules of version 1, table-driven: profile + answers → the kit sheets, studies and forces proposed."""

from __future__ import annotations

import pytest

from orientation.engine import fired_rules, situation
from resources.models import Study
from tests.orientation.conftest import chosen

# (case, answers, kit sheets, studies (slugs), forces (numbers))
RULE_TABLE = [
    (
        "association qui découvre",
        {"profil": ["association"], "maturite": ["decouvrir"]},
        {"argumentaire"},
        set(),
        set(),
    ),
    (
        "association qui se lance et cherche des exemples",
        {"profil": ["association"], "maturite": ["se-lancer"], "besoins": ["exemples"]},
        {"diversite-des-modeles-de-partenariats", "cartographie-des-outils"},
        set(),
        {3},
    ),
    (
        "association qui approfondit",
        {"profil": ["association"], "maturite": ["approfondir"]},
        {"cartographie-des-outils"},
        {"referentiel-modeles-socio-economiques-interet-general"},
        {6},
    ),
    (
        "entreprise qui vise les ODD",
        {"profil": ["entreprise"], "objectifs": ["odd"]},
        set(),
        {
            "etude-jouer-collectif-sortie-de-crise-volet-entreprises",
            "benchmark-pratiques-odd-des-entreprises",
            "note-de-decryptage-odd-17-comite-21",
        },
        {2},
    ),
    (
        "entreprise qui approfondit (la règle des associations ne s'applique pas)",
        {"profil": ["entreprise"], "maturite": ["approfondir"]},
        {"cartographie-des-outils"},
        {"etude-jouer-collectif-sortie-de-crise-volet-entreprises"},
        set(),
    ),
    (
        "collectivité qui cherche un accompagnement",
        {"profil": ["collectivite"], "besoins": ["accompagnement"]},
        {"co-construire-territorialement"},
        {"referentiel-co-construction-territoriale", "etude-impact-elus-locaux"},
        {5},
    ),
    (
        "service de l'État",
        {"profil": ["etat"]},
        set(),
        {"rapport-de-la-mission-ministerielle"},
        {7},
    ),
    (
        "citoyen qui veut comprendre",
        {"profil": ["citoyen"], "besoins": ["comprendre"]},
        {"argumentaire"},
        {"etude-jouer-collectif-sortie-de-crise-volet-citoyens", "note-prospective-7-forces-du-changement-odd-17"},
        {1},
    ),
    (
        "« je ne sais pas » ne déclenche rien",
        {"profil": ["association"], "maturite": ["ne-sait-pas"], "besoins": ["ne-sait-pas"]},
        set(),
        set(),
        set(),
    ),
    (
        "une réponse à une question d'un autre profil est ignorée (l'échelle n'est pas demandée au citoyen)",
        {"profil": ["citoyen"], "echelle": ["locale"]},
        {"argumentaire"},
        {"etude-jouer-collectif-sortie-de-crise-volet-citoyens"},
        set(),
    ),
]


@pytest.mark.parametrize(
    ("answers", "sheets", "studies", "forces"),
    [row[1:] for row in RULE_TABLE],
    ids=[row[0] for row in RULE_TABLE],
)
def test_rules_propose(version, questionnaire, answers, sheets, studies, forces) -> None:
    fired = fired_rules(questionnaire, situation(questionnaire, chosen(version, answers)))
    targets: dict[str, set] = {"kit_sheet": set(), "study": set(), "force": set(), "tool": set()}
    for item in fired:
        targets[item.rule.target_kind].add(item.rule.target_id)
    study_slugs = set(Study.objects.filter(pk__in=targets["study"]).values_list("slug", flat=True))
    from reference.models import ForceOfChange

    force_numbers = set(ForceOfChange.objects.filter(pk__in=targets["force"]).values_list("number", flat=True))
    assert (targets["kit_sheet"], study_slugs, force_numbers) == (sheets, studies, forces)


# (case, answers, questions missing)
MISSING_TABLE = [
    (
        "association sans autre réponse : toutes ses questions manquent",
        {"profil": ["association"]},
        {
            "maturite",
            "situation-association",
            "objectifs",
            "partenaires",
            "modalites",
            "phase",
            "echelle",
            "besoins",
        },
    ),
    (
        "« je ne sais pas » compte comme une réponse manquante",
        {"profil": ["citoyen"], "maturite": ["ne-sait-pas"], "engagement-citoyen": ["pas-encore"]},
        {"maturite", "objectifs", "comment-agir", "besoins"},
    ),
    (
        "« je ne sais pas » coché avec une vraie réponse : la vraie réponse est gardée",
        {
            "profil": ["citoyen"],
            "maturite": ["decouvrir"],
            "engagement-citoyen": ["benevole"],
            "objectifs": ["odd", "ne-sait-pas"],
            "comment-agir": ["rencontres"],
            "besoins": ["exemples"],
        },
        set(),
    ),
]


@pytest.mark.parametrize(
    ("answers", "missing"), [row[1:] for row in MISSING_TABLE], ids=[row[0] for row in MISSING_TABLE]
)
def test_missing_answers(version, questionnaire, answers, missing) -> None:
    found = situation(questionnaire, chosen(version, answers))
    assert {question.key for question in found.missing} == missing


def test_je_ne_sais_pas_is_no_maturity_rather_than_the_lowest(version, questionnaire) -> None:
    found = situation(questionnaire, chosen(version, {"profil": ["association"], "maturite": ["ne-sait-pas"]}))
    assert found.maturity == ""


def test_no_choice_carries_a_score_and_modalities_are_side_by_side(version) -> None:
    """Nothing in the data ranks: the modality answers have no maturity, no phase, no order of merit."""
    from orientation.models import Choice

    modality_choices = Choice.objects.filter(question__version=version, question__key="modalites", is_unknown=False)
    assert modality_choices.count() == 4
    assert not modality_choices.exclude(maturity="").exists()
    assert not modality_choices.exclude(phase="").exists()
    assert not any(hasattr(choice, field) for choice in modality_choices for field in ("score", "weight", "level"))
