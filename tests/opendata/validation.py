"""Download a dataset through the site and validate its CSV against its own ``schema.json`` (frictionless)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from frictionless import Package, Report, Resource, Schema
from frictionless.dialect import Dialect
from frictionless.formats import CsvControl


def download(client: Any, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content) if response.streaming else response.content


def mirror(client: Any, name: str, folder: Path) -> Path:
    """The dataset's folder of /donnees/ copied to disk: <nom>.csv, schema.json, datapackage.json."""
    target = folder / name
    target.mkdir(parents=True, exist_ok=True)
    (target / f"{name}.csv").write_bytes(download(client, f"/donnees/{name}/{name}.csv"))
    (target / "schema.json").write_bytes(download(client, f"/donnees/{name}/schema.json"))
    (target / "datapackage.json").write_bytes(download(client, f"/donnees/{name}/datapackage.json"))
    return target


def validate_csv_with_schema(csv_path: Path, schema_path: Path) -> Report:
    schema = Schema.from_descriptor(json.loads(schema_path.read_text(encoding="utf-8")))
    dialect = Dialect(controls=[CsvControl(delimiter=";")])
    resource = Resource(
        path=csv_path.name, basepath=str(csv_path.parent), schema=schema, dialect=dialect, encoding="utf-8"
    )
    with resource:
        return resource.validate()


def validate_package(package_path: Path) -> Report:
    return Package(package_path.name, basepath=str(package_path.parent)).validate()


def errors(report: Report) -> list[list[Any]]:
    return report.flatten(["rowNumber", "fieldName", "type", "note"])
