"""Demonstration content: fictional cases, tools, studies, news and events to try every filter.

Everything here is invented and flagged ``is_demo`` (« exemple fictif » on every page and in the
API). Organisations carry clearly fictional names (« …d'Exempleville », « …du Val-Fictif ») and
no fact is attributed to a real organisation; only the places (régions, départements, EPCI,
communes of the official geography) and the SDG targets are real. Generation is deterministic:
the same seed always gives the same content.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from django.utils.text import slugify

from hub.territory import TerritoryLevel

SEED = 2021
CASE_COUNT = 60
TOOL_COUNT = 40
STUDY_COUNT = 15
NEWS_COUNT = 15
EVENT_COUNT = 10

FICTIONAL_PLACES = [
    "Exempleville",
    "Val-Fictif",
    "Imaginville",
    "Bourg-l'Exemple",
    "Sainte-Fiction",
    "Port-Modèle",
    "Les Essarts-d'Essai",
    "Mont-Inventé",
]
FICTIONAL_WORDS = [
    "Horizon Partagé",
    "Les Colibris",
    "Atelier Boréal",
    "Terre d'Essai",
    "Le Fil Commun",
    "Cap Solidaire",
    "La Main Tendue",
    "Les Quatre Vents",
    "Racines Vives",
    "Le Pont Neuf",
    "Ressources Communes",
    "L'Escale",
]
PARTNER_PATTERNS = {
    "association": "Association {word} de {place}",
    "entreprise": "{word} SAS ({place})",
    "collectivite": "Communauté de communes fictive de {place}",
    "fondation": "Fondation {word}",
    "enseignement-recherche": "Institut universitaire fictif de {place}",
    "etat": "Service de l'État fictif de {place}",
    "citoyen": "Collectif d'habitants {word} de {place}",
}
ROLES = {
    "association": [
        "porte le projet et anime le collectif",
        "accompagne les personnes bénéficiaires",
        "mobilise ses bénévoles",
    ],
    "entreprise": ["apporte compétences et matériel", "finance une partie du projet", "ouvre ses sites et ses achats"],
    "collectivite": ["met à disposition un local", "coordonne les acteurs du territoire", "cofinance l'amorçage"],
    "fondation": ["finance l'ingénierie du projet", "évalue les résultats"],
    "enseignement-recherche": ["mesure l'impact", "forme les équipes"],
    "etat": ["facilite les démarches administratives", "soutient l'expérimentation"],
    "citoyen": ["participe à la conception", "fait vivre le lieu au quotidien"],
}


@dataclass(frozen=True)
class Theme:
    key: str
    label: str
    titles: tuple[str, ...]
    objective: str
    result: str
    targets: tuple[str, ...]
    kinds: tuple[str, ...]


THEMES = [
    Theme(
        "circulaire",
        "économie circulaire",
        (
            "Une recyclerie partagée entre une association d'insertion et des entreprises du bâtiment",
            "Réemployer le mobilier de bureau grâce à une alliance entre entreprises et associations",
            "Collecter et valoriser les biodéchets d'un quartier",
            "Une filière locale de réparation des appareils électroménagers",
            "Donner une seconde vie aux textiles avec les collectivités",
        ),
        (
            "Développer l'économie circulaire sur le territoire : réduire les "
            "déchets, réemployer les matériaux et créer des emplois locaux."
        ),
        "{n} tonnes de matériaux réemployées et {m} emplois créés en deux ans (chiffres fictifs).",
        ("12.5", "12.2", "8.4", "11.6"),
        ("association", "entreprise", "collectivite"),
    ),
    Theme(
        "insertion",
        "insertion professionnelle",
        (
            "Un parcours vers l'emploi co-construit avec les employeurs locaux",
            "Des chantiers d'insertion ouverts aux entreprises du territoire",
            "Parrainer des jeunes éloignés de l'emploi",
            "Former aux métiers de la transition écologique",
            "Un groupement d'employeurs pour l'insertion",
        ),
        (
            "Faciliter l'accès à l'emploi des personnes qui en sont éloignées grâce à une "
            "alliance entre employeurs, associations et collectivités."
        ),
        "{n} personnes accompagnées, dont {m} en emploi durable six mois après (chiffres fictifs).",
        ("8.5", "8.6", "10.2", "4.4"),
        ("association", "entreprise", "etat"),
    ),
    Theme(
        "alimentation",
        "alimentation durable",
        (
            "Une épicerie solidaire approvisionnée par les producteurs locaux",
            "Lutter contre le gaspillage alimentaire dans la restauration collective",
            "Des jardins partagés au pied des immeubles",
            "Un projet alimentaire territorial porté à plusieurs",
            "Cuisiner les invendus avec des personnes en insertion",
        ),
        (
            "Rendre une alimentation de qualité accessible à tous en s'appuyant sur "
            "les producteurs et les acteurs solidaires du territoire."
        ),
        "{n} repas servis et {m} tonnes de denrées sauvées du gaspillage (chiffres fictifs).",
        ("2.1", "12.3", "2.4", "1.4"),
        ("association", "collectivite", "entreprise", "citoyen"),
    ),
    Theme(
        "sante",
        "santé et bien-être",
        (
            "Prévenir l'isolement des personnes âgées par une alliance de proximité",
            "Le sport-santé en entreprise et en association",
            "Un réseau d'aidants soutenu par les employeurs",
            "Une maison de santé animée avec les associations de patients",
            "Promouvoir la santé mentale des étudiants",
        ),
        (
            "Améliorer la santé et le bien-être des habitants en réunissant "
            "professionnels, associations, employeurs et collectivités."
        ),
        "{n} personnes touchées par les actions de prévention et {m} bénévoles mobilisés (chiffres fictifs).",
        ("3.4", "3.8", "10.2"),
        ("association", "collectivite", "fondation", "enseignement-recherche"),
    ),
    Theme(
        "education",
        "éducation et jeunesse",
        (
            "Des mentors d'entreprise pour les collégiens",
            "Un tiers-lieu éducatif ouvert à tous les acteurs du quartier",
            "Découvrir les métiers par des stages partagés",
            "Lutter contre le décrochage scolaire ensemble",
            "Éduquer au développement durable avec les entreprises locales",
        ),
        (
            "Ouvrir l'école sur son territoire et multiplier les opportunités pour "
            "les jeunes grâce aux entreprises et aux associations."
        ),
        "{n} jeunes accompagnés et {m} entreprises engagées (chiffres fictifs).",
        ("4.4", "4.7", "4.1"),
        ("association", "entreprise", "enseignement-recherche", "collectivite"),
    ),
    Theme(
        "mobilite",
        "mobilité solidaire",
        (
            "Une plateforme de mobilité solidaire pour les zones rurales",
            "Covoiturage domicile-travail entre entreprises voisines",
            "Des vélos réparés pour les personnes en insertion",
            "Un transport à la demande co-financé",
            "Apprendre à se déplacer autrement",
        ),
        (
            "Permettre à chacun de se déplacer pour travailler, se soigner et "
            "se former, avec des solutions partagées et sobres."
        ),
        "{n} trajets réalisés et {m} personnes ayant retrouvé une solution de mobilité (chiffres fictifs).",
        ("11.2", "13.3", "10.2"),
        ("association", "entreprise", "collectivite"),
    ),
    Theme(
        "climat",
        "transition énergétique et climat",
        (
            "Une coopérative citoyenne d'énergie renouvelable",
            "Rénover les logements des ménages modestes avec les artisans",
            "Un plan climat co-construit avec les entreprises",
            "Sensibiliser les salariés à la sobriété énergétique",
            "Des toitures solaires sur les équipements publics",
        ),
        "Accélérer la transition énergétique du territoire en associant habitants, entreprises et collectivités.",
        "{n} MWh produits ou économisés par an et {m} foyers impliqués (chiffres fictifs).",
        ("7.2", "7.3", "13.3", "13.1"),
        ("citoyen", "entreprise", "collectivite", "association"),
    ),
    Theme(
        "numerique",
        "inclusion numérique",
        (
            "Des ateliers numériques animés par des salariés bénévoles",
            "Reconditionner des ordinateurs pour les familles",
            "Un réseau de médiateurs numériques de proximité",
            "Accompagner les associations dans leur transformation numérique",
            "Un fablab partagé entre école, entreprise et association",
        ),
        "Réduire la fracture numérique en mutualisant matériel, compétences et lieux d'accueil.",
        "{n} personnes formées et {m} ordinateurs redistribués (chiffres fictifs).",
        ("9.c", "4.4", "10.2"),
        ("association", "entreprise", "collectivite", "fondation"),
    ),
    Theme(
        "biodiversite",
        "biodiversité",
        (
            "Restaurer une zone humide avec les entreprises riveraines",
            "Des sentiers de biodiversité entretenus par des bénévoles",
            "Protéger les pollinisateurs dans les zones d'activités",
            "Un inventaire participatif de la faune et de la flore",
            "Replanter des haies avec les agriculteurs et les écoles",
        ),
        "Préserver et restaurer la biodiversité locale en impliquant habitants, entreprises et chercheurs.",
        "{n} hectares restaurés et {m} participants aux inventaires (chiffres fictifs).",
        ("15.1", "15.5", "11.4"),
        ("association", "entreprise", "enseignement-recherche", "collectivite"),
    ),
    Theme(
        "egalite",
        "égalité entre les femmes et les hommes",
        (
            "Accompagner des créatrices d'entreprise dans les quartiers",
            "Un réseau de marraines dans les métiers techniques",
            "Prévenir les violences avec les employeurs du territoire",
            "Des modes de garde partagés pour faciliter le retour à l'emploi",
            "Valoriser les femmes dans les sciences",
        ),
        "Faire progresser l'égalité entre les femmes et les hommes dans l'emploi et la vie locale.",
        "{n} femmes accompagnées et {m} entreprises signataires d'une charte (chiffres fictifs).",
        ("5.5", "5.1", "8.5"),
        ("association", "entreprise", "fondation", "etat"),
    ),
    Theme(
        "logement",
        "logement et habitat",
        (
            "Un habitat intergénérationnel porté par une alliance locale",
            "Mobiliser des logements vacants pour les jeunes actifs",
            "Accompagner l'auto-réhabilitation des logements",
            "Une résidence sociale co-gérée avec les habitants",
            "Loger les salariés saisonniers",
        ),
        (
            "Faciliter l'accès à un logement digne et abordable grâce à la "
            "coopération entre bailleurs, associations et employeurs."
        ),
        "{n} ménages logés et {m} logements remis sur le marché (chiffres fictifs).",
        ("11.1", "1.4", "10.2"),
        ("association", "collectivite", "entreprise"),
    ),
    Theme(
        "gouvernance",
        "coopération territoriale",
        (
            "Un pôle territorial de coopération économique",
            "Une conférence locale des alliances pour le bien commun",
            "Mutualiser les fonctions support des petites associations",
            "Un fonds territorial abondé par les entreprises",
            "Co-construire la politique associative de la commune",
        ),
        "Faire travailler ensemble les acteurs d'un territoire et outiller leur coopération dans la durée.",
        "{n} organisations membres et {m} projets communs lancés (chiffres fictifs).",
        ("17.17", "16.7", "11.3"),
        ("association", "entreprise", "collectivite", "etat", "fondation"),
    ),
]

MODALITIES = ["mecenat", "pratiques-responsables", "cooperation-economique", "innovation-societale"]
LEVELS = (
    [TerritoryLevel.FRANCE] * 8
    + [TerritoryLevel.REGION] * 10
    + [TerritoryLevel.DEPARTEMENT] * 14
    + [TerritoryLevel.EPCI] * 8
    + [TerritoryLevel.COMMUNE] * 20
)
PREFERRED_REGIONS = ["11", "84", "93", "53", "75", "76", "32", "44"]


@dataclass
class Places:
    """Real codes of the official geography to spread the demo content over (empty if not loaded)."""

    regions: list[str] = field(default_factory=list)
    departements: list[str] = field(default_factory=list)
    epcis: list[str] = field(default_factory=list)
    communes: list[str] = field(default_factory=list)

    @property
    def loaded(self) -> bool:
        return bool(self.regions)


def load_places() -> Places:
    from territories.models import Commune, Departement, Region

    regions = [code for code in PREFERRED_REGIONS if Region.objects.filter(code=code).exists()]
    if not regions:
        return Places()
    departements = []
    for region in regions:
        departements += list(
            Departement.objects.filter(region_id=region).order_by("code").values_list("code", flat=True)[:2]
        )
    communes = []
    for departement in departements:
        communes += list(
            Commune.objects.filter(departement_id=departement)
            .order_by("-population", "code")
            .values_list("code", flat=True)[:2]
        )
    epcis = list(
        Commune.objects.filter(code__in=communes, epci__isnull=False)
        .order_by("code")
        .values_list("epci_id", flat=True)
        .distinct()
    )
    return Places(regions=regions, departements=departements, epcis=sorted(set(epcis)), communes=communes)


def _territory(level: str, places: Places, rng: random.Random) -> tuple[str, str]:
    if not places.loaded or level == TerritoryLevel.FRANCE:
        return TerritoryLevel.FRANCE, ""
    pool = {
        TerritoryLevel.REGION: places.regions,
        TerritoryLevel.DEPARTEMENT: places.departements,
        TerritoryLevel.EPCI: places.epcis,
        TerritoryLevel.COMMUNE: places.communes,
    }[level]
    if not pool:
        return TerritoryLevel.FRANCE, ""
    return level, rng.choice(pool)


def _partner(kind: str, rng: random.Random) -> dict[str, str]:
    name = PARTNER_PATTERNS[kind].format(word=rng.choice(FICTIONAL_WORDS), place=rng.choice(FICTIONAL_PLACES))
    return {"name": name, "kind": kind, "role": rng.choice(ROLES[kind])}


def cases(places: Places) -> list[dict[str, Any]]:
    rng = random.Random(SEED)  # noqa: S311 - deterministic demo content, not security
    items = []
    for index in range(CASE_COUNT):
        theme = THEMES[index % len(THEMES)]
        title = theme.titles[(index // len(THEMES)) % len(theme.titles)]
        kinds = rng.sample(theme.kinds, k=min(len(theme.kinds), rng.choice([2, 2, 3, 3, 4])))
        partners = []
        for kind in kinds:
            partner = _partner(kind, rng)
            while partner["name"] in {p["name"] for p in partners}:
                partner = _partner(kind, rng)
            partners.append(partner)
        level, code = _territory(LEVELS[index % len(LEVELS)], places, rng)
        start = 2015 + rng.randrange(8)
        modality = MODALITIES[(index + index // len(THEMES)) % len(MODALITIES)]
        items.append(
            {
                "slug": f"{slugify(title)[:90]}-{index + 1:02d}",
                "title": title,
                "summary": (
                    f"Exemple fictif d'alliance autour de l'{theme.label}"
                    if theme.label[0] in "aeéiou"
                    else f"Exemple fictif d'alliance autour de la {theme.label}"
                )
                + f" : {title[0].lower()}{title[1:]}, avec {len(partners)} partenaires aux rôles complémentaires.",
                "partners": partners,
                "modality": modality,
                "objectives": theme.objective,
                "start_year": start,
                "end_year": None if rng.random() < 0.5 else start + rng.randrange(1, 5),
                "targets": sorted(rng.sample(theme.targets, k=min(len(theme.targets), 2))),
                "territory_level": level,
                "territory_code": code,
                "results": theme.result.format(n=rng.randrange(20, 400), m=rng.randrange(3, 40)),
                "last_verified_on": dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(300)),
            }
        )
    return items


TOOL_SUBJECTS = [
    ("Guide pour concevoir une alliance entre association et entreprise", "guide"),
    ("Grille d'autodiagnostic de la maturité partenariale", "diagnostic"),
    ("Formation : piloter un partenariat multi-acteurs", "formation"),
    ("Référentiel d'évaluation de l'impact d'une alliance", "referentiel"),
    ("Boîte à outils de la co-construction territoriale", "boite-a-outils"),
    ("Webinaire : premiers pas dans le mécénat de compétences", "webinaire"),
    ("Plateforme de mise en relation entre acteurs locaux", "plateforme"),
    ("Modèle de convention de partenariat commentée", "guide"),
    ("Tableau de bord de suivi d'une alliance", "diagnostic"),
    ("Formation : animer une démarche de coopération territoriale", "formation"),
]
TOOL_PROVIDERS = [
    "Centre de ressources fictif d'Exempleville",
    "Réseau Exemple des alliances",
    "Atelier Boréal Conseil (fictif)",
    "Fondation fictive Le Fil Commun",
]
PHASES = ["concevoir", "piloter", "evaluer"]
MATURITIES = ["decouvrir", "se-lancer", "approfondir"]
PHASE_VERBS = {"concevoir": "concevoir", "piloter": "piloter", "evaluer": "évaluer"}
MATURITY_LABELS = {"decouvrir": "découvrir", "se-lancer": "se lancer", "approfondir": "approfondir"}
ACTOR_KINDS = ["association", "entreprise", "collectivite", "fondation", "enseignement-recherche", "etat"]


def tools() -> list[dict[str, Any]]:
    rng = random.Random(SEED + 1)  # noqa: S311 - deterministic demo content, not security
    items = []
    for index in range(TOOL_COUNT):
        subject, fmt = TOOL_SUBJECTS[index % len(TOOL_SUBJECTS)]
        edition = index // len(TOOL_SUBJECTS) + 1
        title = subject if edition == 1 else f"{subject} (édition {edition})"
        phase = PHASES[index % len(PHASES)]
        maturity = MATURITIES[(index // len(PHASES)) % len(MATURITIES)]
        items.append(
            {
                "slug": f"{slugify(title)[:100]}",
                "title": title,
                "summary": f"Outil fictif de démonstration pour {PHASE_VERBS[phase]} une alliance, "
                f"niveau « {MATURITY_LABELS[maturity]} ».",
                "phase": phase,
                "maturity": maturity,
                "format": fmt,
                "provider": rng.choice(TOOL_PROVIDERS),
                "audiences": sorted(rng.sample(ACTOR_KINDS, k=rng.choice([1, 2, 3]))),
            }
        )
    return items


STUDY_SUBJECTS = [
    "Baromètre des alliances territoriales",
    "Les entreprises et l'engagement associatif",
    "Les collectivités face aux coopérations locales",
    "Mesurer l'impact des partenariats",
    "Les fondations, catalyseurs d'alliances",
]


def studies() -> list[dict[str, Any]]:
    rng = random.Random(SEED + 2)  # noqa: S311 - deterministic demo content, not security
    items = []
    for index in range(STUDY_COUNT):
        subject = STUDY_SUBJECTS[index % len(STUDY_SUBJECTS)]
        year = 2022 + index // len(STUDY_SUBJECTS)
        title = f"{subject} {year}"
        items.append(
            {
                "slug": slugify(title),
                "title": title,
                "summary": f"Étude fictive de démonstration : « {subject.lower()} », "
                f"résultats d'une enquête inventée menée en {year}.",
                "publisher": "Observatoire Exemple des coopérations (fictif)",
                "published_on": dt.date(year, 1 + rng.randrange(12), 1 + rng.randrange(28)),
                "key_figures": [
                    f"{rng.randrange(40, 90)} % des répondants jugent les alliances utiles (chiffre fictif)",
                    f"{rng.randrange(100, 900)} organisations interrogées (chiffre fictif)",
                ],
            }
        )
    return items


NEWS_SUBJECTS = [
    "Lancement d'un appel à projets pour les alliances locales",
    "Retour sur une rencontre régionale des acteurs de la coopération",
    "Une nouvelle fiche pratique sur l'économie circulaire",
    "Les lauréats d'un prix des alliances territoriales",
    "Un nouveau réseau de catalyseurs dans les territoires ruraux",
]


def news() -> list[dict[str, Any]]:
    items = []
    for index in range(NEWS_COUNT):
        subject = NEWS_SUBJECTS[index % len(NEWS_SUBJECTS)]
        number = index // len(NEWS_SUBJECTS) + 1
        title = f"{subject} ({number})" if number > 1 else subject
        items.append(
            {
                "slug": slugify(title),
                "title": title,
                "summary": f"Actualité fictive de démonstration : {subject[0].lower()}{subject[1:]}.",
                "published_on": dt.date(2026, 1, 5) + dt.timedelta(days=21 * index),
                "body": "Ce texte de démonstration ne relate aucun fait réel.",
            }
        )
    return items


EVENT_SUBJECTS = [
    "Rencontre des alliances en territoire",
    "Atelier : construire un partenariat association-entreprise",
    "Webinaire : évaluer l'impact d'une alliance",
    "Forum local de la coopération",
    "Formation des catalyseurs territoriaux",
]


def events(places: Places) -> list[dict[str, Any]]:
    rng = random.Random(SEED + 3)  # noqa: S311 - deterministic demo content, not security
    items = []
    paris = dt.timezone(dt.timedelta(hours=1))
    for index in range(EVENT_COUNT):
        subject = EVENT_SUBJECTS[index % len(EVENT_SUBJECTS)]
        title = f"{subject} — session {index + 1}"
        starts = dt.datetime(2026, 9, 15, 9, 30, tzinfo=paris) + dt.timedelta(days=30 * index)
        online = "Webinaire" in subject
        level, code = (
            (TerritoryLevel.FRANCE, "")
            if online
            else _territory(rng.choice([TerritoryLevel.REGION, TerritoryLevel.COMMUNE]), places, rng)
        )
        items.append(
            {
                "slug": slugify(title),
                "title": title,
                "summary": f"Événement fictif de démonstration : {subject[0].lower()}{subject[1:]}.",
                "starts_at": starts,
                "ends_at": starts + dt.timedelta(hours=3),
                "place": "En ligne" if online else f"Salle fictive de {rng.choice(FICTIONAL_PLACES)}",
                "territory_level": level,
                "territory_code": code,
            }
        )
    return items
