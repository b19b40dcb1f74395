"""Media on S3-compatible object storage, against a real SeaweedFS started for these tests (no mocked client)."""

from __future__ import annotations

import tarfile
import urllib.request
import uuid

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from storages.backends.s3 import S3Storage

from core.backup import backup_create, media_files
from tests.services.servers import seaweedfs


@pytest.fixture(scope="session")
def s3_endpoint(tmp_path_factory):
    with seaweedfs(tmp_path_factory.mktemp("seaweedfs")) as endpoint:
        yield endpoint


@pytest.fixture
def bucket(settings, s3_endpoint):
    """A bucket of its own, set as the media storage as S3_BUCKET would (config/settings.py)."""
    name = f"essai-{uuid.uuid4().hex[:12]}"
    options = {
        "bucket_name": name,
        "endpoint_url": s3_endpoint,
        "access_key": "essai",
        "secret_key": "essai-secret",
        "region_name": "us-east-1",
        "location": "",
        "addressing_style": "path",
        "file_overwrite": False,
        "default_acl": None,
        "querystring_auth": True,
    }
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id="essai",
        aws_secret_access_key="essai-secret",
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=name)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
    }
    return options


def test_a_file_saved_by_one_server_is_read_by_another(bucket) -> None:
    name = default_storage.save("documents/bilan-2021.txt", ContentFile(b"Bilan du 7 mai 2021"))
    other_server = S3Storage(**bucket)
    assert other_server.exists(name)
    with other_server.open(name, "rb") as stored:
        assert stored.read().decode() == "Bilan du 7 mai 2021"


def test_an_upload_never_replaces_a_file_of_the_same_name(bucket) -> None:
    first = default_storage.save("images/affiche.png", ContentFile(b"premiere"))
    second = default_storage.save("images/affiche.png", ContentFile(b"seconde"))
    assert first != second
    with default_storage.open(first, "rb") as stored:
        assert stored.read() == b"premiere"


def test_a_media_address_is_signed_and_serves_the_file(bucket) -> None:
    name = default_storage.save("documents/programme.txt", ContentFile(b"Programme de la rencontre"))
    url = default_storage.url(name)
    assert "Signature=" in url
    assert "Expires=" in url
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (the local test server)
        assert response.read() == b"Programme de la rencontre"


@pytest.mark.django_db
def test_a_backup_takes_the_media_of_the_bucket(bucket, tmp_path) -> None:
    name = default_storage.save("documents/rapport.txt", ContentFile(b"Rapport d'etape"))
    assert media_files() == [name]
    manifest = backup_create(path=tmp_path / "sauvegarde.tar.gz")
    assert manifest["media_files"] == 1
    with tarfile.open(tmp_path / "sauvegarde.tar.gz") as archive:
        assert archive.extractfile(f"media/{name}").read() == b"Rapport d'etape"
