"""Public statistics of « Faire alliance »: counts only, no name, no contact, no text.

One table of rows (``StatsRow``) feeds the page, its chart, its CSV download, the open-data file and
``GET /api/v1/alliance/stats``, so the four cannot disagree. A row is the whole of France, a
département or a partnership modality. Demonstration content (« exemples fictifs ») is left out of
every figure and counted apart (``DemoLeftOut``).

- A listing's département is its own (``Listing.departement_code``); a listing placed at région or
  France level counts in the whole only. A match's département is its listing's, or, for a match a
  catalyst proposed without a listing, the recipient organisation's seat.
- A listing with several modalities counts in each; a match counts in its listing's modalities.
- « Réponses » are the matches accepted by both sides or declined (``answered_at``); a match that
  expired had no answer. The acceptance rate rests on the answers only and is missing (« sans
  objet ») when there is none; the median time to answer, from sending to the answer, likewise.
Choices: docs/adr/0036-alliance-statistics-and-retention.md.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import CharField, F, Value
from django.db.models.functions import Coalesce, NullIf

from alliances.models import Listing, ListingKind, Match, MatchStatus
from alliances.workflow import RELEASED
from reference.models import PartnershipModality
from territories.models import Departement

FRANCE = "france"
DEPARTEMENT = "departement"
MODALITY = "modalite"
SCOPE_LABELS = {FRANCE: "France entière", DEPARTEMENT: "département", MODALITY: "modalité"}
NO_MODALITY = "sans-modalite"


@dataclass
class StatsRow:
    """The figures of one scope (France, a département or a modality)."""

    scope: str
    code: str
    label: str
    open_needs: int = 0
    open_offers: int = 0
    matches: int = 0
    answered: int = 0
    accepted: int = 0
    declined: int = 0
    expired: int = 0
    formed: int = 0
    answer_days: list[float] = field(default_factory=list, repr=False)

    @property
    def acceptance_rate(self) -> float | None:
        """Accepted answers over answers, in %, one decimal; None when no match was answered."""
        if self.answered == 0:
            return None
        return round(100 * self.accepted / self.answered, 1)

    @property
    def acceptance_basis(self) -> str:
        """What the rate rests on: « 3 acceptées sur 5 réponses »."""
        if self.answered == 0:
            return "aucune réponse"
        accepted = f"{self.accepted} acceptée{'s' if self.accepted > 1 else ''}"
        return f"{accepted} sur {self.answered} réponse{'s' if self.answered > 1 else ''}"

    @property
    def median_answer_days(self) -> float | None:
        """Median days from sending to the answer, one decimal; None without an answer."""
        if not self.answer_days:
            return None
        return round(statistics.median(self.answer_days), 1)


@dataclass(frozen=True)
class DemoLeftOut:
    listings: int
    matches: int


@dataclass(frozen=True)
class AllianceStats:
    total: StatsRow
    by_departement: list[StatsRow]
    by_modality: list[StatsRow]
    demo: DemoLeftOut

    @property
    def rows(self) -> list[StatsRow]:
        return [self.total, *self.by_departement, *self.by_modality]


def _days(sent_at: dt.datetime | None, answered_at: dt.datetime | None) -> float | None:
    if sent_at is None or answered_at is None:
        return None
    return max(0.0, (answered_at - sent_at).total_seconds() / 86400)


def _add_match(row: StatsRow, status: str, days: float | None) -> None:
    row.matches += 1
    if days is not None:  # answered: accepted by both sides, or declined
        row.answered += 1
        row.answer_days.append(days)
        row.accepted += 1 if status in RELEASED else 0
    if status == MatchStatus.DECLINED:
        row.declined += 1
    if status == MatchStatus.EXPIRED:
        row.expired += 1
    if status == MatchStatus.FORMED:
        row.formed += 1


def _modality_names() -> dict[str, str]:
    return dict(PartnershipModality.objects.order_by("position", "name").values_list("slug", "name"))


def _listing_figures(total: StatsRow, departements: dict[str, StatsRow], modalities: dict[str, StatsRow]) -> None:
    open_listings = Listing.objects.open().filter(is_demo=False)
    for kind, departement in open_listings.values_list("kind", "departement_code").order_by().iterator():
        rows = [total] + ([departements[departement]] if departement else [])
        for row in rows:
            if kind == ListingKind.NEED:
                row.open_needs += 1
            else:
                row.open_offers += 1
    links = open_listings.values_list("kind", "modalities__slug").order_by()
    for kind, slug in links.iterator():
        if slug is None:
            continue
        row = modalities[slug]
        if kind == ListingKind.NEED:
            row.open_needs += 1
        else:
            row.open_offers += 1


def _match_figures(total: StatsRow, departements: dict[str, StatsRow], modalities: dict[str, StatsRow]) -> None:
    real = Match.objects.real().order_by()
    place = Coalesce(
        NullIf(F("listing__departement_code"), Value("")), F("recipient__departement_code"), output_field=CharField()
    )
    answers = {}
    for pk, status, departement, sent_at, answered_at in real.annotate(place=place).values_list(
        "pk", "status", "place", "sent_at", "answered_at"
    ):
        days = _days(sent_at, answered_at)
        answers[pk] = (status, days)
        _add_match(total, status, days)
        if departement:
            _add_match(departements[departement], status, days)
    with_modality: set[int] = set()
    for pk, slug in real.values_list("pk", "listing__modalities__slug"):
        if slug is None:
            continue
        with_modality.add(pk)
        _add_match(modalities[slug], *answers[pk])
    for pk, (status, days) in answers.items():
        if pk not in with_modality:
            _add_match(modalities[NO_MODALITY], status, days)


def alliance_stats() -> AllianceStats:
    """Every figure of the public statistics, demo left out (and counted apart)."""
    total = StatsRow(FRANCE, "FR", SCOPE_LABELS[FRANCE])
    departements: dict[str, StatsRow] = defaultdict(lambda: StatsRow(DEPARTEMENT, "", ""))
    names = _modality_names()
    modalities: dict[str, StatsRow] = {slug: StatsRow(MODALITY, slug, name) for slug, name in names.items()}
    modalities[NO_MODALITY] = StatsRow(MODALITY, NO_MODALITY, "Sans annonce (proposée par un catalyseur)")
    _listing_figures(total, departements, modalities)
    _match_figures(total, departements, modalities)
    departement_names = dict(Departement.objects.filter(code__in=list(departements)).values_list("code", "name"))
    by_departement = []
    for code in sorted(departements):
        row = departements[code]
        row.code, row.label = code, departement_names.get(code, code)
        by_departement.append(row)
    by_modality = [row for slug, row in modalities.items() if slug != NO_MODALITY or row.matches]
    demo = DemoLeftOut(
        listings=Listing.objects.open().filter(is_demo=True).count(),
        matches=Match.objects.filter(is_demo=True).count(),
    )
    return AllianceStats(total=total, by_departement=by_departement, by_modality=by_modality, demo=demo)


CSV_COLUMNS = [
    "portee",
    "code",
    "libelle",
    "besoins_ouverts",
    "offres_ouvertes",
    "mises_en_relation",
    "reponses",
    "acceptees",
    "declinees",
    "expirees",
    "taux_acceptation",
    "delai_median_reponse_jours",
    "alliances_formees",
]


def _decimal(value: float | None) -> str:
    """« 62,5 » (a comma, as the platform's CSV files), empty when the figure is missing."""
    return "" if value is None else f"{value:.1f}".replace(".", ",")


def csv_rows(stats: AllianceStats) -> Iterable[Sequence[object]]:
    """The CSV download and open-data file: header, then one row per scope."""
    yield CSV_COLUMNS
    for row in stats.rows:
        yield [
            row.scope,
            row.code,
            row.label,
            row.open_needs,
            row.open_offers,
            row.matches,
            row.answered,
            row.accepted,
            row.declined,
            row.expired,
            _decimal(row.acceptance_rate),
            _decimal(row.median_answer_days),
            row.formed,
        ]
