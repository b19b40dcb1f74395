"""The open-data catalogue in the API: every dataset of /donnees/ with its row count, date and files."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

from opendata import selectors

router = Router(tags=["Données ouvertes"])


class DatasetOut(Schema):
    name: str
    title: str
    description: str
    demo: str = Field(
        description="Ce que le fichier fait des exemples fictifs : écartés, ou signalés (exemple_fictif)."
    )
    row_count: int = Field(description="Nombre de lignes de données du CSV (sans l'en-tête).")
    last_modified: dt.datetime | dt.date | None = Field(
        description="Dernière modification des données elles-mêmes ; null quand le jeu est vide."
    )
    columns: list[str] = Field(description="Colonnes du CSV, dans l'ordre.")
    page_url: str
    csv_url: str
    schema_url: str
    datapackage_url: str
    api_url: str | None


class DatasetListOut(Schema):
    count: int
    items: list[DatasetOut]


def _dataset_out(entry: selectors.CatalogueEntry) -> dict[str, Any]:
    return {
        "name": entry.name,
        "title": entry.dataset.title,
        "description": entry.dataset.description,
        "demo": entry.dataset.demo,
        "row_count": entry.count,
        "last_modified": entry.last_modified,
        "columns": entry.dataset.column_names,
        "page_url": entry.page_url,
        "csv_url": entry.csv_url,
        "schema_url": entry.schema_url,
        "datapackage_url": entry.datapackage_url,
        "api_url": entry.dataset.api_url or None,
    }


@router.get("", response=DatasetListOut, summary="Jeux de données ouverts (CSV, Table Schema, Data Package)")
def list_datasets(request: HttpRequest) -> dict[str, Any]:
    entries = selectors.catalogue()
    return {"count": len(entries), "items": [_dataset_out(e) for e in entries]}
