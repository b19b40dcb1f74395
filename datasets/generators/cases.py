"""Generated inspiring examples: 2 to 4 partners, one source, 1 to 3 SDG targets, a territory at any level."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from cases.models import Case, CasePartner, CaseSource
from datasets.generators.common import Geography, Progress, batches, raw_delete, rng_for, territory_fields
from datasets.generators.hub_items import index, published_fields, remove_documents
from datasets.vocabulary import ORGANISATION_FORMS, ROLES, SLUG_PREFIX, SUBJECTS, THEME_WEIGHTS, THEMES
from reference.models import ActorKind, PartnershipModality, SdgTarget

LABEL = "Exemples inspirants"
MODEL = Case
BATCH = 2_000
LEVELS = ["commune", "departement", "region", "france"]
LEVEL_WEIGHTS = [55, 25, 15, 5]


def existing() -> int:
    return Case.objects.filter(is_generated=True).count()


def reset() -> int:
    generated = Case.objects.filter(is_generated=True).values("pk")
    with transaction.atomic():
        remove_documents(Case)
        raw_delete(CasePartner.objects.filter(case__in=generated))
        raw_delete(CaseSource.objects.filter(case__in=generated))
        raw_delete(Case.sdg_targets.through.objects.filter(case__in=generated))
        return raw_delete(Case.objects.filter(is_generated=True))


def generate(count: int, *, seed: int, geo: Geography, progress: Progress) -> int:
    rng = rng_for(seed, "cases")
    kinds = list(ActorKind.objects.order_by("position", "pk"))
    modalities = list(PartnershipModality.objects.order_by("position", "pk"))
    targets = list(SdgTarget.objects.order_by("pk").values_list("pk", flat=True))
    through = Case.sdg_targets.through
    written = 0
    for numbers in batches(count, BATCH):
        communes = geo.draw(rng, len(numbers))
        cases, children = [], []
        for number, commune in zip(numbers, communes, strict=True):
            theme_word, theme = rng.choices(THEMES, THEME_WEIGHTS)[0]
            level = rng.choices(LEVELS, LEVEL_WEIGHTS)[0]
            territory = territory_fields(geo, commune, level)
            place = territory["territory_name"]
            start = rng.randrange(2005, 2026)
            end = None if rng.random() < 0.6 else rng.randrange(start, 2026)
            cases.append(
                Case(
                    title=f"Alliance fictive pour {theme} — {place} n° {number + 1}",
                    slug=f"{SLUG_PREFIX}-exemple-{number + 1}",
                    summary=(
                        f"Exemple fictif généré pour le banc d'essai : une alliance locale autour de {theme} "
                        f"({theme_word}) à l'échelle « {place} »."
                    ),
                    modality=rng.choice(modalities),
                    objectives=f"Développer {theme} avec les habitants et les acteurs du territoire.",
                    results=f"Résultats fictifs : {rng.randrange(10, 5000)} personnes accompagnées.",
                    start_year=start,
                    end_year=end,
                    last_verified_on=dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(365)),
                    **territory,
                    **published_fields(),
                )
            )
            partner_kinds = rng.sample(kinds, rng.randrange(2, 5))
            children.append(
                (
                    [
                        (
                            f"{rng.choice(ORGANISATION_FORMS.get(kind.slug, ['Organisation fictive']))} "
                            f"{rng.choice(SUBJECTS)}",
                            kind,
                            rng.choice(ROLES),
                        )
                        for kind in partner_kinds
                    ],
                    rng.sample(targets, rng.randrange(1, 4)) if targets else [],
                )
            )
        with transaction.atomic():
            created = Case.objects.bulk_create(cases, batch_size=500)
            CasePartner.objects.bulk_create(
                [
                    CasePartner(case=case, name=name, kind=kind, role=role, sort_order=position)
                    for case, (partners, _) in zip(created, children, strict=True)
                    for position, (name, kind, role) in enumerate(partners)
                ],
                batch_size=1000,
            )
            CaseSource.objects.bulk_create(
                [
                    CaseSource(case=case, url=f"https://example.org/{case.slug}", label="Source fictive", sort_order=0)
                    for case in created
                ],
                batch_size=1000,
            )
            through.objects.bulk_create(
                [
                    through(case_id=case.pk, sdgtarget_id=target)
                    for case, (_, case_targets) in zip(created, children, strict=True)
                    for target in case_targets
                ],
                batch_size=1000,
            )
        written += len(created)
        progress(len(created))
    return written


def index_documents(progress: Progress) -> int:
    return index(Case, progress)
