"""Entering, submitting, returning and approving values: rights, workflow, history, and each bad input."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from indicators import services
from indicators.models import Action, IndicatorValue, IndicatorValueEvent, IndicatorValuePart, Status
from indicators.services import PartInput
from reference.models import ActorKind
from tests.factories import MeasureFactory, UserFactory
from tests.indicators.factories import (
    alliance_with_partner,
    approved,
    indicator_for,
    member_of_partner,
    mission_member,
    moderator,
    percentage_indicator_for,
)
from tests.organisations.member_factories import OrganisationFactory, member_of

pytestmark = pytest.mark.django_db
Y2022 = dt.date(2022, 1, 1)


@pytest.fixture
def case(vocabularies):
    return alliance_with_partner()


@pytest.fixture
def partner(case):
    return member_of_partner(case, username="camille")


def _nothing_written() -> None:
    assert IndicatorValue.objects.count() == 0
    assert IndicatorValueEvent.objects.count() == 0
    assert IndicatorValuePart.objects.count() == 0


def test_a_partner_member_saves_a_draft_then_submits_it(case, partner) -> None:
    indicator = indicator_for(case)
    value = services.value_save(indicator=indicator, period_start=Y2022, user=partner, value="1 234,5")
    assert (value.status, value.value) == (Status.DRAFT, Decimal("1234.5"))
    services.value_submit(value=value, user=partner)
    value.refresh_from_db()
    assert value.status == Status.SUBMITTED
    assert list(value.events.values_list("action", flat=True)) == [Action.SAVED, Action.SUBMITTED]


def test_a_period_date_is_read_as_the_period_that_holds_it(case, partner) -> None:
    indicator = indicator_for(case, periodicity="quarterly")
    value = services.value_save(indicator=indicator, period_start=dt.date(2022, 5, 17), user=partner, value=3)
    assert value.period_start == dt.date(2022, 4, 1)
    assert value.period_label == "2e trimestre 2022"


def test_a_moderator_returns_with_a_comment_and_the_partner_corrects(case, partner) -> None:
    indicator = indicator_for(case)
    value = services.value_save(indicator=indicator, period_start=Y2022, user=partner, value=10, submit=True)
    services.value_return(value=value, reviewer=moderator(), comment="Le chiffre compte deux fois les mêmes personnes.")
    value.refresh_from_db()
    assert value.status == Status.RETURNED
    corrected = services.value_save(indicator=indicator, period_start=Y2022, user=partner, value=8, submit=True)
    assert (corrected.pk, corrected.status, corrected.value) == (value.pk, Status.SUBMITTED, Decimal(8))
    actions = list(corrected.events.values_list("action", "comment"))
    assert actions[1] == (Action.RETURNED, "Le chiffre compte deux fois les mêmes personnes.")
    assert [a for a, _ in actions] == [Action.SUBMITTED, Action.RETURNED, Action.SUBMITTED]


def test_returning_needs_a_comment(case, partner) -> None:
    value = services.value_save(indicator=indicator_for(case), period_start=Y2022, user=partner, value=10, submit=True)
    with pytest.raises(ValidationError, match="commentaire est obligatoire"):
        services.value_return(value=value, reviewer=moderator(), comment="  ")
    value.refresh_from_db()
    assert value.status == Status.SUBMITTED


def test_approval_publishes_and_locks_the_period(case, partner) -> None:
    indicator = indicator_for(case)
    value = approved(indicator, 2022, author=partner, reviewer=moderator(), value=10)
    assert value.status == Status.APPROVED and value.approved_at is not None
    with pytest.raises(ValidationError) as error:
        services.value_save(indicator=indicator, period_start=Y2022, user=partner, value=12)
    assert "publiée et verrouillée" in error.value.message_dict["period"][0]
    value.refresh_from_db()
    assert value.value == Decimal(10)
    assert value.events.count() == 2


def test_a_submitted_value_cannot_change_before_its_review(case, partner) -> None:
    indicator = indicator_for(case)
    services.value_save(indicator=indicator, period_start=Y2022, user=partner, value=10, submit=True)
    with pytest.raises(ValidationError, match="attend sa validation"):
        services.value_save(indicator=indicator, period_start=Y2022, user=partner, value=11)
    assert IndicatorValue.objects.get().value == Decimal(10)


def test_reopening_a_published_period_returns_it_with_the_reason(case, partner) -> None:
    indicator = indicator_for(case)
    reviewer = moderator()
    value = approved(indicator, 2022, author=partner, reviewer=reviewer, value=10)
    services.value_reopen(value=value, reviewer=reviewer, comment="Erreur de saisie signalée par le partenaire.")
    value.refresh_from_db()
    assert value.status == Status.RETURNED
    assert value.events.last().action == Action.REOPENED


def test_only_reviewers_approve(case, partner) -> None:
    value = services.value_save(indicator=indicator_for(case), period_start=Y2022, user=partner, value=1, submit=True)
    with pytest.raises(PermissionDenied):
        services.value_approve(value=value, reviewer=partner)
    value.refresh_from_db()
    assert value.status == Status.SUBMITTED


def test_a_draft_cannot_be_approved(case, partner) -> None:
    value = services.value_save(indicator=indicator_for(case), period_start=Y2022, user=partner, value=1)
    with pytest.raises(ValidationError, match="n'attend pas de validation"):
        services.value_approve(value=value, reviewer=moderator())


def test_someone_outside_the_partner_organisations_cannot_enter(case) -> None:
    stranger = member_of(OrganisationFactory(), username="dominique")
    with pytest.raises(PermissionDenied, match="membres des organisations partenaires"):
        services.value_save(indicator=indicator_for(case), period_start=Y2022, user=stranger, value=1)
    _nothing_written()


def test_a_moderator_does_not_enter_an_alliance_s_values(case) -> None:
    with pytest.raises(PermissionDenied):
        services.value_save(indicator=indicator_for(case), period_start=Y2022, user=moderator(), value=1)
    _nothing_written()


def test_the_mission_team_enters_a_measure_s_values_and_others_cannot(vocabularies) -> None:
    indicator = indicator_for(MeasureFactory(live=True))
    assert services.value_save(indicator=indicator, period_start=Y2022, user=mission_member(), value=4).pk
    with pytest.raises(PermissionDenied, match="équipe de la mission"):
        services.value_save(indicator=indicator, period_start=dt.date(2023, 1, 1), user=UserFactory(), value=4)


def test_a_registered_entry_rule_admits_more_people(vocabularies) -> None:
    from indicators import permissions

    facilitator = UserFactory(username="facilitatrice")
    measure = MeasureFactory(live=True)
    permissions.register_entry_rule("test-facilitators", lambda user, indicator: user == facilitator)
    try:
        value = services.value_save(
            indicator=indicator_for(measure), period_start=Y2022, user=facilitator, value=2, submit=True
        )
    finally:
        permissions._entry_rules.pop("test-facilitators")
    assert value.status == Status.SUBMITTED


@pytest.mark.parametrize("raw", ["douze", "12 personnes", "1e5", "NaN", "12,5,3", "∞"])
def test_a_non_numeric_value_is_refused(case, partner, raw) -> None:
    with pytest.raises(ValidationError) as error:
        services.value_save(indicator=indicator_for(case), period_start=Y2022, user=partner, value=raw)
    assert error.value.message_dict["value"][0].startswith("La valeur doit être un nombre")
    _nothing_written()


def test_a_missing_value_is_refused(case, partner) -> None:
    with pytest.raises(ValidationError) as error:
        services.value_save(indicator=indicator_for(case), period_start=Y2022, user=partner, value="")
    assert error.value.message_dict["value"] == ["Indiquez la valeur."]
    _nothing_written()


def test_a_percentage_without_denominator_is_refused(case, partner) -> None:
    with pytest.raises(ValidationError) as error:
        services.value_save(indicator=percentage_indicator_for(case), period_start=Y2022, user=partner, numerator="12")
    assert "indiquez le dénominateur" in error.value.message_dict["denominator"][0]
    _nothing_written()


@pytest.mark.parametrize(
    ("numerator", "denominator", "message"),
    [("30", "20", "ne peut pas dépasser le dénominateur"), ("3", "0", "supérieur à zéro"), ("-1", "5", "négatif")],
)
def test_a_percentage_with_impossible_figures_is_refused(case, partner, numerator, denominator, message) -> None:
    with pytest.raises(ValidationError, match=message):
        services.value_save(
            indicator=percentage_indicator_for(case),
            period_start=Y2022,
            user=partner,
            numerator=numerator,
            denominator=denominator,
        )
    _nothing_written()


def test_a_percentage_is_stored_from_its_numerator_and_denominator(case, partner) -> None:
    value = services.value_save(
        indicator=percentage_indicator_for(case), period_start=Y2022, user=partner, numerator="3", denominator="8"
    )
    assert value.value == Decimal("37.5")


@pytest.mark.parametrize(
    ("period", "message"),
    [(dt.date(2019, 1, 1), "hors de la période de suivi"), (dt.date(2026, 1, 1), "hors de la période de suivi")],
)
def test_a_period_outside_the_indicator_s_range_is_refused(case, partner, period, message) -> None:
    with pytest.raises(ValidationError) as error:
        services.value_save(indicator=indicator_for(case), period_start=period, user=partner, value=1)
    assert message in error.value.message_dict["period"][0]
    assert "de 2021 à 2025" in error.value.message_dict["period"][0]
    _nothing_written()


def test_a_period_not_yet_begun_is_refused(case, partner) -> None:
    indicator = indicator_for(case, last_period=None)
    next_year = dt.date(dt.date.today().year + 1, 1, 1)
    with pytest.raises(ValidationError, match="n'a pas encore commencé"):
        services.value_save(indicator=indicator, period_start=next_year, user=partner, value=1)
    _nothing_written()


def test_an_outlier_is_kept_with_a_warning_for_the_validator(case, partner) -> None:
    indicator = indicator_for(case)
    approved(indicator, 2021, author=partner, reviewer=moderator(), value=40)
    value = services.value_save(indicator=indicator, period_start=Y2022, user=partner, value=400, submit=True)
    assert value.status == Status.SUBMITTED
    assert "Valeur atypique : 400 contre 40 pour 2021" in value.outlier_note
    ordinary = services.value_save(indicator=indicator, period_start=dt.date(2023, 1, 1), user=partner, value=500)
    assert ordinary.outlier_note == ""


def test_a_disaggregation_is_kept_beside_the_explicit_total(case, partner) -> None:
    association = ActorKind.objects.get(slug="association")
    value = services.value_save(
        indicator=indicator_for(case),
        period_start=Y2022,
        user=partner,
        value=100,
        parts=[PartInput(dimension="actor_kind", actor_kind=association, amount="60")],
    )
    assert value.value == Decimal(100)
    assert [(p.label, p.amount) for p in value.parts.all()] == [("Association", Decimal(60))]


def test_a_disaggregation_above_the_total_is_refused(case, partner) -> None:
    kinds = ActorKind.objects.filter(slug__in=["association", "entreprise"])
    with pytest.raises(ValidationError, match="dépasse le total"):
        services.value_save(
            indicator=indicator_for(case),
            period_start=Y2022,
            user=partner,
            value=100,
            parts=[PartInput(dimension="actor_kind", actor_kind=k, amount="60") for k in kinds],
        )
    _nothing_written()


def test_a_disaggregation_line_with_a_bad_number_names_its_line(case, partner) -> None:
    with pytest.raises(ValidationError, match="Ventilation, ligne 1, la valeur doit être un nombre"):
        services.value_save(
            indicator=indicator_for(case),
            period_start=Y2022,
            user=partner,
            value=100,
            parts=[PartInput(dimension="actor_kind", actor_kind=ActorKind.objects.first(), amount="beaucoup")],
        )
    _nothing_written()


def test_a_territory_line_names_the_territory(territories, vocabularies, partner, case) -> None:
    value = services.value_save(
        indicator=indicator_for(case),
        period_start=Y2022,
        user=partner,
        value=10,
        parts=[PartInput(dimension="territory", territory_level="departement", territory_code="13", amount=4)],
    )
    assert value.parts.get().territory_name.startswith("Bouches-du-Rhône")
    with pytest.raises(ValidationError, match="aucun\\(e\\) département de code « 99 »"):
        services.value_save(
            indicator=indicator_for(case),
            period_start=Y2022,
            user=partner,
            value=10,
            parts=[PartInput(dimension="territory", territory_level="departement", territory_code="99", amount=4)],
        )


def test_an_evidence_file_that_is_not_what_it_says_is_refused(case, partner) -> None:
    fake = SimpleUploadedFile("rapport.pdf", b"not a pdf at all", content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        services.value_save(
            indicator=indicator_for(case), period_start=Y2022, user=partner, value=1, evidence_file=fake
        )
    assert "n'est pas un PDF" in error.value.message_dict["evidence_file"][0]
    _nothing_written()


def test_an_evidence_link_must_be_an_address(case, partner) -> None:
    with pytest.raises(ValidationError) as error:
        services.value_save(
            indicator=indicator_for(case), period_start=Y2022, user=partner, value=1, evidence_url="pas une adresse"
        )
    assert "evidence_url" in error.value.message_dict
    _nothing_written()


def test_indicators_sharing_a_code_must_add_up(case) -> None:
    indicator_for(case, shared_code="personnes-accompagnees")
    with pytest.raises(ValidationError, match="ne peuvent pas s'additionner"):
        percentage_indicator_for(case, shared_code="personnes-accompagnees")


def test_an_indicator_has_exactly_one_subject(case) -> None:
    with pytest.raises(ValidationError, match="un seul des trois"):
        indicator_for(case, measure=MeasureFactory())


def test_an_indicator_of_a_demo_case_is_demo(vocabularies) -> None:
    demo = alliance_with_partner(is_demo=True)
    assert indicator_for(demo).is_demo
