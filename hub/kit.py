"""The kit « L'ODD 17 en pratique »: its 4 practical sheets as the source document describes them.

Titles and descriptions are quoted from the bilan of 7 May 2021 (seed document, section « Rendre
lisible et visible ce qui existe pour outiller les organisations & les territoires »); nothing is
added to them. Each sheet only points to what the platform holds on its subject.
"""

from __future__ import annotations

from dataclasses import dataclass

SOURCE = (
    "Bilan de la feuille de route de la mission ministérielle « Accélérer les alliances stratégiques "
    "entre associations, entreprises & collectivités », 7 mai 2021"
)
KIT_TITLE = "Le kit « L'ODD 17 en pratique »"
KIT_INTRO = (
    "Dès le lancement de la mission, l'objectif a été de valoriser la richesse des travaux existants pour "
    "concevoir, piloter et évaluer les alliances stratégiques. Pour en rendre compte, le kit « l'ODD 17 en "
    "pratique » comprend 4 fiches pratiques issues de la mission pour aider les acteurs et les territoires à "
    "se repérer et à se saisir de l'opportunité de « faire alliance »."
)
KIT_URL = "https://www.associations.gouv.fr/alliances-strategiques-entre-associations-entreprises-et-collectivites.html"
KIT_URL_LABEL = (
    "Kit « L'ODD 17 en pratique » : Alliances stratégiques entre associations, entreprises et collectivités "
    "| Associations.gouv.fr"
)


@dataclass(frozen=True)
class Sheet:
    number: int
    slug: str
    title: str
    purpose: str
    related_url_name: str
    related_label: str


SHEETS = [
    Sheet(
        number=1,
        slug="argumentaire",
        title="Argumentaire « l'ODD 17 en pratique : pourquoi et comment faire alliance ? »",
        purpose="permettant de sensibiliser et de donner les premières clés de lecture",
        related_url_name="hub:individuals",
        related_label="Découvrir ce que veut dire « faire alliance »",
    ),
    Sheet(
        number=2,
        slug="diversite-des-modeles-de-partenariats",
        title="Illustration de la diversité des modèles de partenariats",
        purpose=(
            "alliant intérêt général et économie, au travers d'exemples représentatifs de la diversité des "
            "profils, des objectifs et des modalités"
        ),
        related_url_name="cases:index",
        related_label="Parcourir les exemples inspirants par modalité et par type d'acteur",
    ),
    Sheet(
        number=3,
        slug="co-construire-territorialement",
        title="Méthodes pour « co-construire territorialement »",
        purpose=(
            "afin de rendre les territoires « féconds » aux alliances innovantes, condition nécessaire à leur "
            "développement"
        ),
        related_url_name="hub:support",
        related_label="Voir l'accompagnement en territoire",
    ),
    Sheet(
        number=4,
        slug="cartographie-des-outils",
        title="Cartographie des outils disponibles",
        purpose="afin de pouvoir agir efficacement en s'appuyant sur les bonnes pratiques déjà capitalisées",
        related_url_name="resources:tool_map",
        related_label="Ouvrir la cartographie des outils de la plateforme",
    ),
]
SHEETS_BY_SLUG = {sheet.slug: sheet for sheet in SHEETS}
