"""Demonstration catalysts: clearly fictional, flagged ``is_demo`` (« exemple fictif » on screen).

``load_demo_catalysts()`` is idempotent and deterministic (items matched by slug; a second run
changes nothing). Called by the ``load_demo_content`` command. On purpose, many départements stay
without any catalyst, so that the map and « territoires sans accompagnement » have something to show.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from catalysts.models import Catalyst, SupportScheme
from reference.models import ActorKind
from territories.models import Departement, Region

_KINDS = ["association", "collectivite", "fondation", "enseignement-recherche", "etat", "entreprise"]
_SUPPORT = [
    "Mise en relation d'acteurs qui ne se connaissent pas encore, animation de la première réunion.",
    "Aide à la formalisation de l'alliance : gouvernance, convention de partenariat, rôle de chacun.",
    "Recherche de financements et montage de dossiers de réponse aux appels à projets.",
    "Ateliers de co-construction et formation à l'animation de démarches partenariales.",
    "Évaluation de l'utilité sociale et mesure de l'impact des alliances.",
]
# (place used in the name, départements covered, régions covered)
_PLACES: list[tuple[str, list[str], list[str]]] = [
    ("Nord", ["59"], []),
    ("Pas-de-Calais", ["62", "59"], []),
    ("Calvados", ["14"], []),
    ("Finistère", ["29"], []),
    ("Ille-et-Vilaine", ["35", "22"], []),
    ("Loire-Atlantique", ["44"], []),
    ("Gironde", ["33"], []),
    ("Haute-Garonne", ["31"], []),
    ("Hérault", ["34", "30"], []),
    ("Bouches-du-Rhône", ["13"], []),
    ("Var", ["83"], []),
    ("Rhône", ["69"], []),
    ("Isère", ["38"], []),
    ("Puy-de-Dôme", ["63"], []),
    ("Côte-d'Or", ["21"], []),
    ("Bas-Rhin", ["67"], []),
    ("Moselle", ["57", "54"], []),
    ("Loiret", ["45"], []),
    ("Paris", ["75"], []),
    ("Seine-Saint-Denis", ["93"], []),
    ("Val-de-Marne", ["94"], []),
    ("Corse", [], ["94"]),
    ("Bretagne", [], ["53"]),
    ("La Réunion", ["974"], []),
    ("Guadeloupe", ["971"], []),
]


@dataclass(frozen=True)
class DemoCatalyst:
    slug: str
    name: str
    kind: str
    description: str
    support_offered: str
    audiences: list[str]
    departements: list[str]
    regions: list[str]
    contact_email: str
    website: str


def demo_catalysts() -> list[DemoCatalyst]:
    items = []
    for index, (place, departements, regions) in enumerate(_PLACES):
        article = "de la" if regions else "du"
        name = f"Catalyseur fictif {article} {place}"
        slug = f"catalyseur-fictif-{slugify(place)}"
        items.append(
            DemoCatalyst(
                slug=slug,
                name=name,
                kind=_KINDS[index % len(_KINDS)],
                description=(
                    f"Exemple fictif : « {name} » n'existe pas. Il montre comment un catalyseur territorial "
                    "se présente sur la plateforme."
                ),
                support_offered=_SUPPORT[index % len(_SUPPORT)],
                audiences=sorted({_KINDS[(index + 1) % len(_KINDS)], "association", "collectivite"}),
                departements=departements,
                regions=regions,
                contact_email=f"contact@{slug}.example.org",
                website=f"https://{slug}.example.org/",
            )
        )
    return items


def _same(catalyst: Catalyst, item: DemoCatalyst, simple: dict[str, object]) -> bool:
    return (
        all(getattr(catalyst, name) == value for name, value in simple.items())
        and sorted(catalyst.audiences.values_list("slug", flat=True)) == sorted(item.audiences)
        and sorted(catalyst.departements.values_list("code", flat=True)) == sorted(item.departements)
        and sorted(catalyst.regions.values_list("code", flat=True)) == sorted(item.regions)
    )


@transaction.atomic
def load_demo_catalysts() -> Counter[str]:
    """Create or update the demo catalysts (and one demo support scheme); counts of created/updated/unchanged.

    Without the territories (COG) loaded, nothing is loaded: a catalyst without territory would mislead.
    """
    counts: Counter[str] = Counter()
    kinds = {kind.slug: kind for kind in ActorKind.objects.all()}
    known_departements = set(Departement.objects.values_list("code", flat=True))
    known_regions = set(Region.objects.values_list("code", flat=True))
    if not kinds or not known_departements:
        counts["skipped"] = len(_PLACES)
        return counts
    for item in demo_catalysts():
        item = DemoCatalyst(
            **{
                **item.__dict__,
                "departements": [c for c in item.departements if c in known_departements],
                "regions": [c for c in item.regions if c in known_regions],
            }
        )
        simple: dict[str, object] = {
            "name": item.name,
            "kind_id": kinds[item.kind].pk,
            "description": item.description,
            "support_offered": item.support_offered,
            "contact_email": item.contact_email,
            "contact_url": "",
            "website": item.website,
            "is_active": True,
            "is_demo": True,
        }
        catalyst = Catalyst.objects.filter(slug=item.slug).first()
        if catalyst is not None and _same(catalyst, item, simple):
            counts["unchanged"] += 1
            continue
        counts["created" if catalyst is None else "updated"] += 1
        catalyst = catalyst or Catalyst(slug=item.slug)
        for name, value in simple.items():
            setattr(catalyst, name, value)
        catalyst.full_clean()
        catalyst.save()
        catalyst.audiences.set([kinds[slug] for slug in item.audiences])
        catalyst.departements.set(item.departements)
        catalyst.regions.set(item.regions)
    SupportScheme.objects.get_or_create(
        name="Dispositif fictif d'appui aux alliances locales",
        defaults={
            "provider": "Financeur fictif national",
            "description": "Exemple fictif : un dispositif d'accompagnement national, ouvert à tous les territoires.",
            "link": "https://dispositif-fictif.example.org/",
            "is_demo": True,
        },
    )
    return counts
