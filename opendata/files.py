"""The CSV files of the catalogue, streamed: a dataset of millions of rows never sits in memory.

The first row the dataset's builder yields must be its declared columns, in order, and every row
must have as many cells: a builder that drifted from its schema fails loudly, before any byte is sent.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from opendata.registry import Dataset, DatasetError, Row

ROWS_PER_CHUNK = 500
BYTE_ORDER_MARK = "\ufeff"


def opened_rows(dataset: Dataset) -> Iterator[Row]:
    """The dataset's data rows, after checking its header against its columns."""
    rows = iter(dataset.rows())
    header = [str(cell) for cell in next(rows, [])]
    if header != dataset.column_names:
        raise DatasetError(
            f"Les colonnes du fichier {dataset.name} ({header}) ne sont pas celles du schéma ({dataset.column_names})."
        )
    return rows


def csv_chunks(dataset: Dataset, rows: Iterable[Row]) -> Iterator[str]:
    """The CSV text, header first, in chunks of ``ROWS_PER_CHUNK`` rows (« ; », UTF-8 with BOM)."""
    width = len(dataset.columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    buffer.write(BYTE_ORDER_MARK)
    writer.writerow(dataset.column_names)
    for number, row in enumerate(rows, start=1):
        if len(row) != width:
            raise DatasetError(f"La ligne {number} du fichier {dataset.name} a {len(row)} cellules au lieu de {width}.")
        writer.writerow(row)
        if number % ROWS_PER_CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
