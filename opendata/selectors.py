"""Reads of the open-data catalogue shared by the page, the files and the API."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from opendata import descriptors
from opendata.registry import Dataset, datasets

PACKAGE_NAME = "alliances-territoires"
PACKAGE_TITLE = "Données ouvertes d'Alliances & Territoires"


@dataclass(frozen=True)
class CatalogueEntry:
    """A dataset with its figures of the moment: row count and the date its data last changed."""

    dataset: Dataset
    count: int
    last_modified: dt.datetime | dt.date | None

    @property
    def name(self) -> str:
        return self.dataset.name

    @property
    def page_url(self) -> str:
        return reverse("opendata:dataset", kwargs={"name": self.name})

    @property
    def csv_url(self) -> str:
        return reverse("opendata:csv", kwargs={"name": self.name, "filename": self.name})

    @property
    def schema_url(self) -> str:
        return reverse("opendata:schema", kwargs={"name": self.name})

    @property
    def datapackage_url(self) -> str:
        return reverse("opendata:datapackage", kwargs={"name": self.name})

    @property
    def source_page_url(self) -> str:
        return reverse(self.dataset.page_url) if self.dataset.page_url else ""


def entry(dataset: Dataset) -> CatalogueEntry:
    return CatalogueEntry(dataset=dataset, count=dataset.count(), last_modified=dataset.last_modified())


def catalogue() -> list[CatalogueEntry]:
    return [entry(d) for d in datasets()]


def latest(entries: list[CatalogueEntry]) -> dt.datetime | dt.date | None:
    """The most recent change among the datasets (dates compare as the start of their day, UTC)."""
    moments = [_as_datetime(e.last_modified) for e in entries if e.last_modified is not None]
    return max(moments) if moments else None


def _as_datetime(value: dt.datetime | dt.date) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)


def dataset_package(item: CatalogueEntry, *, homepage: str) -> dict[str, Any]:
    """The package of one dataset, read at ``/donnees/<nom>/datapackage.json`` beside its CSV."""
    resource = descriptors.resource(
        item.dataset, path=descriptors.csv_filename(item.dataset), count=item.count, last_modified=item.last_modified
    )
    return descriptors.package(
        item.name, item.dataset.title, [resource], homepage=homepage, last_modified=item.last_modified
    )


def catalogue_package(entries: list[CatalogueEntry], *, homepage: str) -> dict[str, Any]:
    """Every dataset in one package, read at ``/donnees/datapackage.json`` (paths relative to it)."""
    resources = [
        descriptors.resource(
            e.dataset,
            path=f"{e.name}/{descriptors.csv_filename(e.dataset)}",
            count=e.count,
            last_modified=e.last_modified,
        )
        for e in entries
    ]
    return descriptors.package(PACKAGE_NAME, PACKAGE_TITLE, resources, homepage=homepage, last_modified=latest(entries))
