"""Generated « Faire alliance » needs and offers, open, of the generated organisations (the bench's
50,000 open listings at national scale), placed where their organisation is (or its département,
région, or France), with modalities, partner kinds, resources and SDG targets drawn at random."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from alliances.models import Listing, ListingResource, Resource
from datasets.generators.common import Geography, Progress, batches, raw_delete, rng_for, territory_fields
from organisations.models import Organisation
from reference.models import ActorKind, PartnershipModality, SdgTarget

LABEL = "Annonces « Faire alliance »"
BATCH = 5_000
LEVELS = (["commune"] * 70) + (["departement"] * 20) + (["region"] * 7) + (["france"] * 3)


def existing() -> int:
    return Listing.objects.filter(is_generated=True).count()


def reset() -> int:
    generated = Listing.objects.filter(is_generated=True).values("pk")
    with transaction.atomic():
        for through in (
            Listing.modalities.through,
            Listing.partner_kinds.through,
            Listing.sdg_targets.through,
        ):
            raw_delete(through.objects.filter(listing__in=generated))
        raw_delete(ListingResource.objects.filter(listing__in=generated))
        return raw_delete(Listing.objects.filter(is_generated=True))


def _pool(rng: object, first: int, last: int, size: int) -> list[tuple[int, str]]:
    """Active generated organisations with a commune, drawn from the id range (a few may repeat)."""
    wanted = sorted({rng.randint(first, last) for _ in range(size)})  # type: ignore[attr-defined]
    pool = list(
        Organisation.objects.filter(pk__in=wanted, is_generated=True, status="active")
        .exclude(commune=None)
        .order_by("pk")
        .values_list("pk", "commune_id")
    )
    if not pool:  # ids drawn in a gap of the range: take the first ones
        pool = list(
            Organisation.objects.filter(is_generated=True, status="active")
            .exclude(commune=None)
            .order_by("pk")
            .values_list("pk", "commune_id")[:size]
        )
    return pool


def generate(count: int, *, seed: int, geo: Geography, progress: Progress) -> int:
    rng = rng_for(seed, "listings")
    bounds = Organisation.objects.filter(is_generated=True, status="active").order_by("pk")
    first, last = bounds.values_list("pk", flat=True).first(), bounds.reverse().values_list("pk", flat=True).first()
    if first is None or last is None:
        return 0
    index_of = {code: i for i, code in enumerate(geo.codes)}
    modalities = list(PartnershipModality.objects.values_list("pk", flat=True))
    kinds = list(ActorKind.objects.values_list("pk", flat=True))
    targets = list(SdgTarget.objects.values_list("pk", flat=True))
    now, today = timezone.now(), timezone.localdate()
    written = 0
    for numbers in batches(count, BATCH):
        pool = _pool(rng, first, last, len(numbers))
        listings = []
        for number in numbers:
            organisation_id, commune = rng.choice(pool)
            kind = "need" if number % 2 else "offer"
            fields = territory_fields(geo, index_of[commune], rng.choice(LEVELS))
            listings.append(
                Listing(
                    organisation_id=organisation_id,
                    kind=kind,
                    title=f"{'Besoin' if kind == 'need' else 'Offre'} généré n° {number + 1} (exemple fictif)",
                    description="Annonce fictive générée pour le banc d'essai.",
                    status="published",
                    published_at=now - dt.timedelta(days=rng.randrange(60)),
                    expires_on=today + dt.timedelta(days=rng.randint(1, 90)),
                    is_generated=True,
                    is_demo=True,
                    **fields,
                )
            )
        with transaction.atomic():
            created = Listing.objects.bulk_create(listings)
            Listing.modalities.through.objects.bulk_create(
                Listing.modalities.through(listing_id=listing.pk, partnershipmodality_id=pk)
                for listing in created
                for pk in rng.sample(modalities, rng.randint(1, 2))
            )
            Listing.partner_kinds.through.objects.bulk_create(
                Listing.partner_kinds.through(listing_id=listing.pk, actorkind_id=pk)
                for listing in created
                for pk in rng.sample(kinds, rng.randint(1, 2))
            )
            Listing.sdg_targets.through.objects.bulk_create(
                Listing.sdg_targets.through(listing_id=listing.pk, sdgtarget_id=pk)
                for listing in created
                for pk in rng.sample(targets, rng.randint(0, 2))
            )
            ListingResource.objects.bulk_create(
                ListingResource(listing_id=listing.pk, resource=resource)
                for listing in created
                for resource in rng.sample(Resource.values, rng.randint(1, 3))
            )
        written += len(created)
        progress(len(created))
    return written
