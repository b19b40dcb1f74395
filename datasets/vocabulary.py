"""The words of the generated dataset: every name says « fictif » so nobody takes it for a real entity."""

from __future__ import annotations

# The mark of generated roadmap reviews (``Review`` has no ``is_generated`` column): its ``source``.
GENERATED_SOURCE = "Jeu de données généré pour le banc d'essai"
# The register id prefix of generated organisations (source « manual »): never a real RNA or SIREN.
REGISTER_PREFIX = "GEN"
SLUG_PREFIX = "genere"

# A theme per item; the first is drawn most often, so it is the bench's « frequent word ».
THEMES = [
    ("mobilite", "la mobilité solidaire"),
    ("alimentation", "l'alimentation durable"),
    ("emploi", "l'insertion et l'emploi"),
    ("numerique", "l'inclusion numérique"),
    ("energie", "la rénovation énergétique"),
    ("sante", "la santé de proximité"),
    ("culture", "l'accès à la culture"),
    ("jeunesse", "l'engagement des jeunes"),
    ("biodiversite", "la biodiversité locale"),
    ("logement", "le logement abordable"),
]
THEME_WEIGHTS = [30, 12, 10, 9, 8, 8, 7, 6, 5, 5]
FREQUENT_WORD = THEMES[0][0]

ORGANISATION_FORMS = {
    "association": ["Association fictive", "Collectif fictif", "Amicale fictive", "Réseau fictif"],
    "entreprise": ["Société fictive", "Coopérative fictive", "Atelier fictif"],
    "collectivite": ["Syndicat fictif", "Régie fictive"],
    "fondation": ["Fondation fictive", "Fonds de dotation fictif"],
    "enseignement-recherche": ["Laboratoire fictif", "Institut fictif"],
    "etat": ["Service fictif de l'État"],
    "citoyen": ["Groupe citoyen fictif"],
}
DEFAULT_FORMS = ["Organisation fictive"]
KIND_WEIGHTS = {
    "association": 70,
    "entreprise": 20,
    "collectivite": 3,
    "fondation": 2,
    "enseignement-recherche": 2,
    "etat": 1,
    "citoyen": 2,
}
SUBJECTS = [
    "des jardins partagés",
    "du vélo pour tous",
    "des savoirs partagés",
    "de l'entraide",
    "des circuits courts",
    "du sport ensemble",
    "de la musique vivante",
    "des aidants",
    "du réemploi",
    "de la vie du quartier",
    "des rivières propres",
    "du numérique pour tous",
]
ROLES = [
    "porte le projet",
    "apporte un financement",
    "met à disposition des locaux",
    "apporte son expertise",
    "mobilise des bénévoles",
    "évalue les résultats",
]
PUBLISHERS = ["Observatoire fictif des alliances", "Institut fictif des territoires", "Laboratoire fictif du lien"]
