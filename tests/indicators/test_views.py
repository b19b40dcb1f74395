"""Pages of the indicators: the public page (chart + table, « non renseigné »), the results on case,
measure and SDG target pages, the entry form (rights, French errors, nothing written), the back office,
the CSV files and the API."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from indicators import services
from indicators.models import IndicatorValue, Status
from reference.models import SdgTarget
from tests.factories import MeasureFactory, UserFactory
from tests.indicators.factories import (
    alliance_with_partner,
    approved,
    indicator_for,
    member_of_partner,
    moderator,
    percentage_indicator_for,
)
from tests.organisations.member_factories import OrganisationFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(vocabularies):
    return alliance_with_partner()


@pytest.fixture
def partner(case):
    return member_of_partner(case, username="camille")


@pytest.fixture
def published(case, partner):
    indicator = indicator_for(
        case, slug="personnes-accompagnees", rolls_up=True, sdg_targets=[SdgTarget.objects.get(code="8.6")]
    )
    approved(indicator, 2021, author=partner, reviewer=moderator(), value=1250)
    services.value_save(indicator=indicator, period_start=dt.date(2023, 1, 1), user=partner, value=99, submit=True)
    return indicator


def test_the_indicator_page_shows_the_chart_and_every_period(client, published) -> None:
    response = client.get(published.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert f'src="/indicateurs/{published.slug}/graphique.svg"' in html
    assert "<caption>Personnes accompagnées (exemple fictif) — valeurs par période</caption>" in html
    assert "1\u202f250 personnes" in html
    assert html.count("non renseigné") >= 4  # 2022 to 2025; the submitted 2023 value is not public
    assert "99" not in html.split("<caption>")[1]


def test_the_chart_is_svg_with_a_gap_for_missing_periods(client, published) -> None:
    response = client.get(reverse("indicators:chart", args=[published.slug]))
    assert response["Content-Type"].startswith("image/svg+xml")
    assert b"1\xe2\x80\xaf250 personnes" in response.content


def test_the_case_page_shows_measured_results(client, published, case) -> None:
    html = client.get(case.get_absolute_url()).content.decode()
    assert 'id="resultats-mesures">Résultats mesurés</h2>' in html
    assert f'href="/indicateurs/{published.slug}/"' in html


def test_a_measure_page_shows_its_indicators(client, programme) -> None:
    from roadmap.models import Measure

    measure = Measure.objects.get(programme=programme, number=2)
    indicator_for(measure, name="Indicateur de la mesure (exemple fictif)", is_demo=True)
    html = client.get(measure.get_absolute_url()).content.decode()
    assert "Indicateurs de la mesure" in html and "Indicateur de la mesure (exemple fictif)" in html


def test_the_sdg_target_page_shows_the_roll_up(client, published) -> None:
    html = client.get(reverse("cases:sdg_target", args=["8.6"])).content.decode()
    assert "Résultats mesurés de la cible 8.6" in html
    assert "1 sur 1" in html


def test_an_unpublished_subject_hides_its_indicator(client, vocabularies) -> None:
    indicator = indicator_for(MeasureFactory(live=False))
    assert client.get(indicator.get_absolute_url()).status_code == 404


def test_the_entry_form_asks_to_sign_in(client, published) -> None:
    response = client.get(reverse("indicators:enter", args=[published.slug]))
    assert response.status_code == 302 and "/connexion/" in response["Location"]


def test_a_stranger_is_refused_the_entry_form(client, published) -> None:
    client.force_login(member_of(OrganisationFactory(), username="dominique"))
    response = client.post(reverse("indicators:enter", args=[published.slug]), {"period": "2022-01-01", "value": "3"})
    assert response.status_code == 403
    assert "membres des organisations partenaires" in response.content.decode()
    assert not IndicatorValue.objects.filter(period_start=dt.date(2022, 1, 1)).exists()


def test_a_partner_submits_a_value_through_the_form(client, published, partner) -> None:
    client.force_login(partner)
    url = reverse("indicators:enter", args=[published.slug])
    response = client.post(
        url, {"period": "2022-01-01", "value": "1 300", "kind_association": "800", "action": "submit"}
    )
    assert response.status_code == 302
    value = IndicatorValue.objects.get(period_start=dt.date(2022, 1, 1))
    assert (value.status, value.parts.get().label) == (Status.SUBMITTED, "Association")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"period": "2022-01-01", "value": "douze"}, "La valeur doit être un nombre"),
        ({"period": "2021-01-01", "value": "3"}, "publiée et verrouillée"),
        ({"period": "2019-01-01", "value": "3"}, "Sélectionnez un choix valide"),
        ({"period": "", "value": "3"}, "Choisissez la période de la valeur."),
        ({"period": "2022-01-01", "value": "3", "evidence_url": "ftp//x"}, "Saisissez une URL valide"),
        ({"period": "2022-01-01", "value": "3", "kind_association": "9"}, "dépasse le total"),
    ],
)
def test_bad_input_in_the_form_is_answered_in_french_and_writes_nothing(
    client, published, partner, data, message
) -> None:
    client.force_login(partner)
    before = list(IndicatorValue.objects.values_list("pk", "status", "value"))
    response = client.post(reverse("indicators:enter", args=[published.slug]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert list(IndicatorValue.objects.values_list("pk", "status", "value")) == before


def test_a_percentage_form_needs_its_denominator(client, case, partner) -> None:
    indicator = percentage_indicator_for(case)
    client.force_login(partner)
    response = client.post(
        reverse("indicators:enter", args=[indicator.slug]), {"period": "2022-01-01", "numerator": "3"}
    )
    assert response.status_code == 400
    assert "indiquez le dénominateur" in response.content.decode()
    assert not IndicatorValue.objects.filter(indicator=indicator).exists()


def test_the_back_office_lists_the_outlier_warning_and_approves(client, published, partner) -> None:
    reviewer = moderator()
    client.force_login(reviewer)
    value = IndicatorValue.objects.get(period_start=dt.date(2023, 1, 1))
    html = client.get(reverse("indicators_review")).content.decode()
    assert "Valeur atypique" in html
    response = client.post(reverse("indicators_decide", args=[value.pk]), {"decision": "approve"})
    assert response.status_code == 302
    value.refresh_from_db()
    assert value.status == Status.APPROVED


def test_the_back_office_refuses_a_return_without_comment(client, published) -> None:
    client.force_login(moderator())
    value = IndicatorValue.objects.get(period_start=dt.date(2023, 1, 1))
    client.post(reverse("indicators_decide", args=[value.pk]), {"decision": "return", "reason": ""})
    value.refresh_from_db()
    assert value.status == Status.SUBMITTED


def test_the_back_office_review_is_refused_to_others(client, published, partner) -> None:
    client.force_login(partner)
    value = IndicatorValue.objects.get(period_start=dt.date(2023, 1, 1))
    client.post(reverse("indicators_decide", args=[value.pk]), {"decision": "approve"})
    value.refresh_from_db()
    assert value.status == Status.SUBMITTED


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_the_values_csv_lists_missing_periods_as_missing(client, published) -> None:
    rows = _csv(client.get(reverse("indicators:values_csv", args=[published.slug])))
    assert rows[0][:5] == ["indicateur", "periode", "libelle_periode", "statut", "valeur"]
    by_period = {row[1]: row for row in rows[1:]}
    assert by_period["2021"][3:5] == ["approuvée", "1250"]
    assert by_period["2023"][3:5] == ["non renseigné", ""]


def test_the_approved_values_csv_holds_only_approved_values(client, published) -> None:
    rows = _csv(client.get(reverse("indicators:approved_values_csv")))
    assert [row[:3] for row in rows[1:]] == [[published.slug, "2021", "total"]]


def test_the_api_lists_indicators_and_their_periods(client, published) -> None:
    body = client.get("/api/v1/indicators").json()
    assert body["count"] == 1 and body["items"][0]["slug"] == published.slug
    assert body["items"][0]["subject"]["type"] == "alliance"
    periods = client.get(f"/api/v1/indicators/{published.slug}/values").json()
    first, second = periods["items"][:2]
    assert (first["period"], first["reported"], float(first["value"])) == ("2021", True, 1250.0)
    assert (second["reported"], second["value"]) == (False, None)
    values = client.get("/api/v1/indicators/values").json()
    assert values["count"] == 1
    assert client.get("/api/v1/indicators/inconnu").status_code == 404


def test_the_index_lists_indicators_and_the_demo_share(client, published) -> None:
    indicator_for(alliance_with_partner(OrganisationFactory.create(), is_demo=True))
    html = client.get(reverse("indicators:index")).content.decode()
    assert "Indicateurs publiés (2, dont 1 exemple fictif)" in html


def test_a_signed_in_partner_sees_the_entry_link(client, published, partner) -> None:
    client.force_login(partner)
    assert "Saisir une valeur" in client.get(published.get_absolute_url()).content.decode()
    client.force_login(UserFactory())
    assert "Saisir une valeur" not in client.get(published.get_absolute_url()).content.decode()


def test_the_partner_is_warned_of_an_outlier_and_the_value_is_kept(client, published, partner) -> None:
    client.force_login(partner)
    url = reverse("indicators:enter", args=[published.slug])
    response = client.post(url, {"period": "2022-01-01", "value": "12", "action": "submit"}, follow=True)
    assert "au moins 10 fois plus grande (ou plus petite)" in response.content.decode()
    assert IndicatorValue.objects.get(period_start=dt.date(2022, 1, 1)).outlier_note.startswith("Valeur atypique")
