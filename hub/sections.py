"""The 5 sections of the digital space « Alliances & Territoires » (source document, measure 1), and
the order in which each door presents them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HubSection:
    key: str
    title: str
    url_name: str


SECTIONS = {
    "news": HubSection("news", "Actualités", "resources:news_index"),
    "cases": HubSection("cases", "Exemples inspirants", "cases:index"),
    "studies": HubSection("studies", "Études & rapports", "resources:studies"),
    "tools": HubSection("tools", "Outils & méthodes", "resources:tools"),
    "support": HubSection("support", "Accompagnement en territoire", "hub:support"),
}

# A member of the public first wants to see alliances near home and what is happening, then how to engage.
INDIVIDUAL_ORDER = [
    ("cases", "Des alliances près de chez vous : qui s'est allié, pour quoi faire, avec quels résultats."),
    ("news", "Les nouvelles des alliances et l'agenda des rencontres ouvertes à tous."),
    ("support", "Les acteurs et les événements de votre territoire pour vous engager."),
    ("tools", "Des guides pour comprendre et participer, du premier pas à l'engagement."),
    ("studies", "Les études qui éclairent la place des partenariats dans la société."),
]
# An organisation first wants tools fitted to its maturity and examples that fit its profile, then local support.
ORGANISATION_ORDER = [
    ("tools", "Guides, formations, référentiels et outils de diagnostic pour concevoir, piloter et évaluer."),
    ("cases", "Des exemples d'alliances filtrés par type d'acteur, modalité, objectif et territoire."),
    ("support", "L'accompagnement disponible sur votre territoire pour lancer une démarche."),
    ("studies", "Les chiffres et analyses pour argumenter et situer votre démarche."),
    ("news", "L'actualité des alliances et les rendez-vous du réseau."),
]
