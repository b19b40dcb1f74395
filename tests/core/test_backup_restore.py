from __future__ import annotations

import datetime as dt
import json
import tarfile

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection

from core.backup import backup_counts
from roadmap.models import Measure, Review, ReviewStatus
from roadmap.services import review_add
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_content_type_cache():
    """Flushing recreates content types; the cache must not outlive the test's rollback."""
    yield
    ContentType.objects.clear_cache()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.MEDIA_ROOT / "documents" / "bilan-2021.txt").write_text("Bilan du 7 mai 2021", encoding="utf-8")
    return settings.MEDIA_ROOT


@pytest.fixture
def platform_data(programme, media_root):
    author = UserFactory(username="rédactrice", first_name="Édith", email="edith@example.invalid")
    measure = Measure.objects.get(programme=programme, number=3)
    review = review_add(
        programme=programme,
        measure=measure,
        date=dt.date(2022, 3, 14),
        status=ReviewStatus.objects.get(slug="en-cours"),
        text="Premier bilan : les conventions sont signées à Lyon.",
        progress=40,
        evidence_links=[("https://www.example.gouv.fr/rapport", "Rapport d'étape")],
        author=author,
    )
    return review


def _flush() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)


def test_a_backup_restored_into_an_empty_database_finds_every_row(platform_data, media_root, tmp_path) -> None:
    archive = tmp_path / "sauvegarde.tar.gz"
    before = backup_counts()
    call_command("backup", str(archive), verbosity=0)

    _flush()
    for file in media_root.rglob("*"):
        if file.is_file():
            file.unlink()
    assert Review.objects.count() == 0 and get_user_model().objects.count() == 0

    call_command("restore", str(archive), verbosity=0)

    assert backup_counts() == before
    review = Review.objects.select_related("author", "status", "measure").get(text__startswith="Premier bilan")
    assert review.author.username == "rédactrice" and review.author.first_name == "Édith"
    assert review.author.check_password("un-mot-de-passe-solide-42")
    assert (review.measure.number, review.status.slug, review.progress) == (3, "en-cours", 40)
    assert review.date == dt.date(2022, 3, 14)
    assert [link.label for link in review.evidence_links.all()] == ["Rapport d'étape"]
    assert Measure.objects.get(number=1).title.startswith("Rendre immédiatement")
    restored = media_root / "documents" / "bilan-2021.txt"
    assert restored.read_text(encoding="utf-8") == "Bilan du 7 mai 2021"


@pytest.fixture
def small_data(db, media_root):
    """A few rows without the (large) reference data: enough to test the refusals and --force."""
    from tests.factories import MeasureFactory

    UserFactory(username="rédactrice")
    return MeasureFactory(title="Mesure d'essai sauvegardée")


def test_the_archive_carries_a_manifest_and_leaves_derived_data_out(small_data, tmp_path, capsys) -> None:
    archive = tmp_path / "sauvegarde.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    assert "Sauvegarde écrite dans" in capsys.readouterr().out
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        names = tar.getnames()
    counts = {entry["model"]: entry["rows"] for entry in manifest["models"]}
    assert manifest["engine"] == connection.vendor and manifest["created_at"]
    assert counts["roadmap.Measure"] == 1 and counts["auth.User"] == 1
    assert manifest["media_files"] == 1 and "media/documents/bilan-2021.txt" in names
    for derived in ("contenttypes.ContentType", "auth.Permission", "sessions.Session", "wagtailsearch.IndexEntry"):
        assert derived not in counts


def test_restore_refuses_a_database_that_is_not_empty(small_data, tmp_path) -> None:
    archive = tmp_path / "sauvegarde.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    with pytest.raises(CommandError, match="La base de données n'est pas vide"):
        call_command("restore", str(archive), verbosity=0)
    assert Measure.objects.count() == 1


def test_restore_with_force_replaces_the_data(small_data, tmp_path) -> None:
    archive = tmp_path / "sauvegarde.tar.gz"
    before = backup_counts()
    call_command("backup", str(archive), verbosity=0)
    UserFactory(username="arrivée-après-la-sauvegarde")
    small_data.title = "Titre modifié après la sauvegarde"
    small_data.save()

    call_command("restore", str(archive), "--force", verbosity=0)

    assert backup_counts() == before
    assert not get_user_model().objects.filter(username="arrivée-après-la-sauvegarde").exists()
    assert Measure.objects.get().title == "Mesure d'essai sauvegardée"


def test_restore_refuses_a_file_that_is_not_a_backup(db, tmp_path) -> None:
    bogus = tmp_path / "pas-une-sauvegarde.tar.gz"
    bogus.write_bytes(b"bonjour")
    with pytest.raises(CommandError, match="n'est pas une sauvegarde lisible"):
        call_command("restore", str(bogus), verbosity=0)
