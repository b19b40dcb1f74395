"""The local blocks of the orientation result: cases nearby, the catalysts and the « Faire alliance » listings
of the commune's territory, each item with why it was proposed.

Each block reads the commune's département with indexed equalities, the items closest to the person's profile
first; the block of cases links to the commune's territory page, which gathers every level (territories.scopes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse

from alliances.models import Listing
from alliances.selectors import ListingFilters, open_listings
from alliances.selectors import with_related as listings_with_related
from cases.models import Case, CasePartner
from catalysts import selectors as catalyst_selectors
from organisations.selectors import TerritoryFilter
from orientation.proposals import Proposal
from territories.models import Commune

if TYPE_CHECKING:
    from orientation.selectors import OrientationResult

SHOWN = 5


def cases_url(departement: str, modality: str = "") -> str:
    query = [("departement", departement)] if departement else []
    if modality:
        query.append(("modality", modality))
    return f"{reverse('cases:index')}?{urlencode(query)}" if query else reverse("cases:index")


def nearby_cases(result: OrientationResult, commune: Commune, hide_demo: bool) -> None:
    """Up to ``SHOWN`` cases of the commune's département, the most similar first: a partner of the person's
    kind and a modality they chose, then a partner of their kind, then any; the newest verified first in each
    tier. One small query per tier, each stopping at its limit on the département's index (a single query
    ordering every case of Paris by its similarity took over a second at national scale). What concerns the
    commune at every level (région, France) is on its territory page, which the block links to."""
    departement = commune.departement
    cases = Case.objects.published().filter(departement_code=departement.code)
    if hide_demo:
        cases = cases.real()
    kind_id = result.actor_kind.pk if result.actor_kind else None
    modality_ids = result.situation.modality_ids
    same_kind = Q(Exists(CasePartner.objects.filter(case_id=OuterRef("pk"), kind_id=kind_id)))
    tiers = []
    if kind_id and modality_ids:
        tiers.append(same_kind & Q(modality_id__in=modality_ids))
    if kind_id:
        tiers.append(same_kind)
    tiers.append(Q())
    found: list[Case] = []
    for condition in tiers:
        if len(found) >= SHOWN:
            break
        query = cases.filter(condition).exclude(pk__in=[c.pk for c in found]).select_related("modality")
        found += list(query.order_by("-last_verified_on", "-id")[: SHOWN - len(found)])
    partner_kinds = _partner_kinds([c.pk for c in found])
    counts = cases.order_by().aggregate(total=Count("pk"), demo=Count("pk", filter=Q(is_demo=True)))
    result.cases_total, result.cases_demo = counts["total"], counts["demo"]
    result.cases_url = cases_url(departement.code)
    result.territory_url = commune.get_absolute_url()
    for case in found:
        reasons = [_where(case, commune)]
        if kind_id in partner_kinds.get(case.pk, set()) and result.actor_kind:
            reasons.append(f"Un partenaire est de votre type : {result.actor_kind.name.lower()}")
        if case.modality_id in modality_ids:
            reasons.append(f"Modalité qui vous intéresse : {case.modality.name.lower()}")
        result.cases.append(
            Proposal(
                f"case:{case.pk}",
                case.title,
                case.get_absolute_url(),
                reasons,
                detail=case.modality.name,
                is_demo=case.is_demo,
            )
        )


def _partner_kinds(case_ids: list[int]) -> dict[int, set[int]]:
    kinds: dict[int, set[int]] = {}
    for case_id, kind_id in CasePartner.objects.filter(case_id__in=case_ids).values_list("case_id", "kind_id"):
        kinds.setdefault(case_id, set()).add(kind_id)
    return kinds


def _where(case: Case, commune: Commune) -> str:
    if case.territory_level == "commune" and case.territory_code == commune.code:
        return f"Dans votre commune, {commune.name}"
    if case.territory_level == "commune":
        return f"À {case.territory_name}, dans le département {commune.departement}"
    if case.territory_level == "epci":
        return f"À l'échelle de l'intercommunalité {case.territory_name}"
    if case.territory_level == "region":
        return f"À l'échelle de la région {case.territory_name}"
    return f"À l'échelle du département {commune.departement}"


def territory_catalysts(result: OrientationResult, commune: Commune, hide_demo: bool) -> None:
    """Every active catalyst covering the commune's département, those who support the profile first."""
    departement = commune.departement
    catalysts = list(
        catalyst_selectors.catalysts(level="departement", code=departement.code, hide_demo=hide_demo).prefetch_related(
            "audiences"
        )
    )
    kind_id = result.actor_kind.pk if result.actor_kind else None

    def supports(catalyst: Any) -> bool:
        return any(audience.pk == kind_id for audience in catalyst.audiences.all())

    for catalyst in sorted(catalysts, key=lambda c: (not supports(c), c.name, c.pk)):
        reasons = [f"Accompagne le département {departement}"]
        if supports(catalyst) and result.actor_kind:
            reasons.append(f"Accompagne les {result.actor_kind.name_plural.lower()}")
        result.catalysts.append(
            Proposal(
                f"catalyst:{catalyst.pk}",
                catalyst.name,
                catalyst.get_absolute_url(),
                reasons,
                detail=catalyst.kind.name,
                is_demo=catalyst.is_demo,
            )
        )


def territory_listings(result: OrientationResult, commune: Commune, hide_demo: bool) -> None:
    """Open « Faire alliance » listings of the département, those looking for the profile's kind first."""
    departement = commune.departement
    listings = open_listings(
        ListingFilters(territory=TerritoryFilter("departement", departement.code, departement.name))
    )
    if hide_demo:
        listings = listings.filter(is_demo=False)
    # Those seeking the profile's kind first, then the newest others: two small reads of ids and the SHOWN
    # listings built, rather than a « seeks this kind » flag computed and sorted for every listing of the
    # département (22 ms of the result's 70 for Paris on PostgreSQL at national scale).
    newest = ("-published_at", "-id")
    seeking: list[int] = []
    if result.actor_kind:
        seeking = list(
            listings.filter(partner_kinds=result.actor_kind.pk).order_by(*newest).values_list("pk", flat=True)[:SHOWN]
        )
    others = list(
        listings.exclude(pk__in=seeking).order_by(*newest).values_list("pk", flat=True)[: SHOWN - len(seeking)]
    )
    shown = listings_with_related(Listing.objects.all()).in_bulk([*seeking, *others])
    counts = listings.order_by().aggregate(total=Count("pk"), demo=Count("pk", filter=Q(is_demo=True)))
    result.listings_total, result.listings_demo = counts["total"], counts["demo"]
    result.listings_url = (
        f"{reverse('alliances:index')}?{urlencode({'niveau': 'departement', 'code': departement.code})}"
    )
    for pk in [*seeking, *others]:
        listing = shown[pk]
        reasons = [f"Annonce du département {departement}"]
        if pk in seeking and result.actor_kind:
            reasons.append(f"Cherche des partenaires de votre type : {result.actor_kind.name_plural.lower()}")
        result.listings.append(
            Proposal(
                f"listing:{listing.pk}",
                listing.title,
                listing.get_absolute_url(),
                reasons,
                detail=f"{listing.get_kind_display()} — {listing.organisation.name}",
                is_demo=listing.is_demo,
            )
        )
