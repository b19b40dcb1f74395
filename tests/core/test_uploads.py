"""Uploaded documents and images are checked by size and by content, with French messages."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.images.fields import WagtailImageField

from core import uploads

pytestmark = pytest.mark.django_db


def _zip(**parts: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name.replace("__", "/"), content)
    return buffer.getvalue()


DOCX = _zip(**{"[Content_Types].xml": b"<Types/>", "word__document.xml": b"<w:document/>"})
ODS = _zip(mimetype=b"application/vnd.oasis.opendocument.spreadsheet", **{"content.xml": b"<office/>"})


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("rapport.pdf", b"%PDF-1.7\n1 0 obj\n"),
        ("bilan.docx", DOCX),
        ("tableau.ods", ODS),
        ("donnees.csv", "commune;nombre\nSaint-Étienne;3\n".encode()),
        ("lisez-moi.txt", "Réunion du comité".encode("latin-1")),
    ],
)
def test_a_document_that_is_what_its_extension_says_is_accepted(name: str, content: bytes) -> None:
    assert uploads.document_problem(SimpleUploadedFile(name, content)) is None


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("rapport.pdf", b"<html><script>alert(1)</script>", "n'est pas un PDF"),
        ("bilan.docx", b"MZ\x90\x00 an executable", "n'est pas un fichier DOCX valide"),
        ("bilan.docx", _zip(**{"autre.xml": b"<x/>"}), "n'est pas un fichier DOCX valide"),
        ("tableau.ods", _zip(mimetype=b"text/plain", **{"content.xml": b"<x/>"}), "n'est pas un fichier ODS"),
        ("donnees.csv", b"a;b\x00\x01", "n'est pas un fichier texte"),
        ("donnees.csv", b"%PDF-1.4 renamed", "n'est pas un fichier texte"),
        ("vide.pdf", b"", "est vide"),
    ],
)
def test_a_document_whose_content_does_not_match_is_refused_in_french(name: str, content: bytes, expected: str) -> None:
    problem = uploads.document_problem(SimpleUploadedFile(name, content))
    assert problem is not None and expected in problem and name in problem


def test_an_oversized_document_is_refused(monkeypatch) -> None:
    monkeypatch.setattr(uploads, "MAX_DOCUMENT_BYTES", 10)
    problem = uploads.document_problem(SimpleUploadedFile("rapport.pdf", b"%PDF-1.7 and more than ten bytes"))
    assert problem is not None and "dépasse la taille maximale" in problem


def test_the_back_office_document_form_applies_the_checks_and_saves_nothing() -> None:
    form_class = get_document_form(get_document_model())
    assert issubclass(form_class, uploads.DocumentForm)
    form = form_class(
        data={"title": "Faux PDF"},
        files={"file": SimpleUploadedFile("faux.pdf", b"<html>not a pdf</html>")},
        user=None,
    )
    assert not form.is_valid()
    assert "n'est pas un PDF" in " ".join(form.errors["file"])
    assert get_document_model().objects.count() == 0

    valid = form_class(
        data={"title": "Vrai PDF"}, files={"file": SimpleUploadedFile("vrai.pdf", b"%PDF-1.7\n%%EOF")}, user=None
    )
    assert valid.is_valid(), valid.errors


def test_an_image_whose_content_is_not_an_image_is_refused() -> None:
    field = WagtailImageField()
    with pytest.raises(Exception) as refused:
        field.clean(SimpleUploadedFile("photo.png", b"<svg onload='alert(1)'></svg>"))
    assert "image" in str(refused.value).lower()


def test_svg_images_are_not_accepted(settings) -> None:
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
