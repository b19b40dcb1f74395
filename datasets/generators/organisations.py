"""Generated organisations: fictional names, real communes (weighted by population), the importers' writer.

Rows go through ``organisations.importers.writer.Writer`` (multi-row INSERT on SQLite, COPY on
PostgreSQL), keyed ``(source="manual", register_id="GEN…")``: never a real RNA or SIREN number.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from datasets.generators.common import Geography, Progress, batches, raw_delete, rng_for
from datasets.vocabulary import DEFAULT_FORMS, KIND_WEIGHTS, ORGANISATION_FORMS, REGISTER_PREFIX, SUBJECTS, THEMES
from organisations.importers.writer import Writer
from organisations.models import AreaLevel, Organisation, OrganisationStatus, RegisterSource
from organisations.text import fast_search_key
from reference.models import ActorKind

LABEL = "Organisations"
BATCH = 20_000
FIRST_DAY = dt.date(1950, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)


def existing() -> int:
    return Organisation.objects.filter(is_generated=True).count()


def reset() -> int:
    generated = Organisation.objects.filter(is_generated=True)
    with transaction.atomic():
        raw_delete(Organisation.sdgs.through.objects.filter(organisation__in=generated.values("pk")))
        return raw_delete(generated)


def generate(count: int, *, seed: int, geo: Geography, progress: Progress) -> int:
    rng = rng_for(seed, "organisations")
    kinds = dict(ActorKind.objects.values_list("slug", "pk"))
    slugs = sorted(kinds)
    weights = [KIND_WEIGHTS.get(slug, 1) for slug in slugs]
    span = (LAST_DAY - FIRST_DAY).days
    manual, active, dissolved = RegisterSource.MANUAL.value, OrganisationStatus.ACTIVE.value, "dissolved"
    writer = Writer()
    written = 0
    for numbers in batches(count, BATCH):
        communes = geo.draw(rng, len(numbers))
        rows = []
        for number, commune in zip(numbers, communes, strict=True):
            slug = rng.choices(slugs, weights)[0]
            theme_word, theme = THEMES[rng.randrange(len(THEMES))]
            name = (
                f"{rng.choice(ORGANISATION_FORMS.get(slug, DEFAULT_FORMS))} {rng.choice(SUBJECTS)} "
                f"de {geo.names[commune]} n° {number + 1}"
            )
            purpose = f"Organisation fictive générée pour le banc d'essai : agir pour {theme} ({theme_word})."
            key = fast_search_key(name)
            founded = FIRST_DAY + dt.timedelta(days=rng.randrange(span))
            is_dissolved = rng.random() < 0.05
            rows.append(
                (
                    manual,
                    f"{REGISTER_PREFIX}{number + 1:09d}",
                    kinds[slug],
                    name,
                    key,
                    purpose,
                    "",
                    "",
                    "",
                    geo.codes[commune],
                    "",
                    AreaLevel.COMMUNE.value,
                    geo.codes[commune],
                    None,
                    founded,
                    dissolved if is_dissolved else active,
                    LAST_DAY if is_dissolved else None,
                    True,
                )
            )
        with transaction.atomic():
            created, _ = writer.write(rows)
        written += created
        progress(len(rows))
    return written
