"""Every dataset of the catalogue: its CSV validates against its own schema.json and its datapackage.json."""

from __future__ import annotations

import pytest

from opendata.registry import datasets
from tests.opendata.validation import errors, mirror, validate_csv_with_schema, validate_package

pytestmark = pytest.mark.django_db
NAMES = [d.name for d in datasets()]


@pytest.mark.parametrize("name", NAMES)
def test_each_csv_validates_against_its_own_schema(client, public_content, tmp_path, name) -> None:
    folder = mirror(client, name, tmp_path)
    report = validate_csv_with_schema(folder / f"{name}.csv", folder / "schema.json")
    assert report.valid, errors(report)


@pytest.mark.parametrize("name", NAMES)
def test_each_datapackage_validates_with_its_csv(client, public_content, tmp_path, name) -> None:
    folder = mirror(client, name, tmp_path)
    report = validate_package(folder / "datapackage.json")
    assert report.valid, errors(report)
