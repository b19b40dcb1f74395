"""Generated « catalyseurs territoriaux », only when the ``catalysts`` app is installed.

The app is written alongside this one: its model is imported lazily, and generated rows are found
by ``is_generated`` if the model has that column, by their ``genere-catalyseur-`` slug otherwise.
"""

from __future__ import annotations

from django.apps import apps
from django.db import models, transaction

from datasets.generators.common import Geography, Progress, raw_delete, rng_for
from datasets.vocabulary import SLUG_PREFIX, SUBJECTS, THEME_WEIGHTS, THEMES
from reference.models import ActorKind

LABEL = "Catalyseurs"
SLUG = f"{SLUG_PREFIX}-catalyseur-"


def available() -> bool:
    return apps.is_installed("catalysts")


def _model() -> type[models.Model]:
    return apps.get_model("catalysts", "Catalyst")


def _has_flag(model: type[models.Model]) -> bool:
    return any(field.name == "is_generated" for field in model._meta.get_fields())


def _generated() -> models.QuerySet:
    model = _model()
    return model.objects.filter(is_generated=True) if _has_flag(model) else model.objects.filter(slug__startswith=SLUG)


def existing() -> int:
    return _generated().count()


def reset() -> int:
    model = _model()
    generated = _generated().values("pk")
    with transaction.atomic():
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            raw_delete(through.objects.filter(**{f"{field.m2m_field_name()}__in": generated}))
        return raw_delete(_generated())


def generate(count: int, *, seed: int, geo: Geography, progress: Progress) -> int:
    model = _model()
    rng = rng_for(seed, "catalysts")
    kinds = list(ActorKind.objects.order_by("position", "pk"))
    departements = sorted(geo.departement_names)
    flag = {"is_generated": True} if _has_flag(model) else {}
    items, covered, served = [], [], []
    for number in range(count):
        _, theme = rng.choices(THEMES, THEME_WEIGHTS)[0]
        items.append(
            model(
                name=f"Catalyseur fictif {rng.choice(SUBJECTS)} n° {number + 1}",
                slug=f"{SLUG}{number + 1}",
                description=f"Catalyseur fictif généré pour le banc d'essai : il accompagne les alliances ({theme}).",
                kind=rng.choice(kinds),
                support_offered="Accompagnement fictif : diagnostic, mise en relation, animation.",
                contact_email=f"contact-{number + 1}@example.org",
                **flag,
            )
        )
        covered.append(rng.sample(departements, min(len(departements), rng.randrange(1, 4))))
        served.append(rng.sample(kinds, rng.randrange(1, 3)))
    with transaction.atomic():
        created = model.objects.bulk_create(items, batch_size=500)
        for name, picks in (("departements", covered), ("audiences", served)):
            field = model._meta.get_field(name)
            through, source, target = field.remote_field.through, field.m2m_field_name(), field.m2m_reverse_field_name()
            through.objects.bulk_create(
                [
                    through(**{f"{source}_id": item.pk, f"{target}_id": getattr(pick, "pk", pick)})
                    for item, chosen in zip(created, picks, strict=True)
                    for pick in chosen
                ],
                batch_size=1000,
            )
    progress(len(created))
    return len(created)
