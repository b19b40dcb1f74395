"""Load the official geography (COG) from data/territories/cog.json.gz (see data/territories/README.md).

Idempotent and fast on a second run: the file's SHA-256 is kept in ``TerritoryDataset``; when it
has not changed and the tables still hold what was loaded, nothing is read. Otherwise each table is
compared with the file and brought in line with bulk inserts and updates; rows that left the COG
(communes merged on 1 January, dissolved EPCI) are deleted.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.db import connection, models
from tqdm import tqdm

from core.loading import DATA_DIR, LoadReport
from territories.models import (
    Commune,
    CommuneAlternateCode,
    CommunePostcode,
    Departement,
    Epci,
    Region,
    TerritoryDataset,
)
from territories.signals import cog_changed
from territories.text import search_key

DATA_FILE = DATA_DIR / "territories" / "cog.json.gz"
DATASET_NAME = "cog"
BATCH_SIZE = 1000
TERRITORY_MODELS: list[type[models.Model]] = [Region, Departement, Epci, Commune]


def _label(model: type[models.Model]) -> str:
    return str(model._meta.verbose_name_plural)


def _add(report: LoadReport, label: str, outcome: str, count: int) -> None:
    if count:
        report.counts.setdefault(label, Counter())[outcome] += count


def _table_counts() -> dict[str, int]:
    tracked = [*TERRITORY_MODELS, CommunePostcode, CommuneAlternateCode]
    return {model._meta.model_name or "": model._default_manager.count() for model in tracked}


def _rows(data: dict[str, Any], table: str) -> Iterable[dict[str, Any]]:
    columns = data[table]["columns"]
    for row in data[table]["rows"]:
        yield dict(zip(columns, row, strict=True))


def _insert(model: type[models.Model], columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    """Insert new rows without the ORM's per-object work (the values are already str/int/None).

    The one engine-specific seam of the loader: PostgreSQL's COPY, elsewhere multi-row INSERTs in
    batches. Several times faster than bulk_create: the first load takes a second or two.
    """
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(model._meta.get_field(column).column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        row_sql = "(" + ", ".join(["%s"] * len(columns)) + ")"
        per_statement = min(BATCH_SIZE, (connection.features.max_query_params or 65535) // len(columns))
        for start in range(0, len(rows), per_statement):
            batch = rows[start : start + per_statement]
            values = ", ".join([row_sql] * len(batch))
            sql = f"INSERT INTO {table} ({names}) VALUES {values}"  # noqa: S608 (no user input)
            cursor.execute(sql, [value for row in batch for value in row])


def _sync(
    model: type[models.Model], wanted: dict[str, dict[str, Any]], report: LoadReport, *, verbose: bool
) -> set[str]:
    """Create or update the rows of ``model`` to match ``wanted`` (code → values); return the codes to delete."""
    label = _label(model)
    fields = list(next(iter(wanted.values())).keys())
    existing = {obj.pk: obj for obj in model._default_manager.only(*fields)}
    to_create: list[tuple[Any, ...]] = []
    to_update: list[models.Model] = []
    for code, values in tqdm(wanted.items(), desc=label.capitalize(), unit="ligne", disable=not verbose, leave=False):
        instance = existing.get(code)
        if instance is None:
            to_create.append((code, *values.values()))
            continue
        changed = [name for name, value in values.items() if getattr(instance, name) != value]
        if changed:
            for name in fields:
                setattr(instance, name, values[name])
            to_update.append(instance)
    _insert(model, [model._meta.pk.name, *fields], to_create)
    model._default_manager.bulk_update(to_update, fields, batch_size=BATCH_SIZE)
    _add(report, label, "created", len(to_create))
    _add(report, label, "updated", len(to_update))
    _add(report, label, "unchanged", len(wanted) - len(to_create) - len(to_update))
    return set(existing) - set(wanted)


def _sync_codes(model: type[models.Model], wanted: set[tuple[str, str]], report: LoadReport) -> None:
    """Bring a (commune, code) table in line with ``wanted``: these rows have nothing to update."""
    existing = {
        (commune_id, code): pk
        for pk, commune_id, code in model._default_manager.values_list("pk", "commune_id", "code")
    }
    missing = wanted - existing.keys()
    extra = [pk for key, pk in existing.items() if key not in wanted]
    _insert(model, ["commune_id", "code"], sorted(missing))
    for start in range(0, len(extra), BATCH_SIZE):
        model._default_manager.filter(pk__in=extra[start : start + BATCH_SIZE]).delete()
    label = _label(model)
    _add(report, label, "created", len(missing))
    _add(report, label, "deleted", len(extra))
    _add(report, label, "unchanged", len(wanted) - len(missing))


def load_territories(report: LoadReport) -> None:
    """Régions, départements, EPCI and communes of the shipped COG (skipped when the file is unchanged)."""
    raw = DATA_FILE.read_bytes()
    checksum = hashlib.sha256(raw).hexdigest()
    dataset = TerritoryDataset.objects.filter(name=DATASET_NAME).first()
    if dataset is not None and dataset.checksum == checksum and dataset.counts == _table_counts():
        for model in [*TERRITORY_MODELS, CommunePostcode, CommuneAlternateCode]:
            _add(report, _label(model), "unchanged", dataset.counts[model._meta.model_name or ""])
        return

    verbose = report.verbosity >= 1
    data = json.loads(gzip.decompress(raw))
    regions = {r["code"]: {"name": r["name"], "search_key": search_key(r["name"])} for r in _rows(data, "regions")}
    departements = {
        d["code"]: {"name": d["name"], "search_key": search_key(d["name"]), "region_id": d["region"]}
        for d in _rows(data, "departements")
    }
    epcis = {
        e["siren"]: {
            "name": e["name"],
            "search_key": search_key(e["name"]),
            "kind": e["kind"],
            "population": e["population"],
        }
        for e in _rows(data, "epci")
    }
    communes: dict[str, dict[str, Any]] = {}
    postcodes: set[tuple[str, str]] = set()
    alternate_codes: set[tuple[str, str]] = set()
    for c in _rows(data, "communes"):
        communes[c["code"]] = {
            "name": c["name"],
            "search_key": search_key(c["name"]),
            "departement_id": c["departement"],
            "region_id": c["region"],
            "epci_id": c["epci"] or None,
            "siren": c["siren"],
            "population": c["population"],
        }
        postcodes.update((c["code"], postcode) for postcode in c["postcodes"])
        alternate_codes.update((c["code"], code) for code in c["aliases"])

    obsolete: dict[type[models.Model], set[str]] = {}
    for model, wanted in [(Region, regions), (Departement, departements), (Epci, epcis), (Commune, communes)]:
        obsolete[model] = _sync(model, wanted, report, verbose=verbose)
    _sync_codes(CommunePostcode, postcodes, report)
    _sync_codes(CommuneAlternateCode, alternate_codes, report)
    for model in reversed(TERRITORY_MODELS):  # children first: the foreign keys are protected
        codes = sorted(obsolete[model])
        for start in range(0, len(codes), BATCH_SIZE):
            model._default_manager.filter(pk__in=codes[start : start + BATCH_SIZE]).delete()
        _add(report, _label(model), "deleted", len(codes))
        if codes and verbose:
            tqdm.write(f"    {_label(model)} sorties du COG et supprimées : {len(codes)}")

    TerritoryDataset.objects.update_or_create(
        name=DATASET_NAME,
        defaults={"checksum": checksum, "version": data["source"]["version"], "counts": _table_counts()},
    )
    cog_changed.send(sender=TerritoryDataset)
