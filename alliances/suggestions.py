"""Matchmaking suggestions: for a need, the open offers and directory organisations that could answer it;
for an organisation, the open needs it could answer. Each with a score and the reasons behind it.

Hard filters first, in SQL: open (published, not expired), active organisation, not the same
organisation, a partner kind the need seeks. Candidates are then read in a few small slices, each led
by an index (the listing's and the organisation's denormalised département and région codes, the
commune index, the SDG targets' link table), a bounded number of rows per slice, never a scan of the
2 million organisations; the score is computed in Python on those few hundred rows, with reasons a
person can check (docs/adr/0029-matchmaking-and-match-workflow.md):

- territory: same commune (30), same intercommunalité (25: an EPCI is one piece of land, its communes
  are neighbours), same département (20), same région (10), France entière (5);
- complementary kinds: the candidate is of a kind the need seeks (25), and seeks the need's kind (10);
- matching resource (15 each, 30 at most) and modality (10 each, 20 at most), offers only;
- shared SDG targets (10 each, 30 at most), or for an organisation shared SDGs (5 each, 15 at most);
- an organisation represented on the platform, that can answer (10).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from alliances.models import Listing, ListingKind, ListingResource, Resource
from organisations.models import Membership, Organisation
from reference.models import PartnershipModality, SdgTarget
from territories.models import Commune, Epci, Region

LIMIT = 10
SLICE = 60

# A candidate as read for the score: a dict of columns, no model built (a model is built only for the LIMIT kept).
Row = dict[str, Any]


@dataclass
class Suggestion:
    score: int
    reasons: list[str]
    organisation: Organisation
    listing: Listing | None = None


@dataclass
class Place:
    """Where a listing or an organisation is: the codes of each level (empty when unknown)."""

    commune: str = ""
    epci: str = ""
    departement: str = ""
    region: str = ""
    france: bool = False

    @classmethod
    def of_listing(cls, listing: Listing) -> Place:
        fields = ("territory_level", "territory_code", "epci_code", "departement_code", "region_code")
        return cls.of_listing_row({name: getattr(listing, name) for name in fields})

    @classmethod
    def of_listing_row(cls, row: Row) -> Place:
        return cls(
            commune=row["territory_code"] if row["territory_level"] == "commune" else "",
            epci=row["epci_code"],
            departement=row["departement_code"],
            region=row["region_code"],
            france=row["territory_level"] == "france",
        )

    @classmethod
    def of_organisation(cls, organisation: Organisation | Row, epci_of: dict[str, str]) -> Place:
        if not isinstance(organisation, dict):
            fields = ("commune_id", "departement_code", "region_code")
            return cls.of_organisation({name: getattr(organisation, name) for name in fields}, epci_of)
        row = organisation
        commune = row["commune_id"] or ""
        return cls(
            commune=commune,
            epci=epci_of.get(commune, ""),
            departement=row["departement_code"],
            region=row["region_code"],
        )


@dataclass
class Names:
    """Names of the territories cited in the reasons, read once per request."""

    communes: dict[str, str] = field(default_factory=dict)
    epcis: dict[str, str] = field(default_factory=dict)
    regions: dict[str, str] = field(default_factory=dict)


def _territory(here: Place, there: Place, names: Names) -> tuple[int, str]:
    if here.commune and here.commune == there.commune:
        return 30, f"Même commune : {names.communes.get(here.commune, here.commune)}"
    if here.epci and here.epci == there.epci:
        return 25, f"Même intercommunalité (communes voisines) : {names.epcis.get(here.epci, here.epci)}"
    if here.departement and here.departement == there.departement:
        return 20, f"Même département ({here.departement})"
    if here.region and here.region == there.region:
        return 10, f"Même région, territoire voisin : {names.regions.get(here.region, here.region)}"
    if there.france or here.france:
        return 5, "Agit à l'échelle de la France entière"
    return 0, ""


def _capped(count: int, each: int, cap: int) -> int:
    return min(count * each, cap)


# What the score reads of a candidate listing, and what the page shows of the LIMIT kept.
LISTING_ROW = (
    "id",
    "territory_level",
    "territory_code",
    "region_code",
    "departement_code",
    "epci_code",
    "organisation_id",
    "organisation__kind_id",
    "organisation__kind__name",
)
LISTING_FIELDS = ("id", "title", "is_demo", "organisation__id", "organisation__name", "organisation__kind__name")
ORGANISATION_ROW = ("id", "search_key", "commune_id", "departement_code", "region_code", "kind_id", "kind__name")
ORGANISATION_FIELDS = ("id", "name", "kind__name")


def _facts(listing_ids: list[int]) -> dict[int, dict[str, set]]:
    """Partner kinds, SDG targets, resources and modalities of each listing: four reads of id pairs
    from the link tables (no model built), keyed by listing."""
    facts: dict[int, dict[str, set]] = {
        pk: {"kinds": set(), "targets": set(), "resources": set(), "modalities": set()} for pk in listing_ids
    }
    links = (
        ("kinds", Listing.partner_kinds.through.objects, "actorkind_id"),
        ("targets", Listing.sdg_targets.through.objects, "sdgtarget_id"),
        ("resources", ListingResource.objects, "resource"),
        ("modalities", Listing.modalities.through.objects, "partnershipmodality_id"),
    )
    for key, manager, column in links:
        for listing_id, value in manager.filter(listing_id__in=listing_ids).values_list("listing_id", column):
            facts[listing_id][key].add(value)
    return facts


def _listing_facts(listing: Listing) -> dict[str, set]:
    return _facts([listing.pk])[listing.pk]


def _names(places: Iterable[Place]) -> Names:
    places = list(places)
    communes = {p.commune for p in places if p.commune}
    epcis = {p.epci for p in places if p.epci}
    regions = {p.region for p in places if p.region}
    return Names(
        communes=dict(Commune.objects.filter(code__in=communes).values_list("code", "name")),
        epcis=dict(Epci.objects.filter(code__in=epcis).values_list("code", "name")),
        regions=dict(Region.objects.filter(code__in=regions).values_list("code", "name")),
    )


def _labels() -> dict[str, dict[int, str]]:
    """Names of the modalities and codes of the SDG targets (small reference tables)."""
    return {
        "modalities": dict(PartnershipModality.objects.values_list("pk", "name")),
        "targets": dict(SdgTarget.objects.values_list("pk", "code")),
    }


def _nearby_listings(base: QuerySet[Listing], place: Place) -> list[Row]:
    """Open listings of the département, of the région (placed at région level) and of France: three
    slices led by the listing's département, région and level indexes, newest first, read as rows."""
    slices: list[QuerySet[Listing]] = []
    if place.departement:  # a département lies in one région: both codes lead listing_nearby_idx
        slices.append(base.filter(region_code=place.region, departement_code=place.departement))
    if place.region:
        slices.append(base.filter(region_code=place.region, departement_code=""))
    slices.append(base.filter(region_code="", departement_code="", territory_level="france"))
    found: dict[int, Row] = {}
    for queryset in slices:
        for row in queryset.order_by("-published_at", "-id").values(*LISTING_ROW)[:SLICE]:
            found.setdefault(row["id"], row)
    return list(found.values())


def _kept_listings(ranked: list[tuple[int, list[str], int]]) -> list[Suggestion]:
    """The LIMIT best (score, reasons, listing id), as suggestions with the models the page shows."""
    kept = ranked[:LIMIT]
    listings = (
        Listing.objects.select_related("organisation__kind").only(*LISTING_FIELDS).in_bulk([pk for _, _, pk in kept])
    )
    return [
        Suggestion(score=score, reasons=reasons, organisation=listings[pk].organisation, listing=listings[pk])
        for score, reasons, pk in kept
    ]


def offers_for_need(need: Listing) -> list[Suggestion]:
    """The open offers that could answer ``need``, best first (at most LIMIT)."""
    facts = _listing_facts(need)
    here = Place.of_listing(need)
    base = (
        Listing.objects.open()
        .of_kind(ListingKind.OFFER)
        .exclude(organisation_id=need.organisation_id)
        .filter(organisation__status="active")
    )
    offers = _nearby_listings(base, here)
    places = {offer["id"]: Place.of_listing_row(offer) for offer in offers}
    names = _names([here, *places.values()])
    facts_of = _facts(list(places))
    labels = _labels()
    need_kind = need.organisation.kind
    ranked = []
    for offer in offers:
        theirs = facts_of[offer["id"]]
        score = 0
        reasons: list[str] = []
        points, reason = _territory(here, places[offer["id"]], names)
        if points:
            score, reasons = score + points, [*reasons, reason]
        if offer["organisation__kind_id"] in facts["kinds"]:
            score += 25
            reasons.append(f"Type de partenaire recherché : {offer['organisation__kind__name']}")
        if need_kind.pk in theirs["kinds"]:
            score += 10
            reasons.append(f"Cherche aussi des partenaires de votre type ({need_kind.name})")
        shared = facts["resources"] & theirs["resources"]
        if shared:
            score += _capped(len(shared), 15, 30)
            reasons.append(f"Ressource proposée : {', '.join(Resource(r).label for r in sorted(shared))}")
        modalities = facts["modalities"] & theirs["modalities"]
        if modalities:
            score += _capped(len(modalities), 10, 20)
            reasons.append(f"Même modalité : {', '.join(sorted(labels['modalities'][m] for m in modalities))}")
        targets = facts["targets"] & theirs["targets"]
        if targets:
            score += _capped(len(targets), 10, 30)
            reasons.append(f"Cibles d'ODD communes : {', '.join(sorted(labels['targets'][t] for t in targets))}")
        if score:
            ranked.append((score, reasons, offer["id"]))
    ranked.sort(key=lambda item: (-item[0], -item[2]))
    return _kept_listings(ranked)


def _candidate_organisation_ids(need: Listing, here: Place, kinds: set[int], targets: set[int]) -> list[int]:
    """Directory organisations near the need, of a kind it seeks: a few bounded slices, each led by an index."""
    base = Organisation.objects.active().filter(kind_id__in=kinds).exclude(pk=need.organisation_id).order_by()
    members = Membership.objects.values("organisation_id")
    slices: list[QuerySet[Organisation]] = []
    if here.departement:
        local = base.filter(departement_code=here.departement)
        slices.append(local.filter(pk__in=members))
        # The same commune's and the intercommunalité's, read through (département, kind, commune).
        if here.commune:
            slices.append(local.filter(commune_id=here.commune))
        if here.epci:
            communes = dict(Commune.objects.filter(epci_id=here.epci).values_list("code", "departement_id"))
            slices.append(base.filter(departement_code__in=set(communes.values()), commune_id__in=communes))
        if targets:
            slices.append(local.filter(sdg_targets__in=targets))
        slices.append(local)
    elif here.region:
        regional = base.filter(region_code=here.region)
        slices += [regional.filter(pk__in=members), regional]
    else:
        slices.append(base.filter(pk__in=members))
    found: dict[int, None] = {}
    for queryset in slices:
        found.update(dict.fromkeys(queryset.values_list("pk", flat=True)[:SLICE]))
    return list(found)


def organisations_for_need(need: Listing) -> list[Suggestion]:
    """Organisations of the directory that could answer ``need``, best first (at most LIMIT)."""
    facts = _listing_facts(need)
    here = Place.of_listing(need)
    ids = _candidate_organisation_ids(need, here, facts["kinds"], facts["targets"])
    rows = list(Organisation.objects.filter(pk__in=ids).values(*ORGANISATION_ROW))
    ranked = _score_organisations(rows, here=here, facts=facts)[:LIMIT]
    kept = Organisation.objects.select_related("kind").only(*ORGANISATION_FIELDS).in_bulk([pk for _, _, pk in ranked])
    return [Suggestion(score=score, reasons=reasons, organisation=kept[pk]) for score, reasons, pk in ranked]


def _score_organisations(rows: list[Row], *, here: Place, facts: dict[str, set]) -> list[tuple[int, list[str], int]]:
    """(score, reasons, organisation id) of each candidate that scores, best first."""
    ids = [row["id"] for row in rows]
    epci_of = dict(
        Commune.objects.filter(code__in={row["commune_id"] for row in rows if row["commune_id"]}).values_list(
            "code", "epci_id"
        )
    )
    target_links = Organisation.sdg_targets.through.objects.filter(organisation_id__in=ids).values_list(
        "organisation_id", "sdgtarget_id"
    )
    targets_of: dict[int, set[int]] = {}
    for organisation_id, target_id in target_links:
        targets_of.setdefault(organisation_id, set()).add(target_id)
    goals = set(SdgTarget.objects.filter(pk__in=facts["targets"]).values_list("goal__number", flat=True))
    goals_of: dict[int, set[int]] = {}
    if goals:
        for organisation_id, number in Organisation.sdgs.through.objects.filter(
            organisation_id__in=ids, sustainabledevelopmentgoal__number__in=goals
        ).values_list("organisation_id", "sustainabledevelopmentgoal__number"):
            goals_of.setdefault(organisation_id, set()).add(number)
    represented = set(Membership.objects.filter(organisation_id__in=ids).values_list("organisation_id", flat=True))
    places = {row["id"]: Place.of_organisation(row, epci_of) for row in rows}
    names = _names([here, *places.values()])
    target_codes = _labels()["targets"]
    scored = []
    for row in rows:
        score, reasons = 0, []
        points, reason = _territory(here, places[row["id"]], names)
        if points:
            score, reasons = points, [reason]
        if row["kind_id"] in facts["kinds"]:
            score += 25
            reasons.append(f"Type de partenaire recherché : {row['kind__name']}")
        shared = facts["targets"] & targets_of.get(row["id"], set())
        if shared:
            score += _capped(len(shared), 10, 30)
            reasons.append(f"Cibles d'ODD communes : {', '.join(sorted(target_codes[t] for t in shared))}")
        elif goals_of.get(row["id"]):
            numbers = sorted(goals_of[row["id"]])
            score += _capped(len(numbers), 5, 15)
            reasons.append(f"ODD en commun : {', '.join(str(n) for n in numbers)}")
        if row["id"] in represented:
            score += 10
            reasons.append("Représentée sur la plateforme : peut vous répondre")
        if score:
            scored.append((score, reasons, row["search_key"], row["id"]))
    scored.sort(key=lambda item: (-item[0], item[2], item[3]))
    return [(score, reasons, pk) for score, reasons, _, pk in scored]


def needs_for_organisation(organisation: Organisation) -> list[Suggestion]:
    """Open needs of other organisations that ``organisation`` could answer: it is of a kind they seek,
    near them (or they are at région or France level), best first (at most LIMIT)."""
    epci_of = (
        dict(Commune.objects.filter(code=organisation.commune_id).values_list("code", "epci_id"))
        if organisation.commune_id
        else {}
    )
    here = Place.of_organisation(organisation, epci_of)
    base = (
        Listing.objects.open()
        .of_kind(ListingKind.NEED)
        .exclude(organisation_id=organisation.pk)
        .exclude(matches__requester=organisation)
        .filter(partner_kinds=organisation.kind_id)
    )
    needs = _nearby_listings(base, here)
    places = {need["id"]: Place.of_listing_row(need) for need in needs}
    names = _names([here, *places.values()])
    mine = set(organisation.sdg_targets.values_list("pk", flat=True))
    facts_of = _facts(list(places))
    target_codes = _labels()["targets"]
    ranked = []
    for need in needs:
        facts = facts_of[need["id"]]
        score, reasons = 0, []
        points, reason = _territory(places[need["id"]], here, names)
        if points:
            score, reasons = points, [reason]
        score += 25
        reasons.append(f"Cherche des partenaires de votre type ({organisation.kind.name})")
        shared = facts["targets"] & mine
        if shared:
            score += _capped(len(shared), 10, 30)
            reasons.append(f"Cibles d'ODD communes : {', '.join(sorted(target_codes[t] for t in shared))}")
        ranked.append((score, reasons, need["id"]))
    ranked.sort(key=lambda item: (-item[0], -item[2]))
    return _kept_listings(ranked)
