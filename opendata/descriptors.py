"""Table Schema (``schema.json``) and Data Package (``datapackage.json``) of the catalogue's datasets.

Frictionless Data specifications (v1): https://specs.frictionlessdata.io/. The files are CSV with
« ; » between cells, UTF-8 with a byte-order mark (spreadsheets open them right), « oui »/« non »
for booleans, an empty cell for a missing value, never 0.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from opendata.registry import FALSE_VALUES, TRUE_VALUES, Column, Dataset

LICENCE = {
    "name": "etalab-2.0",
    "title": "Licence Ouverte / Open Licence version 2.0",
    "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
PUBLISHER = "Alliances & Territoires"
DIALECT = {"delimiter": ";", "quoteChar": '"', "doubleQuote": True, "header": True}
ENCODING = "utf-8"


def csv_filename(dataset: Dataset) -> str:
    return f"{dataset.name}.csv"


def _field(column: Column) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "name": column.name,
        "title": column.title or column.name,
        "type": column.type,
        "description": column.description,
    }
    if column.format:
        descriptor["format"] = column.format
    if column.type == "boolean":
        descriptor["trueValues"] = list(TRUE_VALUES)
        descriptor["falseValues"] = list(FALSE_VALUES)
    if column.type == "number" and column.decimal_comma:
        descriptor["decimalChar"] = ","
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.unique:
        constraints["unique"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if column.maximum is not None:
        constraints["maximum"] = column.maximum
    if column.pattern:
        constraints["pattern"] = column.pattern
    if constraints:
        descriptor["constraints"] = constraints
    return descriptor


def table_schema(dataset: Dataset) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "$schema": "https://specs.frictionlessdata.io/schemas/table-schema.json",
        "name": dataset.name,
        "title": dataset.title,
        "description": f"{dataset.description} {dataset.demo}".strip(),
        "licenses": [LICENCE],
        "fields": [_field(column) for column in dataset.columns],
        "missingValues": [""],
    }
    if dataset.primary_key:
        schema["primaryKey"] = list(dataset.primary_key)
    return schema


def _iso(value: dt.datetime | dt.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return value.isoformat()


def resource(dataset: Dataset, *, path: str, count: int, last_modified: dt.datetime | dt.date | None) -> dict[str, Any]:
    """The dataset as a Data Package resource; ``path`` is relative to the package's own address."""
    descriptor: dict[str, Any] = {
        "name": dataset.name,
        "title": dataset.title,
        "description": f"{dataset.description} {dataset.demo}".strip(),
        "path": path,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": ENCODING,
        "profile": "tabular-data-resource",
        "dialect": DIALECT,
        "schema": table_schema(dataset),
        "licenses": [LICENCE],
        "rowCount": count,
    }
    if last_modified is not None:
        descriptor["lastModified"] = _iso(last_modified)
    return descriptor


def package(
    name: str, title: str, resources: list[dict[str, Any]], *, homepage: str, last_modified: Any = None
) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": name,
        "title": title,
        "description": (
            "Données publiques de la plateforme Alliances & Territoires, réutilisables librement "
            "sous Licence Ouverte 2.0 (Etalab). Les exemples fictifs (contenu de démonstration) en sont "
            "écartés ou signalés par la colonne exemple_fictif, comme le dit chaque schéma."
        ),
        "homepage": homepage,
        "licenses": [LICENCE],
        "contributors": [{"title": PUBLISHER, "role": "publisher"}],
        "resources": resources,
    }
    if last_modified is not None:
        descriptor["lastModified"] = _iso(last_modified)
    return descriptor
