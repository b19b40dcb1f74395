"""Reading register files: plain CSV or a zip of CSVs, UTF-8 (with or without BOM) or ISO-8859-1.

The encoding is decided on a sample: strict UTF-8 if it decodes, else ISO-8859-1 (which decodes
any byte). A line that is not valid in the chosen encoding is decoded with replacement characters
and remembered, so that its row is rejected with its line number instead of stopping the import.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

SAMPLE_SIZE = 256 * 1024
csv.field_size_limit(1024 * 1024)


class FileProblem(Exception):
    """A whole file cannot be imported (encoding, separator, missing columns): the import stops before writing."""


@dataclass(frozen=True)
class Source:
    """One CSV to read: a file on disk, or a member of a zip archive."""

    path: Path
    member: str = ""

    @property
    def label(self) -> str:
        return f"{self.path.name}:{self.member}" if self.member else self.path.name

    def open(self) -> BinaryIO:
        if not self.member:
            return self.path.open("rb")
        return io.BufferedReader(_ZipMember(self.path, self.member), buffer_size=1 << 16)

    def size(self) -> int:
        if not self.member:
            return self.path.stat().st_size
        with zipfile.ZipFile(self.path) as archive:
            return archive.getinfo(self.member).file_size


class _ZipMember(io.RawIOBase):
    """A member of a zip archive read as a stream; closing it closes the archive too."""

    def __init__(self, path: Path, member: str) -> None:
        super().__init__()
        self._archive = zipfile.ZipFile(path)
        self._member = self._archive.open(member)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        return self._member.readinto(buffer)

    def close(self) -> None:
        if not self.closed:
            self._member.close()
            self._archive.close()
        super().close()


def sources(paths: list[Path]) -> list[Source]:
    """The CSVs to read: each path itself, or the ``.csv`` members of a zip archive."""
    found: list[Source] = []
    for path in paths:
        if not path.is_file():
            raise FileProblem(f"{path} : fichier introuvable.")
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                members = sorted(
                    info.filename
                    for info in archive.infolist()
                    if not info.is_dir() and info.filename.lower().endswith(".csv")
                )
            if not members:
                raise FileProblem(f"{path.name} : l'archive ne contient aucun fichier CSV.")
            found += [Source(path, member) for member in members]
        else:
            found.append(Source(path))
    return found


def detect_encoding(sample: bytes, label: str) -> str:
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in sample:
        raise FileProblem(
            f"{label} : encodage illisible (UTF-16 ou fichier binaire). "
            "Enregistrez le fichier en UTF-8 ou en ISO-8859-1 (Latin-1)."
        )
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return "latin-1"
    return "utf-8"


@dataclass
class LineReader:
    """Decoded lines of a binary stream, counting bytes read and the lines that did not decode."""

    stream: BinaryIO
    encoding: str
    bytes_read: int = 0
    bad_lines: set[int] = field(default_factory=set)
    line_number: int = 0

    def __iter__(self) -> Iterator[str]:
        encoding = self.encoding
        for raw in self.stream:
            self.line_number += 1
            self.bytes_read += len(raw)
            try:
                yield raw.decode(encoding)
            except UnicodeDecodeError:
                self.bad_lines.add(self.line_number)
                yield raw.decode(encoding, errors="replace")
            encoding = "utf-8" if encoding == "utf-8-sig" else encoding


@dataclass
class CsvFile:
    """An opened register CSV: its encoding, its header, and its rows with their line numbers."""

    source: Source
    delimiter: str
    stream: BinaryIO
    lines: LineReader
    header: list[str]
    line_iterator: Iterator[str]  # the lines after the header
    bytes_per_line: float = 1.0  # measured on the sample: it estimates the rows of a file from its size

    @classmethod
    def open(cls, source: Source, *, delimiter: str) -> CsvFile:
        stream = source.open()
        try:
            sample = stream.read(SAMPLE_SIZE)
            encoding = detect_encoding(sample, source.label)
        except BaseException:
            stream.close()
            raise
        stream.close()
        bytes_per_line = max(1, len(sample)) / max(1, sample.count(b"\n"))
        stream = source.open()
        lines = LineReader(stream, encoding)
        line_iterator = iter(lines)
        try:
            header = [name.strip().strip('"').lower() for name in next(csv.reader(line_iterator, delimiter=delimiter))]
        except StopIteration:
            stream.close()
            raise FileProblem(f"{source.label} : le fichier est vide.") from None
        except csv.Error as error:
            stream.close()
            raise FileProblem(f"{source.label} : en-tête illisible ({error}).") from None
        return cls(source, delimiter, stream, lines, header, line_iterator, bytes_per_line)

    def check_columns(self, required: list[str]) -> None:
        missing = [name for name in required if name not in self.header]
        if not missing:
            return
        self.stream.close()
        if len(self.header) == 1:
            for other in (",", ";", "\t", "|"):
                if other != self.delimiter and other in self.header[0]:
                    shown = "tabulation" if other == "\t" else f"« {other} »"
                    raise FileProblem(
                        f"{self.source.label} : mauvais séparateur de colonnes "
                        f"({shown} au lieu de « {self.delimiter} »)."
                    )
        raise FileProblem(f"{self.source.label} : colonnes manquantes dans l'en-tête : {', '.join(missing)}.")

    def rows(self) -> Iterator[tuple[int, list[str] | None, str]]:
        """(first line number, row, problem): ``row`` is None when the line cannot be read.

        A line with no quote, inner carriage return or oversized field is split on the delimiter
        directly: that is what the csv module makes of it, several times faster, and nearly every
        register line is such a line. Any other line goes through the csv module, which also reads
        the following lines of a quoted field that spans several.
        """
        lines, counter, delimiter = self.line_iterator, self.lines, self.delimiter
        bad_lines, limit = counter.bad_lines, csv.field_size_limit()
        for line in lines:
            start = counter.line_number
            body = line.rstrip("\r\n")
            if '"' in body or "\r" in body or len(body) > limit:
                try:
                    values = next(csv.reader(itertools.chain((line,), lines), delimiter=delimiter))
                except csv.Error as error:
                    yield start, None, f"ligne illisible ({error})"
                    continue
            else:
                values = body.split(delimiter) if body else []
            if bad_lines and any(n in bad_lines for n in range(start, counter.line_number + 1)):
                yield start, None, "caractères illisibles dans l'encodage du fichier"
                continue
            yield start, values, ""

    def close(self) -> None:
        self.stream.close()
