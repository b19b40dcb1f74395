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

from django.db.models import QuerySet

from alliances.models import Listing, ListingKind, ListingResource, Resource
from organisations.models import Membership, Organisation
from reference.models import PartnershipModality, SdgTarget
from territories.models import Commune, Epci, Region

LIMIT = 10
SLICE = 60


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
        return cls(
            commune=listing.territory_code if listing.territory_level == "commune" else "",
            epci=listing.epci_code,
            departement=listing.departement_code,
            region=listing.region_code,
            france=listing.territory_level == "france",
        )

    @classmethod
    def of_organisation(cls, organisation: Organisation, epci_of: dict[str, str]) -> Place:
        commune = organisation.commune_id or ""
        return cls(
            commune=commune,
            epci=epci_of.get(commune, ""),
            departement=organisation.departement_code,
            region=organisation.region_code,
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


LISTING_FIELDS = (
    "id",
    "kind",
    "title",
    "is_demo",
    "published_at",
    "territory_level",
    "territory_code",
    "region_code",
    "departement_code",
    "epci_code",
    "organisation__id",
    "organisation__name",
    "organisation__kind__id",
    "organisation__kind__name",
)
ORGANISATION_FIELDS = (
    "id",
    "name",
    "search_key",
    "commune_id",
    "departement_code",
    "region_code",
    "kind__id",
    "kind__name",
)


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


def _target_codes(ids: Iterable[int]) -> str:
    return ", ".join(sorted(SdgTarget.objects.filter(pk__in=list(ids)).values_list("code", flat=True)))


def _light(queryset: QuerySet[Listing]) -> QuerySet[Listing]:
    """Only the columns the score and the page read (the descriptions and the organisation's texts stay)."""
    return queryset.select_related("organisation__kind").only(*LISTING_FIELDS)


def _nearby_listings(base: QuerySet[Listing], place: Place) -> list[Listing]:
    """Open listings of the département, of the région (placed at région level) and of France: three
    slices led by the listing's département, région and level indexes, newest first."""
    slices: list[QuerySet[Listing]] = []
    if place.departement:
        slices.append(base.filter(departement_code=place.departement))
    if place.region:
        slices.append(base.filter(region_code=place.region, departement_code=""))
    slices.append(base.filter(region_code="", territory_level="france"))
    found: dict[int, Listing] = {}
    for queryset in slices:
        for listing in _light(queryset.order_by("-published_at", "-id")[:SLICE]):
            found.setdefault(listing.pk, listing)
    return list(found.values())


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
    names = _names([here, *(Place.of_listing(offer) for offer in offers)])
    facts_of = _facts([offer.pk for offer in offers])
    labels = _labels()
    need_kind = need.organisation.kind
    suggestions = []
    for offer in offers:
        theirs = facts_of[offer.pk]
        score = 0
        reasons: list[str] = []
        points, reason = _territory(here, Place.of_listing(offer), names)
        if points:
            score, reasons = score + points, [*reasons, reason]
        if offer.organisation.kind_id in facts["kinds"]:
            score += 25
            reasons.append(f"Type de partenaire recherché : {offer.organisation.kind.name}")
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
            suggestions.append(Suggestion(score=score, reasons=reasons, organisation=offer.organisation, listing=offer))
    suggestions.sort(key=lambda s: (-s.score, -(s.listing.pk if s.listing else 0)))
    return suggestions[:LIMIT]


def _candidate_organisation_ids(need: Listing, here: Place, kinds: set[int], targets: set[int]) -> list[int]:
    """Directory organisations near the need, of a kind it seeks: a few bounded slices, each led by an index."""
    base = Organisation.objects.active().filter(kind_id__in=kinds).exclude(pk=need.organisation_id).order_by()
    members = Membership.objects.values("organisation_id")
    slices: list[QuerySet[Organisation]] = []
    if here.departement:
        local = base.filter(departement_code=here.departement)
        slices.append(local.filter(pk__in=members))
        if here.commune:
            slices.append(base.filter(commune_id=here.commune))
        if here.epci:
            slices.append(base.filter(commune__in=Commune.objects.filter(epci_id=here.epci).values("code")))
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
    organisations = list(Organisation.objects.filter(pk__in=ids).select_related("kind").only(*ORGANISATION_FIELDS))
    return _score_organisations(organisations, here=here, facts=facts)


def _score_organisations(organisations: list[Organisation], *, here: Place, facts: dict[str, set]) -> list[Suggestion]:
    ids = [o.pk for o in organisations]
    epci_of = dict(
        Commune.objects.filter(code__in={o.commune_id for o in organisations if o.commune_id}).values_list(
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
    places = {o.pk: Place.of_organisation(o, epci_of) for o in organisations}
    names = _names([here, *places.values()])
    suggestions = []
    for organisation in organisations:
        score, reasons = 0, []
        points, reason = _territory(here, places[organisation.pk], names)
        if points:
            score, reasons = points, [reason]
        if organisation.kind_id in facts["kinds"]:
            score += 25
            reasons.append(f"Type de partenaire recherché : {organisation.kind.name}")
        shared = facts["targets"] & targets_of.get(organisation.pk, set())
        if shared:
            score += _capped(len(shared), 10, 30)
            reasons.append(f"Cibles d'ODD communes : {_target_codes(shared)}")
        elif goals_of.get(organisation.pk):
            numbers = sorted(goals_of[organisation.pk])
            score += _capped(len(numbers), 5, 15)
            reasons.append(f"ODD en commun : {', '.join(str(n) for n in numbers)}")
        if organisation.pk in represented:
            score += 10
            reasons.append("Représentée sur la plateforme : peut vous répondre")
        if score:
            suggestions.append(Suggestion(score=score, reasons=reasons, organisation=organisation))
    suggestions.sort(key=lambda s: (-s.score, s.organisation.search_key, s.organisation.pk))
    return suggestions[:LIMIT]


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
    names = _names([here, *(Place.of_listing(need) for need in needs)])
    mine = set(organisation.sdg_targets.values_list("pk", flat=True))
    facts_of = _facts([need.pk for need in needs])
    suggestions = []
    for need in needs:
        facts = facts_of[need.pk]
        score, reasons = 0, []
        points, reason = _territory(Place.of_listing(need), here, names)
        if points:
            score, reasons = points, [reason]
        score += 25
        reasons.append(f"Cherche des partenaires de votre type ({organisation.kind.name})")
        shared = facts["targets"] & mine
        if shared:
            score += _capped(len(shared), 10, 30)
            reasons.append(f"Cibles d'ODD communes : {_target_codes(shared)}")
        suggestions.append(Suggestion(score=score, reasons=reasons, organisation=need.organisation, listing=need))
    suggestions.sort(key=lambda s: (-s.score, -(s.listing.pk if s.listing else 0)))
    return suggestions[:LIMIT]
