"""Writes of « Faire alliance »: rights checked on the server, French errors, nothing half-saved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from alliances import services
from alliances.models import Listing, ListingStatus, Match, MatchStatus
from organisations.models import OrganisationStatus
from reference.models import ActorKind, PartnershipModality
from tests.accounts.factories import AccountFactory
from tests.alliances.factories import listing_of, verified_organisation
from tests.organisations.member_factories import OrganisationFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(territories, vocabularies) -> None:
    """Geography and vocabularies."""


def test_a_verified_organisation_listing_is_published_at_once(setup) -> None:
    listing = listing_of(verified_organisation())
    assert listing.status == ListingStatus.PUBLISHED and listing.published_at is not None
    assert Listing.objects.open().filter(pk=listing.pk).exists()


def test_a_listing_expires_after_90_days_by_default(setup) -> None:
    listing = listing_of(verified_organisation())
    assert listing.expires_on == timezone.localdate() + dt.timedelta(days=90)


def test_the_listing_keeps_the_commune_and_its_departement(setup) -> None:
    listing = listing_of(verified_organisation(), territory_level="commune", territory_code="13055")
    assert (listing.territory_name, listing.departement_code, listing.region_code) == ("Marseille (13)", "13", "93")


def test_a_new_organisation_listing_waits_for_moderation(setup) -> None:
    listing = listing_of(OrganisationFactory())  # created on the platform, in no register
    assert listing.status == ListingStatus.PENDING
    assert not Listing.objects.open().exists()


def test_a_person_who_is_not_a_member_cannot_post(setup) -> None:
    organisation = verified_organisation()
    with pytest.raises(PermissionDenied):
        listing_of(organisation, user=AccountFactory(username="intrus"))
    assert not Listing.objects.exists()


def test_a_member_of_another_organisation_cannot_post_for_this_one(setup) -> None:
    other_member = member_of(verified_organisation())
    with pytest.raises(PermissionDenied):
        listing_of(verified_organisation(), user=other_member)
    assert not Listing.objects.exists()


def test_a_listing_without_modality_kind_or_resource_names_each_field_in_french(setup) -> None:
    with pytest.raises(ValidationError) as error:
        listing_of(verified_organisation(), modalities=[], partner_kinds=[], resources=[])
    assert error.value.message_dict["modalities"] == ["Choisissez au moins une modalité de partenariat."]
    assert "partner_kinds" in error.value.message_dict and "resources" in error.value.message_dict
    assert not Listing.objects.exists()


def test_an_unknown_resource_is_refused(setup) -> None:
    with pytest.raises(ValidationError) as error:
        listing_of(verified_organisation(), resources=["gold"])
    assert error.value.message_dict["resources"] == ["Ressource inconnue : choisissez-la dans la liste."]


def test_an_unknown_commune_is_refused_and_nothing_is_saved(setup) -> None:
    with pytest.raises(ValidationError) as error:
        listing_of(verified_organisation(), territory_code="99999")
    assert "Aucune commune de code INSEE « 99999 »." in error.value.message_dict["territory_code"]
    assert not Listing.objects.exists()


def test_an_expiry_beyond_90_days_is_refused(setup) -> None:
    with pytest.raises(ValidationError) as error:
        listing_of(verified_organisation(), expires_on=timezone.localdate() + dt.timedelta(days=120))
    assert "90 jours" in error.value.message_dict["expires_on"][0]


def test_a_dissolved_organisation_cannot_post(setup) -> None:
    organisation = verified_organisation(status=OrganisationStatus.DISSOLVED)
    with pytest.raises(ValidationError):
        listing_of(organisation)


def test_an_organisation_cannot_hold_more_than_the_cap_of_open_listings(setup, monkeypatch) -> None:
    monkeypatch.setattr(services, "MAX_OPEN_PER_ORGANISATION", 2)
    organisation = verified_organisation()
    listing_of(organisation)
    listing_of(organisation)
    with pytest.raises(ValidationError, match="déjà 2 annonces en cours"):
        listing_of(organisation)
    assert organisation.listings.count() == 2


def test_a_member_renews_an_expired_listing_for_90_days(setup) -> None:
    listing = listing_of(verified_organisation())
    Listing.objects.filter(pk=listing.pk).update(expires_on=timezone.localdate() - dt.timedelta(days=1))
    user = listing.organisation.memberships.get().user
    renewed = services.listing_renew(listing=listing, user=user)
    assert renewed.expires_on == timezone.localdate() + dt.timedelta(days=90) and renewed.is_open


def test_a_stranger_cannot_renew_or_close(setup) -> None:
    listing = listing_of(verified_organisation())
    stranger = AccountFactory(username="intrus")
    with pytest.raises(PermissionDenied):
        services.listing_renew(listing=listing, user=stranger)
    with pytest.raises(PermissionDenied):
        services.listing_close(listing=listing, user=stranger)
    listing.refresh_from_db()
    assert listing.status == ListingStatus.PUBLISHED


def test_a_closed_listing_leaves_the_public_list_and_cannot_be_renewed(setup) -> None:
    listing = listing_of(verified_organisation())
    user = listing.organisation.memberships.get().user
    services.listing_close(listing=listing, user=user)
    assert not Listing.objects.open().exists()
    with pytest.raises(ValidationError):
        services.listing_renew(listing=listing, user=user)


def test_editing_an_unverified_organisation_listing_sends_it_back_to_moderation(setup) -> None:
    listing = listing_of(OrganisationFactory())
    Listing.objects.filter(pk=listing.pk).update(status=ListingStatus.PUBLISHED)
    listing.refresh_from_db()
    services.listing_update(
        listing=listing,
        user=listing.organisation.memberships.get().user,
        kind="offer",
        title="Des bénévoles pour une collecte (exemple fictif)",
        description="Nos bénévoles peuvent aider.",
        modalities=[PartnershipModality.objects.get(slug="mecenat")],
        partner_kinds=[ActorKind.objects.get(slug="association")],
        resources=["volunteers", "skills"],
        territory_level="departement",
        territory_code="13",
    )
    listing.refresh_from_db()
    assert listing.status == ListingStatus.PENDING and listing.kind == "offer"
    assert sorted(listing.resources.values_list("resource", flat=True)) == ["skills", "volunteers"]


def test_a_moderator_publishes_a_pending_listing(setup) -> None:
    listing = listing_of(OrganisationFactory())
    moderator = AccountFactory(username="moderatrice")
    moderator.user_permissions.add(Permission.objects.get(codename="change_listing"))
    services.listing_approve(listing=listing, moderator=moderator)
    listing.refresh_from_db()
    assert listing.is_open


def test_a_member_cannot_moderate(setup) -> None:
    listing = listing_of(OrganisationFactory())
    with pytest.raises(PermissionDenied):
        services.listing_approve(listing=listing, moderator=listing.organisation.memberships.get().user)


def test_a_refusal_needs_a_reason(setup) -> None:
    listing = listing_of(OrganisationFactory())
    moderator = AccountFactory(username="moderatrice")
    moderator.user_permissions.add(Permission.objects.get(codename="change_listing"))
    with pytest.raises(ValidationError):
        services.listing_reject(listing=listing, moderator=moderator, reason=" ")
    listing.refresh_from_db()
    assert listing.status == ListingStatus.PENDING


@pytest.fixture
def interested(setup):
    listing = listing_of(verified_organisation())
    other = verified_organisation(name="Entreprise d'essai (exemple fictif)")
    return listing, other, member_of(other)


def test_interest_opens_a_match_sent_to_the_listing_organisation(interested) -> None:
    listing, other, user = interested
    match = services.interest_express(listing=listing, user=user, organisation=other, message="<b>Bonjour</b>")
    assert match.messages.get().body == "<b>Bonjour</b>"  # stored as text, escaped when shown
    assert (match.status, match.requester, match.recipient) == (MatchStatus.SENT, other, listing.organisation)


def test_interest_twice_for_the_same_listing_is_refused(interested) -> None:
    listing, other, user = interested
    services.interest_express(listing=listing, user=user, organisation=other)
    with pytest.raises(ValidationError, match="déjà manifesté"):
        services.interest_express(listing=listing, user=user, organisation=other)
    assert Match.objects.count() == 1


def test_an_organisation_cannot_be_interested_in_its_own_listing(interested) -> None:
    listing, _, _ = interested
    user = listing.organisation.memberships.get().user
    with pytest.raises(ValidationError, match="propre annonce"):
        services.interest_express(listing=listing, user=user, organisation=listing.organisation)


def test_interest_in_the_name_of_an_organisation_one_does_not_represent_is_refused(interested) -> None:
    listing, other, _ = interested
    with pytest.raises(PermissionDenied):
        services.interest_express(listing=listing, user=AccountFactory(username="intrus"), organisation=other)


def test_an_unverified_organisation_cannot_express_interest(interested) -> None:
    listing, _, _ = interested
    new = OrganisationFactory()
    with pytest.raises(ValidationError, match="vérifiées"):
        services.interest_express(listing=listing, user=member_of(new), organisation=new)


def test_an_expired_listing_takes_no_interest(interested) -> None:
    listing, other, user = interested
    Listing.objects.filter(pk=listing.pk).update(expires_on=timezone.localdate() - dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="plus ouverte"):
        services.interest_express(listing=listing, user=user, organisation=other)
    assert not Match.objects.exists()
