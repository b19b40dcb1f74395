"""Settings of several app servers: the Redis URL and the object storage are read strictly."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from config.env import env_cache_url, env_url


@pytest.mark.parametrize(
    "url",
    [
        "redis://127.0.0.1:6379/0",
        "rediss://:s3cret@cache.interne:6380/2",
        "redis://cache",
        "unix:///run/redis.sock?db=1",
    ],
)
def test_a_redis_url_is_accepted(monkeypatch, url) -> None:
    monkeypatch.setenv("CACHE_URL", url)
    assert env_cache_url("CACHE_URL") == url


def test_no_cache_url_means_the_embedded_file_caches(monkeypatch) -> None:
    monkeypatch.delenv("CACHE_URL", raising=False)
    assert env_cache_url("CACHE_URL") is None
    monkeypatch.setenv("CACHE_URL", "")
    assert env_cache_url("CACHE_URL") is None


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("memcached://127.0.0.1:11211", "must be a URL starting with redis:// or rediss:// or unix://"),
        ("127.0.0.1:6379", "got the scheme ''"),
        ("redis://:s3cret@cache:port/0", "invalid port"),
        ("redis:///0", "must name a host"),
        ("redis://cache/sessions", "database must be a number"),
    ],
)
def test_a_bad_redis_url_fails_loudly_without_showing_its_password(monkeypatch, url, message) -> None:
    monkeypatch.setenv("CACHE_URL", url)
    with pytest.raises(ImproperlyConfigured, match=message) as error:
        env_cache_url("CACHE_URL")
    assert "s3cret" not in str(error.value)


def test_a_required_url_must_be_set(monkeypatch) -> None:
    monkeypatch.delenv("S3_ENDPOINT_URL", raising=False)
    with pytest.raises(ImproperlyConfigured, match="S3_ENDPOINT_URL is required"):
        env_url("S3_ENDPOINT_URL", schemes=("https",), required=True)


def _settings_with(env: dict[str, str], *names: str) -> subprocess.CompletedProcess:
    """Load the settings in a fresh process with ``env`` and print ``names`` as JSON."""
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {list(names)!r}}}, default=str))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("S3_", "CACHE_"))}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=False,
    )


S3_ENV = {
    "S3_BUCKET": "medias",
    "S3_ENDPOINT_URL": "https://s3.fr-par.example.org",
    "S3_ACCESS_KEY_ID": "cle",
    "S3_SECRET_ACCESS_KEY": "secret",
    "S3_REGION": "fr-par",
}


def test_s3_settings_put_the_media_in_the_bucket_and_allow_its_images() -> None:
    done = _settings_with(S3_ENV, "STORAGES", "CONTENT_SECURITY_POLICY")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    storage = found["STORAGES"]["default"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "medias"
    assert storage["OPTIONS"]["region_name"] == "fr-par"
    assert "https://s3.fr-par.example.org" in found["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]


def test_without_s3_the_media_stay_in_a_local_folder() -> None:
    done = _settings_with({}, "STORAGES")
    assert json.loads(done.stdout)["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"S3_ENDPOINT_URL": ""}, "S3_ENDPOINT_URL is required"),
        ({"S3_SECRET_ACCESS_KEY": ""}, "S3_SECRET_ACCESS_KEY"),
        ({"S3_ENDPOINT_URL": "ftp://s3.example.org"}, "must be a URL starting with"),
    ],
)
def test_incomplete_s3_settings_stop_the_start(change, message) -> None:
    env = {**S3_ENV, **change}
    env = {k: v for k, v in env.items() if v}
    done = _settings_with(env, "STORAGES")
    assert done.returncode != 0 and message in done.stderr


def test_production_refuses_an_unencrypted_object_storage() -> None:
    env = {
        **S3_ENV,
        "S3_ENDPOINT_URL": "http://s3.example.org",
        "APP_ENV": "production",
        "TRUSTED_PROXY_COUNT": "1",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "alliances.example.org",
    }
    done = _settings_with(env, "STORAGES")
    assert done.returncode != 0 and "S3_ENDPOINT_URL must be a URL starting with https://" in done.stderr
