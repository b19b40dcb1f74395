"""Public list with filters, CSV, detail, interest, posting and managing: rights on the server."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from alliances.models import Listing, ListingStatus, Match
from core.dates import french_date
from reference.models import ActorKind, PartnershipModality
from tests.accounts.factories import AccountFactory
from tests.alliances.factories import listing_of, verified_organisation
from tests.organisations.member_factories import member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def listings(territories, vocabularies):
    marseille = listing_of(verified_organisation(name="Ressourcerie fictive"), title="Local à Marseille")
    paris = listing_of(
        verified_organisation(name="Entreprise fictive"),
        kind="offer",
        title="Mécénat de compétences à Paris",
        territory_code="75056",
        resources=["skills"],
        modalities=[PartnershipModality.objects.get(slug="pratiques-responsables")],
    )
    return marseille, paris


def _titles(response) -> str:
    return response.content.decode()


def test_the_public_page_lists_open_listings_and_counts_by_departement(client, listings) -> None:
    html = client.get("/faire-alliance/").content.decode()
    assert "Local à Marseille" in html and "Mécénat de compétences à Paris" in html
    assert "2 annonces ouvertes" in html
    assert "Bouches-du-Rhône (13)" in html and "Paris (75)" in html


def test_filtering_on_a_region_includes_its_communes(client, listings) -> None:
    html = client.get("/faire-alliance/?niveau=region&code=93").content.decode()
    assert "Local à Marseille" in html and "Mécénat de compétences à Paris" not in html


@pytest.mark.parametrize(
    "query",
    ["nature=offer", "ressource=skills", "modalite=pratiques-responsables"],
)
def test_each_filter_narrows_the_list(client, listings, query) -> None:
    html = client.get(f"/faire-alliance/?{query}").content.decode()
    assert "Mécénat de compétences à Paris" in html and "Local à Marseille" not in html


@pytest.mark.parametrize(
    "query",
    ["nature=rien", "ressource=or", "modalite=inconnue", "odd=99", "niveau=departement&code=00", "page=abc"],
)
def test_bad_filters_are_ignored_with_a_french_warning_never_a_500(client, listings, query) -> None:
    response = client.get(f"/faire-alliance/?{query}")
    assert response.status_code == 200
    assert "2 annonces ouvertes" in response.content.decode()


def test_expired_pending_and_closed_listings_are_not_public(client, listings) -> None:
    marseille, paris = listings
    Listing.objects.filter(pk=marseille.pk).update(expires_on=timezone.localdate() - dt.timedelta(days=1))
    Listing.objects.filter(pk=paris.pk).update(status=ListingStatus.PENDING)
    assert "Aucune annonce ouverte ne correspond" in client.get("/faire-alliance/").content.decode()
    assert client.get(f"/faire-alliance/{marseille.pk}/").status_code == 404


def test_the_detail_page_shows_no_contact_details(client, listings) -> None:
    marseille, _ = listings
    marseille.organisation.contact_email = "secret@example.invalid"
    marseille.organisation.save()
    html = client.get(f"/faire-alliance/{marseille.pk}/").content.decode()
    assert "Local à Marseille" in html and "secret@example.invalid" not in html


def test_the_csv_has_the_filtered_listings(client, listings) -> None:
    response = client.get("/faire-alliance/annonces.csv?nature=need")
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert text.splitlines()[0].startswith("id,nature,titre")
    assert "Local à Marseille" in text and "Paris" not in text.split("\n", 1)[1]


def test_the_api_lists_needs_with_count_and_items(client, listings) -> None:
    body = client.get("/api/v1/alliance/needs?territory=departement:13").json()
    assert body["count"] == 1 and body["items"][0]["title"] == "Local à Marseille"
    assert "contact_email" not in body["items"][0]


def test_the_api_refuses_an_unknown_resource_in_french(client, listings) -> None:
    response = client.get("/api/v1/alliance/offers?resource=or")
    assert response.status_code == 422 and "Ressource inconnue" in response.json()["detail"][0]["msg"]


def _form(organisation, **overrides):
    data = {
        "organisation": organisation.pk,
        "kind": "need",
        "title": "Des bénévoles pour une collecte",
        "description": "Une collecte de jouets en décembre.",
        "modalities": [PartnershipModality.objects.get(slug="mecenat").pk],
        "partner_kinds": [ActorKind.objects.get(slug="entreprise").pk],
        "resources": ["volunteers"],
        "territory_level": "departement",
        "territory_code": "13",
        "expires_on": (timezone.localdate() + dt.timedelta(days=30)).isoformat(),
    }
    data.update(overrides)
    return data


def test_a_member_posts_a_need_and_it_is_listed(client, territories, vocabularies) -> None:
    organisation = verified_organisation()
    client.force_login(member_of(organisation))
    response = client.post("/faire-alliance/publier/", _form(organisation))
    listing = Listing.objects.get()
    assert response["Location"] == f"/faire-alliance/{listing.pk}/"
    assert (
        "Des bénévoles pour une collecte" in client.get("/faire-alliance/?niveau=departement&code=13").content.decode()
    )


def test_posting_for_an_organisation_one_does_not_represent_is_refused(client, territories, vocabularies) -> None:
    mine, theirs = verified_organisation(), verified_organisation()
    client.force_login(member_of(mine))
    response = client.post("/faire-alliance/publier/", _form(theirs))
    assert response.status_code == 400 and "Vous ne représentez pas cette organisation" in response.content.decode()
    assert not Listing.objects.exists()


def test_a_form_without_title_answers_in_french(client, territories, vocabularies) -> None:
    organisation = verified_organisation()
    client.force_login(member_of(organisation))
    response = client.post("/faire-alliance/publier/", _form(organisation, title="", resources=[]))
    html = response.content.decode()
    assert "Donnez un titre à l&#x27;annonce." in html and "Choisissez au moins une ressource." in html
    assert not Listing.objects.exists()


def test_posting_requires_signing_in(client) -> None:
    response = client.get("/faire-alliance/publier/")
    assert response.status_code == 302 and response["Location"].startswith("/connexion/")


def test_a_stranger_cannot_edit_renew_or_close(client, listings) -> None:
    marseille, _ = listings
    client.force_login(AccountFactory(username="intrus"))
    assert client.get(f"/faire-alliance/{marseille.pk}/modifier/").status_code == 403
    assert client.post(f"/faire-alliance/{marseille.pk}/renouveler/").status_code == 403
    assert client.post(f"/faire-alliance/{marseille.pk}/cloturer/").status_code == 403
    marseille.refresh_from_db()
    assert marseille.status == ListingStatus.PUBLISHED


def test_a_member_closes_a_listing_from_my_space(client, listings) -> None:
    marseille, _ = listings
    client.force_login(marseille.organisation.memberships.get().user)
    assert "Local à Marseille" in client.get("/faire-alliance/mes-annonces/").content.decode()
    client.post(f"/faire-alliance/{marseille.pk}/cloturer/")
    marseille.refresh_from_db()
    assert marseille.status == ListingStatus.CLOSED


def test_interest_opens_a_match_the_posting_members_see_without_the_senders_name(client, listings) -> None:
    marseille, paris = listings
    client.force_login(paris.organisation.memberships.get().user)
    response = client.post(
        f"/faire-alliance/{marseille.pk}/interet/", {"organisation": paris.organisation.pk, "message": "<b>Bonjour</b>"}
    )
    assert response.status_code == 302 and Match.objects.count() == 1
    client.force_login(marseille.organisation.memberships.get().user)
    html = client.get(Match.objects.get().get_absolute_url()).content.decode()
    assert "&lt;b&gt;Bonjour&lt;/b&gt;" in html and "<b>Bonjour" not in html
    assert paris.organisation.name not in html


def test_interest_in_ones_own_listing_is_refused(client, listings) -> None:
    marseille, _ = listings
    client.force_login(marseille.organisation.memberships.get().user)
    response = client.post(f"/faire-alliance/{marseille.pk}/interet/", {"organisation": marseille.organisation.pk})
    assert response.status_code == 400 and not Match.objects.exists()


def test_the_moderation_page_is_closed_to_members(client, listings) -> None:
    marseille, _ = listings
    client.force_login(marseille.organisation.memberships.get().user)
    assert client.get("/admin/faire-alliance/annonces/").status_code in (302, 403)


def test_the_sdg_filter_keeps_listings_with_a_target_of_that_goal(client, listings) -> None:
    from reference.models import SdgTarget

    marseille, _ = listings
    marseille.sdg_targets.set([SdgTarget.objects.get(code="11.3")])
    html = client.get("/faire-alliance/?odd=11").content.decode()
    assert "Local à Marseille" in html and "Mécénat de compétences à Paris" not in html


def test_the_count_by_departement_follows_the_filters(client, listings) -> None:
    html = client.get("/faire-alliance/?nature=need").content.decode()
    table = html.split('id="par-departement"', 1)[1]
    assert "Bouches-du-Rhône (13)" in table and "Paris (75)" not in table


def test_the_api_answers_404_for_an_unknown_territory(client, listings) -> None:
    assert client.get("/api/v1/alliance/needs?territory=departement:00").status_code == 404


def test_a_moderator_publishes_from_the_back_office(client, territories, vocabularies) -> None:
    from django.contrib.auth.models import Permission

    from tests.organisations.member_factories import OrganisationFactory

    listing = listing_of(OrganisationFactory())
    moderator = AccountFactory(username="moderatrice")
    moderator.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="change_listing")
    )
    client.force_login(moderator)
    assert listing.title in client.get("/admin/faire-alliance/annonces/").content.decode()
    client.post(f"/admin/faire-alliance/annonces/{listing.pk}/", {"decision": "approve"})
    listing.refresh_from_db()
    assert listing.is_open


def test_a_member_edits_a_listing(client, listings) -> None:
    marseille, _ = listings
    client.force_login(marseille.organisation.memberships.get().user)
    assert client.get(f"/faire-alliance/{marseille.pk}/modifier/").status_code == 200
    data = _form(marseille.organisation, title="Un local plus grand à Marseille")
    del data["organisation"], data["expires_on"]
    response = client.post(f"/faire-alliance/{marseille.pk}/modifier/", data)
    assert response.status_code == 302
    marseille.refresh_from_db()
    assert marseille.title == "Un local plus grand à Marseille" and marseille.departement_code == "13"


def test_a_member_renews_from_my_space(client, listings) -> None:
    marseille, _ = listings
    Listing.objects.filter(pk=marseille.pk).update(expires_on=timezone.localdate() + dt.timedelta(days=3))
    client.force_login(marseille.organisation.memberships.get().user)
    client.post(f"/faire-alliance/{marseille.pk}/renouveler/")
    marseille.refresh_from_db()
    assert marseille.expires_on == timezone.localdate() + dt.timedelta(days=90)


def test_faire_alliance_is_in_the_main_navigation_and_my_space(client, vocabularies) -> None:
    html = client.get("/faire-alliance/").content.decode()
    assert 'href="/faire-alliance/"' in html and 'aria-current="page"' in html
    client.force_login(AccountFactory(username="camille"))
    assert 'href="/faire-alliance/mes-annonces/"' in client.get("/mon-espace/").content.decode()


def test_a_title_that_looks_like_a_formula_is_not_run_by_a_spreadsheet(client, territories, vocabularies) -> None:
    listing_of(verified_organisation(), title='=HYPERLINK("http://exemple.invalid")')
    text = client.get("/faire-alliance/annonces.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text


def test_dates_are_written_in_french_on_the_list_the_detail_and_my_space(client, listings) -> None:
    marseille, _ = listings
    soon = timezone.localdate() + dt.timedelta(days=40)
    first = (soon.replace(day=28) + dt.timedelta(days=4)).replace(day=1)  # the 1st of a month, 41 to 71 days away
    Listing.objects.filter(pk=marseille.pk).update(expires_on=first)
    expected = french_date(first)
    assert expected.startswith("1er ")
    assert f"jusqu'au {expected}" in client.get("/faire-alliance/").content.decode()
    assert f"ouverte jusqu'au {expected}." in client.get(f"/faire-alliance/{marseille.pk}/").content.decode()
    client.force_login(marseille.organisation.memberships.get().user)
    assert f"<td>{expected}</td>" in client.get("/faire-alliance/mes-annonces/").content.decode()
