"""Benchmark of ``import_rna``: a synthetic waldec file, a raw insert of the same rows, then the full import.

Prints side by side, in one run: raw insert rows/s into a bare table of the same engine (COPY on
PostgreSQL, ``executemany`` on SQLite, database time only; on PostgreSQL also ``executemany``,
measured last); as a landmark, the time to build the organisations table's unique key and
indexes on that bare table (the import builds them too); the
full import's rows/s (reading, checks, normalisation and writing into the indexed table), the
re-import's rows/s (nothing changes), the processor time of each (the machine may be shared: the
import uses two processes), and the peak memory of the import, its reading process included. The
generated organisations are flagged ``is_generated`` and deleted at the end.
"""

from __future__ import annotations

import csv
import os
import random
import resource
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError, connection, transaction
from django.db.models import UniqueConstraint

from organisations.importers.bulk import sorting_threads
from organisations.importers.rna import WALDEC_COLUMNS, rna_formats
from organisations.importers.runner import BATCH_SIZE, run_import
from organisations.importers.writer import STORED
from organisations.models import Organisation
from territories.models import Commune

BARE_TABLE = "bench_raw_organisation"
WORDS = [
    "association",
    "amis",
    "jardin",
    "partagé",
    "économie",
    "circulaire",
    "solidarité",
    "quartier",
    "école",
    "parents",
    "élèves",
    "sport",
    "culture",
    "théâtre",
    "musique",
    "entraide",
    "santé",
    "environnement",
    "énergie",
    "citoyenne",
    "mobilité",
    "alimentation",
    "insertion",
    "emploi",
    "numérique",
    "jeunesse",
    "aînés",
    "patrimoine",
    "rivière",
    "forêt",
    "vélo",
    "réemploi",
    "coopération",
    "territoire",
    "fête",
    "village",
]


def delete_generated() -> None:
    """Delete the generated organisations in SQL: the ORM's delete() would load millions of objects.

    On PostgreSQL the table is then vacuumed: without it (autovacuum may be off or late), the next
    run would write and scan past millions of dead rows, which the raw insert's new table never has.
    """
    table = connection.ops.quote_name(Organisation._meta.db_table)
    links = connection.ops.quote_name(Organisation.sdgs.through._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {links} WHERE organisation_id IN (SELECT id FROM {table} WHERE is_generated)"  # noqa: S608
        )
        cursor.execute(f"DELETE FROM {table} WHERE is_generated")  # noqa: S608
        deleted = cursor.rowcount
    if deleted and connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM {table}")


def settle() -> None:
    """Write out what earlier steps left in the engine's log, so that no measurement pays for another's writes.

    PostgreSQL: a CHECKPOINT (when allowed: superuser or pg_checkpoint). SQLite: a checkpoint that
    empties the WAL file. Neither inside a transaction (the tests'), where it cannot be done.
    """
    if connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            return
        try:
            with transaction.atomic():
                cursor.execute("CHECKPOINT")
        except DatabaseError:
            pass  # not allowed for this role: measured as it is


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def _cpu_seconds() -> float:
    """Processor time of this process and of its ended children (the import's reading process)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class PeakMemory:
    """The peak memory of this process and its children together (the import reads in a forked child).

    Sampled every ``interval`` seconds as PSS (proportional set size, Linux ``/proc``): a page the
    two processes share since the fork counts once, split between them, where adding their RSS
    would count it twice. ``peak_mb`` stays 0 where ``/proc`` has no PSS.
    """

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            pids = [os.getpid(), *_children(os.getpid())]
            self.peak_mb = max(self.peak_mb, sum(_pss_kb(pid) for pid in pids) / 1024)


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass  # the process has just ended, or /proc is not Linux's
    return 0


def generate(path: Path, rows: int, seed: int = 2024) -> None:
    """A deterministic waldec file: real commune codes, French titles and purposes, 10 % dissolved."""
    rng = random.Random(seed)  # noqa: S311 (synthetic data, reproducible)
    communes = list(Commune.objects.order_by("code").values_list("code", "departement_id"))
    index = {name: position for position, name in enumerate(WALDEC_COLUMNS)}
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(WALDEC_COLUMNS)
        for number in range(rows):
            code, _departement = communes[rng.randrange(len(communes))]
            values = [""] * len(WALDEC_COLUMNS)
            dissolved = rng.random() < 0.1
            values[index["id"]] = f"W{number:09d}"
            values[index["gestion"]] = "999P"
            values[index["date_creat"]] = f"{rng.randint(1950, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            values[index["date_disso"]] = "2023-06-30" if dissolved else "0001-01-01"
            values[index["titre"]] = " ".join(rng.choices(WORDS, k=rng.randint(2, 6))).upper()
            values[index["objet"]] = " ".join(rng.choices(WORDS, k=rng.randint(10, 45)))
            values[index["adrs_codeinsee"]] = code
            values[index["adrs_codepostal"]] = code
            values[index["adrs_libcommune"]] = "commune"
            values[index["adrg_declarant"]] = "PERSONNE PRIVÉE (exemple fictif)"
            values[index["dir_civilite"]] = "PM"
            values[index["siteweb"]] = f"www.asso-{number}.example" if number % 7 == 0 else ""
            values[index["position"]] = "D" if dissolved else "A"
            values[index["maj_time"]] = "2024-11-01 10:00:00"
            writer.writerow(values)


def _raw_rows(path: Path) -> Any:
    """The same rows as the import writes (21 columns: the text searched, the département and région
    of the commune included), taken from the file with no checks or normalisation."""
    index = {name: position for position, name in enumerate(WALDEC_COLUMNS)}
    codes = {code: (departement, region) for code, departement, region in Commune.objects.values_list(
        "code", "departement_id", "region_id"
    )}  # fmt: skip
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter=";")
        next(reader)
        for v in reader:
            yield (
                "rna", v[index["id"]], 1, v[index["titre"]], v[index["titre"]].lower(),
                v[index["objet"]], "", "", v[index["id"]], v[index["adrs_codeinsee"]], v[index["siteweb"]],
                "commune", v[index["adrs_codeinsee"]], "2024-11-01", v[index["date_creat"]], "active", None, True,
                v[index["objet"]], *codes.get(v[index["adrs_codeinsee"]], ("", "")),
            )  # fmt: skip


def _index_statements() -> list[str]:
    """The organisations table's unique key and indexes, made on the bare table (which has no ``id``).

    The foreign keys are left out: the bare table refers to nothing.
    """
    meta = Organisation._meta
    unique = [c.fields for c in meta.constraints if isinstance(c, UniqueConstraint)]
    statements = []
    for number, fields in enumerate(unique + [index.fields for index in meta.indexes]):
        columns = ", ".join(meta.get_field(name).column for name in fields if name != "id")
        kind = "UNIQUE INDEX" if number < len(unique) else "INDEX"
        statements.append(f"CREATE {kind} {BARE_TABLE}_{number} ON {BARE_TABLE} ({columns})")
    return statements


def _collation(column: str) -> str:
    """The column's collation in the organisations table, if it has its own (« C » for its keys on PostgreSQL),
    so that the landmark's indexes compare their keys as the table's do."""
    field = next(field for field in Organisation._meta.concrete_fields if field.column == column)
    collation = field.db_parameters(connection).get("collation")
    return f" COLLATE {connection.ops.quote_name(collation)}" if collation else ""


def raw_insert(path: Path, *, by_copy: bool = True) -> tuple[int, float, float]:
    """A bare insert (no index, no constraint): its row count and database time, then the time to build the
    organisations table's indexes on it, in one transaction.

    PostgreSQL receives the rows by COPY, its fastest way in, or with ``by_copy=False`` by the driver's
    ``executemany`` of one INSERT a row (the indexes are then not built: 0 s); SQLite by ``executemany``.
    """
    types = {"kind_id": "integer", "is_generated": "boolean", "commune_id": "varchar(5)"}
    columns = ", ".join(f"{name} {types.get(name, 'text')}{_collation(name)}" for name in STORED)
    names = ", ".join(STORED)
    elapsed, count = 0.0, 0
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {BARE_TABLE}")
        cursor.execute(f"CREATE TABLE {BARE_TABLE} ({columns})")
    batch: list[tuple[Any, ...]] = []

    def flush() -> float:
        start = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql" and not by_copy:
                marks = ", ".join(["%s"] * len(STORED))
                cursor.cursor.executemany(f"INSERT INTO {BARE_TABLE} ({names}) VALUES ({marks})", batch)  # noqa: S608
            elif connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {BARE_TABLE} ({names}) FROM STDIN") as copy:
                    for row in batch:
                        copy.write_row(row)
            else:
                raw: sqlite3.Connection = connection.connection  # type: ignore[assignment]
                marks = ", ".join("?" * len(STORED))
                raw.executemany(f"INSERT INTO {BARE_TABLE} ({names}) VALUES ({marks})", batch)  # noqa: S608
        batch.clear()
        return time.perf_counter() - start

    for row in _raw_rows(path):
        batch.append(row)
        count += 1
        if len(batch) >= BATCH_SIZE:
            elapsed += flush()
    elapsed += flush()
    indexing = 0.0
    if by_copy or connection.vendor == "sqlite":
        start = time.perf_counter()
        with transaction.atomic(), sorting_threads(), connection.cursor() as cursor:  # as the import does
            for statement in _index_statements():
                cursor.execute(statement)
        indexing = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {BARE_TABLE}")
    return count, elapsed, indexing


class Command(BaseCommand):
    help = "Mesure la vitesse et la mémoire de import_rna sur un fichier waldec synthétique (exemple fictif)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rows", type=int, default=200_000)
        parser.add_argument("--keep", action="store_true", help="garder les organisations générées")

    def handle(self, *args: Any, **options: Any) -> None:
        rows = options["rows"]
        if not Commune.objects.exists():
            self.stderr.write("Chargez d'abord les territoires : manage.py load_reference_data")
            return
        folder = Path(settings.VAR_DIR) / "bench"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"rna_waldec_bench_{rows}.csv"
        if not path.exists():
            start = time.perf_counter()
            generate(path, rows)
            self.stdout.write(
                f"Fichier généré : {path} ({path.stat().st_size / 1e6:.0f} Mo, {time.perf_counter() - start:.1f} s)"
            )
        delete_generated()

        settle()
        cpu = _cpu_seconds()
        raw_count, raw_seconds, index_seconds = raw_insert(path)
        raw_cpu = _cpu_seconds() - cpu
        settle()
        with PeakMemory() as memory:
            cpu, start = _cpu_seconds(), time.perf_counter()
            first = run_import(
                [path], rna_formats(generated=True), report_path=folder / "rejets.csv", show_progress=False
            )
            import_seconds = time.perf_counter() - start
            import_cpu = _cpu_seconds() - cpu
            settle()
            start = time.perf_counter()
            second = run_import(
                [path], rna_formats(generated=True), report_path=folder / "rejets.csv", show_progress=False
            )
            again_seconds = time.perf_counter() - start
        # After the imports: measured before, its load would keep them from reading in a second process.
        insert_seconds = raw_insert(path, by_copy=False)[1] if connection.vendor == "postgresql" else 0.0

        raw_rate = raw_count / raw_seconds
        import_rate = first.counts["created"] / import_seconds
        again_rate = second.counts["unchanged"] / again_seconds
        self.stdout.write(f"Moteur : {connection.vendor}, {rows} lignes")
        self.stdout.write(f"{'mesure':<42}{'lignes/s':>12}{'durée (s)':>12}")
        self.stdout.write(f"{'insertion brute (table nue, base seule)':<42}{raw_rate:>12.0f}{raw_seconds:>12.1f}")
        indexed_seconds = raw_seconds + index_seconds
        self.stdout.write(
            f"{'  puis les index de la table (repère)':<42}{raw_count / indexed_seconds:>12.0f}{indexed_seconds:>12.1f}"
        )
        self.stdout.write(
            f"{'import complet (lecture → table indexée)':<42}{import_rate:>12.0f}{import_seconds:>12.1f}"
        )
        self.stdout.write(f"{'réimport (rien ne change)':<42}{again_rate:>12.0f}{again_seconds:>12.1f}")
        if insert_seconds:
            insert_rate = raw_count / insert_seconds
            label = "insertion brute par INSERT (executemany)"
            self.stdout.write(f"{label:<42}{insert_rate:>12.0f}{insert_seconds:>12.1f}")
        self.stdout.write(f"Import / brut : {100 * import_rate / raw_rate:.0f} % (objectif ≥ 50 %)")
        if insert_seconds:
            self.stdout.write(
                "Import / insertion brute par INSERT (la méthode de la mesure SQLite) : "
                f"{100 * import_rate / insert_rate:.0f} %"
            )
        self.stdout.write(
            f"Repère : construire sur la table nue l'index unique et les {len(Organisation._meta.indexes)} index "
            f"de la table des organisations prend {index_seconds:.1f} s, soit "
            f"{100 * index_seconds / raw_seconds:.0f} % du temps de l'insertion brute ; l'import, qui les "
            f"construit aussi, atteindrait au mieux {100 * raw_seconds / indexed_seconds:.0f} % du brut "
            "avec une lecture et une écriture aussi rapides que l'insertion brute"
        )
        self.stdout.write(
            f"Temps processeur : insertion brute {raw_cpu:.1f} s (avec la lecture du CSV), "
            f"import complet {import_cpu:.1f} s (processus de lecture compris)"
        )
        self.stdout.write(
            f"Mémoire de pointe : {memory.peak_mb:.0f} Mo (PSS de l'import et de son processus de lecture "
            f"ensemble ; objectif < 500 Mo) ; RSS maximal : {_peak_mb():.0f} Mo ici, "
            f"{_peak_mb(resource.RUSAGE_CHILDREN):.0f} Mo pour le processus de lecture"
        )
        self.stdout.write(f"Premier import : {' ; '.join(first.lines()[:2])} ; second : {second.lines()[1]}")
        if not options["keep"]:
            delete_generated()
