"""The open-data catalogue (« /donnees/ »): every app declares its public datasets here.

An app describes a dataset once, in its own ``opendata.py`` (columns, types, constraints, French
descriptions, where its rows come from), and registers it in its ``AppConfig.ready()``:

    from opendata.registry import register_dataset
    register_dataset(opendata.FIGURES)

This module knows no domain app (import-linter: « opendata knows no content app »). The rows come
from the app's own CSV builder, header first, so that the CSV download of the page, the open-data
file and its Table Schema cannot drift apart: the files check the header against the columns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

Row = Sequence[object]
ColumnType = Literal["string", "integer", "number", "boolean", "date", "datetime", "year"]

# Cells of the platform's CSV files: « oui »/« non » for booleans, a comma in decimal numbers.
TRUE_VALUES = ("oui",)
FALSE_VALUES = ("non",)


@dataclass(frozen=True)
class Column:
    """One column of a dataset: its Table Schema field.

    ``required`` and ``unique``, ``enum``, ``minimum``/``maximum`` and ``pattern`` become the
    field's constraints; ``decimal_comma`` says a number is written « 81,5 ».
    """

    name: str
    type: ColumnType
    description: str
    title: str = ""
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] = ()
    minimum: int | float | None = None
    maximum: int | float | None = None
    pattern: str = ""
    format: str = ""
    decimal_comma: bool = False

    @property
    def type_label(self) -> str:
        return TYPE_LABELS[self.type]

    @property
    def constraints_label(self) -> str:
        """The constraints in French, for the dataset's page."""
        parts = []
        if self.required:
            parts.append("obligatoire")
        if self.unique:
            parts.append("unique")
        if self.enum:
            parts.append("valeurs : " + ", ".join(f"« {value} »" for value in self.enum))
        if self.minimum is not None:
            parts.append(f"minimum {self.minimum}")
        if self.maximum is not None:
            parts.append(f"maximum {self.maximum}")
        if self.pattern:
            parts.append(f"motif {self.pattern}")
        if self.decimal_comma:
            parts.append("virgule décimale")
        return " ; ".join(parts)


TYPE_LABELS: dict[str, str] = {
    "string": "texte",
    "integer": "nombre entier",
    "number": "nombre",
    "boolean": "oui ou non",
    "date": "date (AAAA-MM-JJ)",
    "datetime": "date et heure (ISO 8601)",
    "year": "année",
}


@dataclass(frozen=True)
class Dataset:
    """A public dataset: a CSV with its Table Schema, in the catalogue of ``/donnees/``.

    - ``rows()`` yields the header (the column names, in order) then the data rows; big datasets
      read their rows with ``QuerySet.iterator()``, the files stream them.
    - ``count()`` is the number of data rows; ``last_modified()`` the date the data last changed,
      read from the data itself (None when there is no row).
    - ``demo`` says, in French, how demonstration content (« exemples fictifs ») is treated:
      left out, or flagged in a column named ``exemple_fictif``.
    """

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[], Iterable[Row]]
    count: Callable[[], int]
    last_modified: Callable[[], dt.datetime | dt.date | None]
    demo: str
    primary_key: tuple[str, ...] = ()
    page_url: str = ""
    api_url: str = ""
    theme: str = ""
    order: int = 100
    keywords: tuple[str, ...] = field(default_factory=tuple)

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


class DatasetError(Exception):
    """A dataset declared wrong (a programming error, raised at registration or while writing)."""


_DATASETS: dict[str, Dataset] = {}
NAME_CHARACTERS = set("abcdefghijklmnopqrstuvwxyz0123456789-")


def register_dataset(dataset: Dataset) -> None:
    """Add a dataset to the catalogue (once per name; registering the same declaration again is a no-op)."""
    if not dataset.name or not set(dataset.name) <= NAME_CHARACTERS:
        raise DatasetError(f"Nom de jeu de données invalide : {dataset.name!r} (minuscules, chiffres, tirets).")
    names = dataset.column_names
    if len(set(names)) != len(names):
        raise DatasetError(f"Colonnes en double dans le jeu de données {dataset.name}.")
    unknown = set(dataset.primary_key) - set(names)
    if unknown:
        raise DatasetError(f"Clé primaire hors des colonnes dans {dataset.name} : {sorted(unknown)}.")
    existing = _DATASETS.get(dataset.name)
    if existing is not None and existing is not dataset:
        raise DatasetError(f"Deux jeux de données portent le nom {dataset.name}.")
    _DATASETS[dataset.name] = dataset


def datasets() -> list[Dataset]:
    """The catalogue, in the order of the page (``order``, then title)."""
    return sorted(_DATASETS.values(), key=lambda d: (d.order, d.title))


def dataset(name: str) -> Dataset | None:
    return _DATASETS.get(name)
