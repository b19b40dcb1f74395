"""Checks of the files editors upload in the back office: size, and content that matches the extension.

Wagtail checks an image's content itself (its format must be the one its extension names) and its
size (``WAGTAILIMAGES_MAX_UPLOAD_SIZE``), but a document only by its extension. ``DocumentForm``
(``WAGTAILDOCS_DOCUMENT_FORM_BASE``) adds what a public download needs: a size limit, and a look at
the bytes — a PDF starts with ``%PDF-``, an office file is a zip archive holding that format's main
part, a CSV or text file holds no NUL byte and is not one of those binaries renamed. Messages in
French name the file and the problem.
"""

from __future__ import annotations

import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
HEAD_BYTES = 64 * 1024
PDF = b"%PDF-"
ZIP = b"PK\x03\x04"
# Office formats: the part every file of that format holds (the ZIP archive's own list).
OFFICE_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "odt": "content.xml",
    "ods": "content.xml",
}
OPEN_DOCUMENT_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
BINARY_SIGNATURES = (PDF, ZIP, b"MZ", b"\x7fELF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")


def _size_label(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} Mo".replace(".", ",")


def document_problem(upload: UploadedFile) -> str | None:
    """Why this uploaded document is refused, in French; None when it is what its extension says."""
    name = PurePath(upload.name or "").name[:100]
    extension = PurePath(name).suffix.lower().lstrip(".")
    if upload.size is not None and upload.size > MAX_DOCUMENT_BYTES:
        return f"« {name} » dépasse la taille maximale de {_size_label(MAX_DOCUMENT_BYTES)} pour un document."
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    if not head:
        return f"« {name} » est vide."
    if extension == "pdf" and not head.startswith(PDF):
        return f"« {name} » n'est pas un PDF : son contenu ne correspond pas à son extension."
    if extension in OFFICE_PARTS:
        return _office_problem(upload, name, extension)
    if extension in {"csv", "txt"} and (b"\x00" in head or head.startswith(BINARY_SIGNATURES)):
        return f"« {name} » n'est pas un fichier texte : son contenu ne correspond pas à son extension."
    return None


def _office_problem(upload: UploadedFile, name: str, extension: str) -> str | None:
    refused = (
        f"« {name} » n'est pas un fichier {extension.upper()} valide : son contenu ne correspond pas à son extension."
    )
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if OFFICE_PARTS[extension] not in names:
                return refused
            if extension in OPEN_DOCUMENT_TYPES and archive.read("mimetype").strip() != OPEN_DOCUMENT_TYPES[extension]:
                return refused
    except (zipfile.BadZipFile, KeyError, OSError, EOFError):
        return refused
    finally:
        upload.seek(0)
    return None


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, with ``document_problem`` checked on each new file."""

    def clean_file(self) -> object:
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            problem = document_problem(file)
            if problem:
                raise ValidationError(problem, code="invalid_document")
        return file
