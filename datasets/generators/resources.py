"""Generated tools & methods, studies & reports and news items (one function per kind, the same shape)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from django.db import models, transaction

from datasets.generators.common import Geography, Progress, batches, raw_delete, rng_for
from datasets.generators.hub_items import index, published_fields, remove_documents
from datasets.vocabulary import PUBLISHERS, SLUG_PREFIX, THEME_WEIGHTS, THEMES
from reference.models import ActorKind
from resources.models import Maturity, NewsItem, Phase, Study, Tool, ToolFormat

BATCH = 2_000
FIRST_DAY = dt.date(2015, 1, 1)


def existing(model: type[models.Model]) -> int:
    return model.objects.filter(is_generated=True).count()


def reset(model: type[models.Model]) -> int:
    with transaction.atomic():
        remove_documents(model)
        if model is Tool:
            generated = Tool.objects.filter(is_generated=True).values("pk")
            raw_delete(Tool.audiences.through.objects.filter(tool__in=generated))
        return raw_delete(model.objects.filter(is_generated=True))


def _tool(rng: random.Random, number: int, theme_word: str, theme: str) -> Tool:
    return Tool(
        title=f"Outil fictif pour {theme} n° {number + 1}",
        slug=f"{SLUG_PREFIX}-outil-{number + 1}",
        summary=f"Outil fictif généré pour le banc d'essai : une méthode pour {theme} ({theme_word}).",
        phase=rng.choice(Phase.values),
        maturity=rng.choice(Maturity.values),
        format=rng.choice(ToolFormat.values),
        provider=rng.choice(PUBLISHERS),
        **published_fields(),
    )


def _study(rng: random.Random, number: int, theme_word: str, theme: str) -> Study:
    return Study(
        title=f"Étude fictive sur {theme} n° {number + 1}",
        slug=f"{SLUG_PREFIX}-etude-{number + 1}",
        summary=f"Étude fictive générée pour le banc d'essai : état des lieux de {theme} ({theme_word}).",
        publisher=rng.choice(PUBLISHERS),
        published_on=FIRST_DAY + dt.timedelta(days=rng.randrange(3650)),
        key_figures=f"{rng.randrange(2, 90)} % des alliances fictives étudiées\n{rng.randrange(10, 900)} partenaires",
        **published_fields(),
    )


def _news(rng: random.Random, number: int, theme_word: str, theme: str) -> NewsItem:
    return NewsItem(
        title=f"Actualité fictive : {theme} n° {number + 1}",
        slug=f"{SLUG_PREFIX}-actualite-{number + 1}",
        summary=f"Actualité fictive générée pour le banc d'essai sur {theme} ({theme_word}).",
        published_on=FIRST_DAY + dt.timedelta(days=rng.randrange(3650)),
        body="Texte fictif d'une actualité générée : il ne décrit aucun événement réel.",
        **published_fields(),
    )


BUILDERS: dict[type[models.Model], tuple[str, Callable]] = {
    Tool: ("tools", _tool),
    Study: ("studies", _study),
    NewsItem: ("news", _news),
}


def generate(model: type[models.Model], count: int, *, seed: int, geo: Geography, progress: Progress) -> int:
    domain, build = BUILDERS[model]
    rng = rng_for(seed, domain)
    audiences = list(ActorKind.objects.order_by("position", "pk").values_list("pk", flat=True))
    written = 0
    for numbers in batches(count, BATCH):
        items, picked = [], []
        for number in numbers:
            theme_word, theme = rng.choices(THEMES, THEME_WEIGHTS)[0]
            items.append(build(rng, number, theme_word, theme))
            if model is Tool:
                picked.append(rng.sample(audiences, rng.randrange(1, 3)))
        with transaction.atomic():
            created = model.objects.bulk_create(items, batch_size=500)
            if model is Tool:
                through = Tool.audiences.through
                through.objects.bulk_create(
                    [
                        through(tool_id=tool.pk, actorkind_id=kind)
                        for tool, kinds in zip(created, picked, strict=True)
                        for kind in kinds
                    ],
                    batch_size=1000,
                )
        written += len(created)
        progress(len(created))
    return written


def index_documents(model: type[models.Model], progress: Progress) -> int:
    return index(model, progress)
