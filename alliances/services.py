"""Writes of « Faire alliance »: post, edit, renew and close a listing, moderate it, express interest
(which opens a match: alliances.match_services).

Each service checks the actor's rights itself (PermissionDenied), runs in one transaction and, on
bad input, raises a French ValidationError naming the field, having saved nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from alliances.match_services import match_from_interest
from alliances.models import VALIDITY_DAYS, Listing, ListingResource, ListingStatus, Match, Resource
from alliances.permissions import can_manage, is_verified
from organisations.models import Organisation, OrganisationStatus
from reference.models import ActorKind, PartnershipModality, SdgTarget

MAX_OPEN_PER_ORGANISATION = 20
MODERATOR_PERMISSION = "alliances.change_listing"


def _check_member(user: AbstractBaseUser, organisation: Organisation) -> None:
    if not can_manage(user, organisation):
        raise PermissionDenied("Seuls les membres de l'organisation peuvent gérer ses annonces.")


def _check_moderator(moderator: AbstractBaseUser) -> None:
    if not moderator.has_perm(MODERATOR_PERMISSION):
        raise PermissionDenied("Seule l'équipe de modération examine les annonces.")


def _check_expiry(expires_on: dt.date) -> None:
    today = timezone.localdate()
    if expires_on <= today:
        raise ValidationError({"expires_on": "La date d'expiration doit être postérieure à aujourd'hui."})
    if expires_on > today + dt.timedelta(days=VALIDITY_DAYS):
        raise ValidationError(
            {"expires_on": f"La date d'expiration ne peut dépasser {VALIDITY_DAYS} jours : l'annonce se renouvelle."}
        )


def _write(
    listing: Listing,
    *,
    modalities: Iterable[PartnershipModality],
    partner_kinds: Iterable[ActorKind],
    resources: Iterable[str],
    sdg_targets: Iterable[SdgTarget],
) -> Listing:
    modalities, partner_kinds, sdg_targets = list(modalities), list(partner_kinds), list(sdg_targets)
    resources = list(dict.fromkeys(resources))
    errors: dict[str, str] = {}
    if not modalities:
        errors["modalities"] = "Choisissez au moins une modalité de partenariat."
    if not partner_kinds:
        errors["partner_kinds"] = "Choisissez au moins un type de partenaire."
    if not resources:
        errors["resources"] = "Choisissez au moins une ressource."
    elif any(resource not in Resource.values for resource in resources):
        errors["resources"] = "Ressource inconnue : choisissez-la dans la liste."
    listing.title, listing.description = listing.title.strip(), listing.description.strip()
    try:
        listing.full_clean(exclude=["author"])
    except ValidationError as error:
        errors = {**error.message_dict, **errors}  # type: ignore[dict-item]
    if errors:
        raise ValidationError(errors)
    listing.updated_at = timezone.now()
    listing.save()
    listing.modalities.set(modalities)
    listing.partner_kinds.set(partner_kinds)
    listing.sdg_targets.set(sdg_targets)
    listing.resources.exclude(resource__in=resources).delete()
    kept = set(listing.resources.values_list("resource", flat=True))
    ListingResource.objects.bulk_create(
        [ListingResource(listing=listing, resource=resource) for resource in resources if resource not in kept]
    )
    return listing


def _publish_or_wait(listing: Listing) -> None:
    """Published at once for a verified organisation; otherwise waits for the moderators."""
    if is_verified(listing.organisation):
        listing.status = ListingStatus.PUBLISHED
        listing.published_at = listing.published_at or timezone.now()
    else:
        listing.status = ListingStatus.PENDING


@transaction.atomic
def listing_create(
    *,
    organisation: Organisation,
    user: AbstractBaseUser,
    kind: str,
    title: str,
    description: str,
    modalities: Iterable[PartnershipModality],
    partner_kinds: Iterable[ActorKind],
    resources: Iterable[str],
    sdg_targets: Iterable[SdgTarget] = (),
    territory_level: str = "france",
    territory_code: str = "",
    expires_on: dt.date | None = None,
    is_demo: bool = False,
) -> Listing:
    """A member posts a need or an offer for their organisation."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    _check_member(user, organisation)
    if organisation.status != OrganisationStatus.ACTIVE:
        raise ValidationError("Cette organisation est dissoute ou fermée : elle ne peut plus publier d'annonce.")
    if (
        organisation.listings.exclude(status__in=[ListingStatus.CLOSED, ListingStatus.REJECTED])
        .filter(expires_on__gte=timezone.localdate())
        .count()
        >= MAX_OPEN_PER_ORGANISATION
    ):
        raise ValidationError(
            f"Votre organisation a déjà {MAX_OPEN_PER_ORGANISATION} annonces en cours : clôturez-en une d'abord."
        )
    expires_on = expires_on or timezone.localdate() + dt.timedelta(days=VALIDITY_DAYS)
    _check_expiry(expires_on)
    listing = Listing(
        organisation=organisation,
        author=user,
        kind=kind,
        title=title,
        description=description,
        territory_level=territory_level,
        territory_code=territory_code,
        expires_on=expires_on,
        is_demo=is_demo,
    )
    _publish_or_wait(listing)
    return _write(
        listing, modalities=modalities, partner_kinds=partner_kinds, resources=resources, sdg_targets=sdg_targets
    )


@transaction.atomic
def listing_update(
    *,
    listing: Listing,
    user: AbstractBaseUser,
    kind: str,
    title: str,
    description: str,
    modalities: Iterable[PartnershipModality],
    partner_kinds: Iterable[ActorKind],
    resources: Iterable[str],
    sdg_targets: Iterable[SdgTarget] = (),
    territory_level: str = "france",
    territory_code: str = "",
) -> Listing:
    """A member edits a listing; an unverified organisation's listing goes back to the moderators."""
    listing = Listing.objects.select_for_update().select_related("organisation").get(pk=listing.pk)
    _check_member(user, listing.organisation)
    if listing.status == ListingStatus.CLOSED:
        raise ValidationError("Cette annonce est clôturée : elle ne peut plus être modifiée.")
    listing.kind, listing.title, listing.description = kind, title, description
    listing.territory_level, listing.territory_code = territory_level, territory_code
    if listing.status != ListingStatus.PENDING:
        _publish_or_wait(listing)
    return _write(
        listing, modalities=modalities, partner_kinds=partner_kinds, resources=resources, sdg_targets=sdg_targets
    )


@transaction.atomic
def listing_renew(*, listing: Listing, user: AbstractBaseUser) -> Listing:
    """A member renews a listing: it expires VALIDITY_DAYS days from today."""
    listing = Listing.objects.select_for_update().select_related("organisation").get(pk=listing.pk)
    _check_member(user, listing.organisation)
    if listing.status in (ListingStatus.CLOSED, ListingStatus.REJECTED):
        raise ValidationError(f"Cette annonce est {listing.get_status_display()} : elle ne peut être renouvelée.")
    listing.expires_on = timezone.localdate() + dt.timedelta(days=VALIDITY_DAYS)
    listing.updated_at = timezone.now()
    listing.save(update_fields=["expires_on", "updated_at"])
    return listing


@transaction.atomic
def listing_close(*, listing: Listing, user: AbstractBaseUser) -> Listing:
    """A member closes a listing (partner found, or no longer relevant): it leaves the public list."""
    listing = Listing.objects.select_for_update().select_related("organisation").get(pk=listing.pk)
    _check_member(user, listing.organisation)
    if listing.status == ListingStatus.CLOSED:
        raise ValidationError("Cette annonce est déjà clôturée.")
    listing.status = ListingStatus.CLOSED
    listing.updated_at = timezone.now()
    listing.save(update_fields=["status", "updated_at"])
    return listing


@transaction.atomic
def listing_approve(*, listing: Listing, moderator: AbstractBaseUser) -> Listing:
    _check_moderator(moderator)
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    if listing.status != ListingStatus.PENDING:
        raise ValidationError("Cette annonce n'attend pas de modération.")
    listing.status, listing.reason = ListingStatus.PUBLISHED, ""
    listing.published_at = timezone.now()
    listing.save(update_fields=["status", "reason", "published_at"])
    return listing


@transaction.atomic
def listing_reject(*, listing: Listing, moderator: AbstractBaseUser, reason: str) -> Listing:
    _check_moderator(moderator)
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    if listing.status != ListingStatus.PENDING:
        raise ValidationError("Cette annonce n'attend pas de modération.")
    if not reason.strip():
        raise ValidationError({"reason": "Indiquez le motif du refus : il est montré aux membres de l'organisation."})
    listing.status, listing.reason = ListingStatus.REJECTED, reason.strip()
    listing.save(update_fields=["status", "reason"])
    return listing


def interest_express(
    *, listing: Listing, user: AbstractBaseUser, organisation: Organisation, message: str = ""
) -> Match:
    """« Manifester son intérêt »: opens a match with the listing's organisation (alliances.match_services)."""
    return match_from_interest(listing=listing, user=user, organisation=organisation, message=message)
