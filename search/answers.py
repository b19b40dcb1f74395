"""Direct answers above the results: the territory a query names (« Marseille », « saint etienne »).

A query whose words are exactly a territory's name — accents, hyphens, apostrophes and case
ignored, after a leading « à », « en », « dans »… — offers that territory's page at the top of the
results, with a link that narrows the search to its département or région. The name is compared
with the territories' search key (indexed): four primary-key-sized lookups, no full-text work.
"""

from __future__ import annotations

from dataclasses import dataclass

from territories.models import Commune, Departement, Epci, Region
from territories.text import search_key

LEADING_WORDS = {"a", "au", "aux", "en", "dans", "sur", "pres", "de", "du", "le", "la", "les", "l"}
MAX_KEY_LENGTH = 120  # longer than any territory name: nothing to look up
AT_MOST = 3


@dataclass(frozen=True)
class TerritoryAnswer:
    name: str
    level: str  # « Commune », « Département »…
    context: str  # « Bouches-du-Rhône (13) »
    url: str
    filter_name: str  # the search filter narrowing to it: « region » or « departement »
    filter_value: str
    filter_label: str


def _keys(q: str) -> list[str]:
    key = search_key(q)
    if not key or len(key) > MAX_KEY_LENGTH:
        return []
    words = key.split()
    keys = [key]
    while len(words) > 1 and words[0] in LEADING_WORDS:
        words = words[1:]
        keys.append(" ".join(words))
    return keys


def territory_answers(q: str) -> list[TerritoryAnswer]:
    """The territories named by ``q`` (régions, départements, EPCI, then communes by population)."""
    keys = _keys(q)
    if not keys:
        return []
    answers: list[TerritoryAnswer] = []
    for region in Region.objects.filter(search_key__in=keys).order_by("name")[:AT_MOST]:
        url = region.get_absolute_url()
        answers.append(TerritoryAnswer(region.name, "Région", "", url, "region", region.code, region.name))
    for departement in Departement.objects.filter(search_key__in=keys).select_related("region")[:AT_MOST]:
        answers.append(
            TerritoryAnswer(
                departement.name,
                "Département",
                f"{departement.code}, {departement.region.name}",
                departement.get_absolute_url(),
                "departement",
                departement.code,
                str(departement),
            )
        )
    for epci in Epci.objects.filter(search_key__in=keys)[:AT_MOST]:
        answers.append(TerritoryAnswer(epci.name, "Intercommunalité (EPCI)", "", epci.get_absolute_url(), "", "", ""))
    communes = Commune.objects.filter(search_key__in=keys).select_related("departement").order_by("-population")
    for commune in communes[:AT_MOST]:
        departement = commune.departement
        answers.append(
            TerritoryAnswer(
                commune.name,
                "Commune",
                str(departement),
                commune.get_absolute_url(),
                "departement",
                departement.code,
                str(departement),
            )
        )
    return answers[:AT_MOST]
