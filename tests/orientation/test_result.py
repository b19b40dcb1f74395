"""The personal page of next steps: tools by maturity and phase, cases nearby, the catalysts and listings of the
territory, and rule targets that are no longer published left out."""

from __future__ import annotations

import pytest

from hub.services import item_unpublish
from orientation.engine import read_questionnaire
from orientation.models import Rule, RuleCondition, TargetKind
from orientation.selectors import orientation_result
from reference.models import ActorKind, PartnershipModality
from resources.models import Tool
from territories.models import Commune
from tests.alliances.factories import listing_of, verified_organisation
from tests.cases.factories import CaseFactory, partners
from tests.catalysts.factories import CatalystFactory
from tests.orientation.conftest import chosen
from tests.resources.factories import ToolFactory

LAON = "02408"
ASSOCIATION_STARTING = {
    "profil": ["association"],
    "maturite": ["se-lancer"],
    "phase": ["concevoir"],
    "modalites": ["cooperation-economique"],
}


@pytest.fixture
def laon(territories: None) -> Commune:
    return Commune.objects.select_related("departement").get(code=LAON)


def _result(version, answers, commune, **kwargs):
    return orientation_result(
        questionnaire=read_questionnaire(version), chosen_ids=chosen(version, answers), commune=commune, **kwargs
    )


def test_tools_match_the_declared_maturity_phase_and_profile(version, laon) -> None:
    association = ActorKind.objects.get(slug="association")
    entreprise = ActorKind.objects.get(slug="entreprise")
    fits = ToolFactory.create(title="Guide pour se lancer (exemple fictif)", maturity="se-lancer", phase="concevoir")
    for_associations = ToolFactory.create(
        title="Trame pour associations (exemple fictif)",
        maturity="se-lancer",
        phase="concevoir",
        audiences=[association],
    )
    ToolFactory.create(
        title="Pour entreprises seulement", maturity="se-lancer", phase="concevoir", audiences=[entreprise]
    )
    ToolFactory.create(title="Pour approfondir", maturity="approfondir", phase="concevoir")
    ToolFactory.create(title="Pour évaluer", maturity="se-lancer", phase="evaluer")

    result = _result(version, ASSOCIATION_STARTING, laon)

    assert {p.title for p in result.tools} == {fits.title, for_associations.title}
    assert result.tools_basis[0] == "maturité « Se lancer »"
    assert "maturity=se-lancer" in result.tools_url and "phase=concevoir" in result.tools_url


def test_an_unknown_maturity_filters_no_tool(version, laon) -> None:
    ToolFactory.create(title="Découvrir", maturity="decouvrir")
    ToolFactory.create(title="Approfondir", maturity="approfondir")
    result = _result(version, {"profil": ["association"], "maturite": ["ne-sait-pas"]}, laon)
    assert {p.title for p in result.tools} == {"Découvrir", "Approfondir"}
    assert not any("maturité" in basis for basis in result.tools_basis)


def test_cases_nearby_put_the_similar_first_and_stay_in_the_departement(version, laon) -> None:
    cooperation = PartnershipModality.objects.get(slug="cooperation-economique")
    CaseFactory(
        title="Ailleurs",
        territory_level="departement",
        territory_code="13",
        partners=partners("association", "entreprise"),
    )
    CaseFactory(
        title="Entre entreprises",
        territory_level="departement",
        territory_code="02",
        partners=partners("entreprise", "collectivite"),
    )
    CaseFactory(
        title="Association et coopération à Laon",
        territory_level="commune",
        territory_code=LAON,
        modality=cooperation,
        partners=partners("association", "entreprise"),
    )
    CaseFactory(
        title="Association dans l'Aisne",
        territory_level="departement",
        territory_code="02",
        partners=partners("association", "collectivite"),
    )

    result = _result(version, ASSOCIATION_STARTING, laon)

    assert [p.title for p in result.cases] == [
        "Association et coopération à Laon",
        "Association dans l'Aisne",
        "Entre entreprises",
    ]
    assert result.cases_total == 3
    assert "Un partenaire est de votre type : association" in result.cases[0].reasons
    assert "Modalité qui vous intéresse : coopération économique" in result.cases[0].reasons
    assert result.cases[0].reasons[0] == "Dans votre commune, Laon"


def test_the_catalysts_of_the_departement_those_for_the_profile_first(version, laon) -> None:
    association = ActorKind.objects.get(slug="association")
    general = CatalystFactory.create(name="A — catalyseur de l'Aisne", departements=["02"])
    for_associations = CatalystFactory.create(name="B — pour les associations de l'Aisne", departements=["02"])
    for_associations.audiences.set([association])
    CatalystFactory.create(name="Catalyseur des Hauts-de-France", regions=["32"])
    CatalystFactory.create(name="Catalyseur du Nord", departements=["59"])

    result = _result(version, ASSOCIATION_STARTING, laon)

    assert [p.title for p in result.catalysts] == [
        for_associations.name,
        general.name,
        "Catalyseur des Hauts-de-France",
    ]
    assert "Accompagne les associations" in result.catalysts[0].reasons


def test_the_listings_of_the_departement_those_seeking_the_profile_first(version, laon) -> None:
    organisation = verified_organisation(name="Atelier de l'Aisne")
    association = ActorKind.objects.get(slug="association")
    listing_of(organisation, title="Cherche une entreprise", territory_code=LAON)
    seeking = listing_of(
        organisation, title="Cherche une association", territory_code=LAON, partner_kinds=[association]
    )
    listing_of(organisation, title="Ailleurs", territory_code="13055")

    result = _result(version, ASSOCIATION_STARTING, laon)

    assert [p.title for p in result.listings] == [seeking.title, "Cherche une entreprise"]
    assert result.listings_total == 2
    assert "niveau=departement" in result.listings_url and "code=02" in result.listings_url


def test_a_rule_pointing_to_an_unpublished_tool_is_never_shown(version, laon) -> None:
    from orientation.models import QuestionnaireVersion
    from orientation.services import version_copy, version_publish

    tool = ToolFactory.create(title="Outil désigné par une règle", maturity="approfondir", phase="evaluer")
    draft = version_copy(version=version)
    rule = Rule.objects.create(version=draft, position=99, target_kind=TargetKind.TOOL, tool=tool, reason="Essai")
    RuleCondition.objects.create(rule=rule, choice=draft.questions.get(key="maturite").choices.get(key="decouvrir"))
    version_publish(version=draft)
    draft = QuestionnaireVersion.objects.get(pk=draft.pk)
    answers = {"profil": ["association"], "maturite": ["decouvrir"]}
    assert tool.title in {p.title for p in _result(draft, answers, laon).tools}

    item_unpublish(item=Tool.objects.get(pk=tool.pk))

    assert tool.title not in {p.title for p in _result(draft, answers, laon).tools}


def test_demo_content_is_labelled_and_can_be_hidden(version, laon) -> None:
    CaseFactory(title="Exemple fictif dans l'Aisne", territory_level="departement", territory_code="02", demo=True)
    shown = _result(version, ASSOCIATION_STARTING, laon)
    assert shown.cases[0].is_demo and shown.cases_demo == 1
    hidden = _result(version, ASSOCIATION_STARTING, laon, hide_demo=True)
    assert hidden.cases == [] and hidden.cases_total == 0


def test_without_a_commune_no_local_block_is_guessed(version) -> None:
    result = _result(version, ASSOCIATION_STARTING, None)
    assert result.cases == [] and result.catalysts == [] and result.listings == []
    assert len(result.modalities) == 4
