"""« Plan du site »: every public page without parameters, read from the URL configuration.

Nothing here lists addresses: the pages come from the URL resolver (a page added to an app's
``urls.py`` appears by itself, under its app's heading, labelled by its path until it gets a
label below), and a removed page disappears. Pages that need an item (``<slug>``), files (CSV,
SVG, feeds), the back office, the API and the personal pages of signed-in users are left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

# Heading of each namespace, in the order of the plan; a namespace not listed comes last.
GROUPS: dict[str, str] = {
    "core": "La plateforme",
    "hub": "Alliances & Territoires",
    "resources": "Les rubriques",
    "cases": "Les rubriques",
    "catalysts": "Accompagnement en territoire",
    "roadmap": "Feuille de route",
    "territories": "Territoires et annuaire",
    "organisations": "Territoires et annuaire",
    "alliances": "Faire alliance",
    "opendata": "Données ouvertes",
    "search": "Recherche",
    "contact": "Contact et informations légales",
}
OTHER_GROUP = "Autres pages"
LABELS: dict[str, str] = {
    "core:home": "Accueil",
    "opendata:index": "Données ouvertes et API",
    "core:legal": "Mentions légales",
    "core:privacy": "Données personnelles",
    "core:accessibility": "Déclaration d'accessibilité",
    "core:sitemap": "Plan du site",
    "hub:individuals": "Je suis un particulier",
    "hub:organisations": "Je représente une organisation",
    "hub:kit": "Le kit « L'ODD 17 en pratique »",
    "hub:support": "Accompagnement en territoire",
    "resources:news_index": "Actualités",
    "resources:agenda": "Agenda",
    "resources:studies": "Études & rapports",
    "resources:tools": "Outils & méthodes",
    "resources:tool_map": "Cartographie des outils",
    "cases:index": "Exemples inspirants",
    "catalysts:list": "Catalyseurs territoriaux",
    "catalysts:map": "Carte de l'accompagnement en territoire",
    "roadmap:overview": "Feuille de route : les résultats en synthèse",
    "territories:index": "Territoires",
    "organisations:directory": "Annuaire des organisations",
    "alliances:index": "Faire alliance : besoins et offres des organisations",
    "alliances:create": "Publier une annonce « Faire alliance »",
    "alliances:mine": "Mes annonces « Faire alliance »",
    "search:search": "Rechercher",
    "contact:form": "Nous contacter",
}
# Legal pages are shown with the contact form.
GROUP_OF = {
    "core:legal": "contact",
    "core:privacy": "contact",
    "core:accessibility": "contact",
    "core:sitemap": "contact",
}
EXCLUDED_NAMESPACES = {"alerts", "syndication", "api-v1"}
EXCLUDED = {"core:healthz", "core:readyz", "contact:thanks"}
FILE_SUFFIXES = (".csv", ".svg", ".pdf", ".xml", ".atom", ".ics", ".json", ".txt")


@dataclass
class SitemapGroup:
    title: str
    pages: list[tuple[str, str]] = field(default_factory=list)  # (label, url)


def _names(patterns: list, namespace: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            full = f"{namespace}:{inner}" if namespace and inner else inner or namespace
            yield from _names(pattern.url_patterns, full)
        elif isinstance(pattern, URLPattern) and pattern.name and namespace:
            yield f"{namespace}:{pattern.name}"


def public_pages() -> list[SitemapGroup]:
    """The plan, grouped by heading, in the order of ``GROUPS``, each page once."""
    groups: dict[str, SitemapGroup] = {}
    seen: set[str] = set()
    for name in _names(get_resolver().url_patterns):
        namespace = name.split(":", 1)[0]
        if name in seen or name in EXCLUDED or namespace in EXCLUDED_NAMESPACES or namespace.startswith("wagtail"):
            continue
        seen.add(name)
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue  # needs an item: reached from its section
        if url.endswith(FILE_SUFFIXES):
            continue
        key = GROUP_OF.get(name, namespace)
        title = GROUPS.get(key, OTHER_GROUP)
        groups.setdefault(title, SitemapGroup(title)).pages.append((LABELS.get(name, url), url))
    order = [*dict.fromkeys(GROUPS.values()), OTHER_GROUP]
    return sorted(groups.values(), key=lambda group: order.index(group.title))
