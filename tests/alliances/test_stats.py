"""Public statistics of « Faire alliance »: figures on a fixed clock, demo left out, page = CSV = API."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.utils import timezone

from alliances import match_services, stats
from alliances.models import Match, MatchStatus
from alliances.reminders import matches_remind
from reference.models import ActorKind, PartnershipModality
from tests.alliances.factories import listing_of, verified_organisation
from tests.organisations.member_factories import member_of

pytestmark = pytest.mark.django_db
START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def at(self, **delta: float) -> None:
        self.now = START + dt.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    fixed = Clock()
    monkeypatch.setattr(timezone, "now", lambda: fixed.now)
    return fixed


def _interest(listing, number: int, **kwargs) -> tuple[Match, object]:
    organisation = verified_organisation(
        name=f"Entreprise {number}", commune_id="13001", kind=ActorKind.objects.get(slug="entreprise"), **kwargs
    )
    user = member_of(organisation)
    return match_services.match_from_interest(listing=listing, user=user, organisation=organisation), user


def _modality(slug: str) -> list[PartnershipModality]:
    return [PartnershipModality.objects.get(slug=slug)]


@pytest.fixture
def activity(territories, vocabularies, clock):
    """In the Bouches-du-Rhône a need (mécénat) with three interests: one accepted after 1 day and
    formed, one declined after 3 days, one left to expire; in the Rhône an offer (coopération
    économique) accepted after 2 days; and a demo listing with a demo match."""
    marseille = verified_organisation(name="Association de Marseille", commune_id="13055")
    need = listing_of(marseille, modalities=_modality("mecenat"))
    owner = marseille.memberships.get().user
    accepted, asking = _interest(need, 1)
    declined, _ = _interest(need, 2)
    _interest(need, 3)
    lyon = verified_organisation(name="Association de Lyon", commune_id="69123")
    offer = listing_of(
        lyon,
        kind="offer",
        territory_code="69123",
        modalities=_modality("cooperation-economique"),
    )
    lyon_match, _ = _interest(offer, 4)
    clock.at(days=1)
    match_services.match_accept(match=accepted, user=owner, organisation=marseille)
    match_services.match_conclude(match=accepted, user=asking, organisation=accepted.requester, outcome="discussing")
    match_services.match_conclude(match=accepted, user=owner, organisation=marseille, outcome="formed")
    clock.at(days=2)
    match_services.match_accept(match=lyon_match, user=lyon.memberships.get().user, organisation=lyon)
    clock.at(days=3)
    match_services.match_decline(match=declined, user=owner, organisation=marseille, reason="Déjà un partenaire.")
    demo = listing_of(verified_organisation(name="Démo"), is_demo=True, title="Un local fictif")
    _interest(demo, 5)
    clock.at(days=31)
    matches_remind()
    return {"need": need, "offer": offer}


def test_the_figures_of_france(activity) -> None:
    total = stats.alliance_stats().total
    assert (total.open_needs, total.open_offers) == (1, 1)  # the demo need is left out
    assert (total.matches, total.answered, total.accepted, total.declined, total.expired, total.formed) == (
        4,
        3,
        2,
        1,
        1,
        1,
    )
    assert total.acceptance_rate == 66.7
    assert total.acceptance_basis == "2 acceptées sur 3 réponses"
    assert total.median_answer_days == 2.0  # answers after 1, 2 and 3 days; the expired one had none


def test_the_figures_by_departement_and_modality(activity) -> None:
    figures = stats.alliance_stats()
    departements = {row.code: row for row in figures.by_departement}
    assert set(departements) == {"13", "69"}
    marseille = departements["13"]
    assert (marseille.label, marseille.open_needs, marseille.matches, marseille.formed) == ("Bouches-du-Rhône", 1, 3, 1)
    assert (marseille.acceptance_rate, marseille.acceptance_basis, marseille.median_answer_days) == (
        50.0,
        "1 acceptée sur 2 réponses",
        2.0,
    )
    assert (departements["69"].open_offers, departements["69"].acceptance_rate) == (1, 100.0)
    modalities = {row.code: row for row in figures.by_modality}
    assert (modalities["mecenat"].matches, modalities["mecenat"].expired) == (3, 1)
    assert modalities["cooperation-economique"].median_answer_days == 2.0
    assert "sans-modalite" not in modalities  # no match without a listing


def test_a_rate_without_any_answer_is_sans_objet_not_zero(activity, client) -> None:
    untouched = {row.code: row for row in stats.alliance_stats().by_modality}["pratiques-responsables"]
    assert (untouched.matches, untouched.acceptance_rate, untouched.median_answer_days) == (0, None, None)
    assert untouched.acceptance_basis == "aucune réponse"
    html = client.get("/faire-alliance/statistiques/").content.decode()
    row = html.split("Pratiques responsables</th>")[1].split("</tr>")[0]
    assert "Sans objet" in row and "0 %" not in row


def test_demo_content_is_left_out_and_counted_apart(activity, client) -> None:
    figures = stats.alliance_stats()
    assert (figures.demo.listings, figures.demo.matches) == (1, 1)
    assert figures.total.matches == Match.objects.filter(is_demo=False).count() == 4
    html = client.get("/faire-alliance/statistiques/").content.decode()
    assert "1 annonce ouverte et 1 mise en relation fictive sont écartée" in html


def test_an_empty_platform_shows_missing_figures_not_zero_rates(territories, vocabularies, client) -> None:
    response = client.get("/faire-alliance/statistiques/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Taux d'acceptation : <strong>sans objet</strong>" in html
    assert "Délai médian de réponse : <strong>sans objet</strong>" in html


def _csv(client) -> list[dict[str, str]]:
    response = client.get("/faire-alliance/statistiques/statistiques.csv")
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def _number(cell: str) -> float | None:
    return None if cell == "" else float(cell.replace(",", "."))


def test_the_api_the_csv_and_the_page_give_the_same_figures(activity, client) -> None:
    api = client.get("/api/v1/alliance/stats").json()
    rows = _csv(client)
    assert api["count"] == len(api["items"]) == len(rows)
    assert api["demo_left_out"] == {"listings": 1, "matches": 1}
    html = client.get("/faire-alliance/statistiques/").content.decode()
    for item, row in zip(api["items"], rows, strict=True):
        assert (item["scope"], item["code"], item["label"]) == (row["portee"], row["code"], row["libelle"])
        assert [item[k] for k in ("open_needs", "open_offers", "matches", "answered", "formed")] == [
            int(row[c])
            for c in ("besoins_ouverts", "offres_ouvertes", "mises_en_relation", "reponses", "alliances_formees")
        ]
        assert item["acceptance_rate"] == _number(row["taux_acceptation"])
        assert item["median_answer_days"] == _number(row["delai_median_reponse_jours"])
        if item["scope"] != "france":
            label = item["label"] + (f" ({item['code']})" if item["scope"] == "departement" else "")
            cells = html.split(f">{label}</th>")[1].split("</tr>")[0]
            numbers = [item[k] for k in ("open_needs", "open_offers", "matches")]
            assert [f"<td>{n}</td>" in cells for n in numbers] == [True] * 3
            if item["acceptance_rate"] is not None:
                assert f"{item['acceptance_rate']:.1f} %".replace(".", ",") in cells
    france = api["items"][0]
    assert (france["scope"], france["matches"], france["acceptance_rate"]) == ("france", 4, 66.7)
    assert "<strong>66,7 %</strong> (2 acceptées sur 3 réponses)" in html
    assert "<strong>2,0 jours</strong>" in html


def test_the_page_has_its_chart_its_tables_and_its_breadcrumb(activity, client) -> None:
    html = client.get("/faire-alliance/statistiques/").content.decode()
    assert "<h1>Statistiques de « Faire alliance »</h1>" in html
    assert 'src="/faire-alliance/statistiques/graphique.svg"' in html and "alt=" in html
    assert html.count("<caption>") == 2 and 'scope="row"' in html
    svg = client.get("/faire-alliance/statistiques/graphique.svg")
    assert svg["Content-Type"].startswith("image/svg+xml")
    assert "Bouches-du-Rhône (13)" in svg.content.decode()


def test_the_statistics_never_name_an_organisation(activity, client) -> None:
    pages = [client.get(url).content.decode() for url in ("/faire-alliance/statistiques/", "/api/v1/alliance/stats")]
    pages.append(client.get("/faire-alliance/statistiques/statistiques.csv").content.decode("utf-8-sig"))
    for text in pages:
        assert "Entreprise 1" not in text and "Association de Marseille" not in text


def test_the_expired_status_comes_from_the_reminder_command(activity) -> None:
    assert Match.objects.filter(status=MatchStatus.EXPIRED, is_demo=False).count() == 1
