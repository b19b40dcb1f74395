"""Load every reference dataset of data/ (idempotent: a second run changes nothing)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from core.cache import clear_public_pages
from core.loading import LoadReport
from knowledge import loaders as knowledge_loaders
from observatory import loaders as observatory_loaders
from reference import loaders as reference_loaders
from roadmap import loaders as roadmap_loaders
from territories import loaders as territory_loaders

STEPS = [
    ("Objectifs de développement durable et cibles", reference_loaders.load_sdgs),
    ("Types d'acteurs", reference_loaders.load_actor_kinds),
    ("Modalités de partenariat", reference_loaders.load_partnership_modalities),
    ("Forces du changement", reference_loaders.load_forces_of_change),
    ("Feuille de route 2020", roadmap_loaders.load_roadmap),
    ("Territoires (code officiel géographique)", territory_loaders.load_territories),
    ("Études et rapports cités par le bilan du 7 mai 2021", knowledge_loaders.load_studies),
    ("Événements datés par le bilan du 7 mai 2021", knowledge_loaders.load_events),
    ("Acteurs et dispositifs nommés par le bilan", knowledge_loaders.load_actors),
    ("Historique de la démarche (2008 → 2021)", knowledge_loaders.load_history),
    ("Observatoire des partenariats", observatory_loaders.load_observatory),
]


class Command(BaseCommand):
    help = "Charge les données de référence (ODD, types d'acteurs, modalités, feuille de route 2020, territoires)."

    def handle(self, *args: Any, **options: Any) -> None:
        report = LoadReport(verbosity=options["verbosity"])
        verbose = options["verbosity"] >= 1
        with transaction.atomic():
            for label, step in tqdm(STEPS, desc="Données de référence", unit="jeu", disable=not verbose):
                if verbose:
                    tqdm.write(f"  · {label}")
                step(report)
        if report.changed:
            clear_public_pages()  # bulk loads send no signals
        if not verbose:
            return
        for line in report.lines():
            self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS(f"Données de référence chargées ({report.changed} changement(s))."))
