"""Idempotent loading of reference data: create, update in place, or leave unchanged."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from django.conf import settings
from django.db import models

DATA_DIR = Path(settings.BASE_DIR) / "data"
M = TypeVar("M", bound=models.Model)


def read_yaml(relative_path: str) -> Any:
    with (DATA_DIR / relative_path).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


class LoadReport:
    """Counts what a load did, per model: created, updated, unchanged.

    ``verbosity`` is the command's: a long step shows its own progress bar when it is 1 or more.
    """

    def __init__(self, verbosity: int = 0) -> None:
        self.verbosity = verbosity
        self.counts: dict[str, Counter[str]] = {}

    def add(self, label: str, outcome: str) -> None:
        self.counts.setdefault(label, Counter())[outcome] += 1

    @property
    def changed(self) -> int:
        return sum(c["created"] + c["updated"] for c in self.counts.values())

    def lines(self) -> list[str]:
        return [
            f"{label} : {c['created']} créé(s), {c['updated']} mis à jour, {c['unchanged']} inchangé(s)"
            for label, c in self.counts.items()
        ]


def upsert(model: type[M], lookup: dict[str, Any], values: dict[str, Any], report: LoadReport) -> M:
    """Create the row matching ``lookup``, or update the fields that differ from ``values``."""
    label = str(model._meta.verbose_name_plural)
    instance = model._default_manager.filter(**lookup).first()
    if instance is None:
        instance = model._default_manager.create(**lookup, **values)
        report.add(label, "created")
        return instance
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, values[name])
        # A modification date kept by the model (``auto_now``) moves with the change (open data dates it).
        stamps = [f.name for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]
        instance.save(update_fields=changed + stamps)
        report.add(label, "updated")
    else:
        report.add(label, "unchanged")
    return instance


# The reference data's steps, registered by each app in its ``AppConfig.ready()`` (core knows no
# domain app): ``load_reference_data`` runs them in ``order``, in one transaction.
ReferenceLoader = Callable[[LoadReport], object]  # what a step returns is not read
_REFERENCE_STEPS: dict[str, tuple[int, str, ReferenceLoader]] = {}


def register_reference_data(*, order: int, label: str, load: ReferenceLoader) -> None:
    """Declare a step of ``load_reference_data``: ``label`` (French, shown in the progress) and its loader."""
    _REFERENCE_STEPS[f"{load.__module__}.{load.__qualname__}"] = (order, label, load)


def reference_data_steps() -> list[tuple[str, ReferenceLoader]]:
    """The registered steps, by ``order``: (label, loader)."""
    return [(label, load) for _, label, load in sorted(_REFERENCE_STEPS.values(), key=lambda step: step[0])]
