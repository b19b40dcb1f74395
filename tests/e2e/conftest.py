"""Browser tests in a real headless Chromium (Debian's package), driven by Playwright."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterable, Iterator

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls of the fixtures are
# still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(path):
        pytest.fail("Chromium est introuvable : installez le paquet Debian « chromium » (make chromium).")
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class _OneRequestAtATime:
    """The test server's application, answering one request at a time.

    On SQLite the test database lives in memory, so the test server's threads all share the test's one
    connection (pytest-django's ``connections_override``). Two requests at once — a page and its charts,
    or a form posted while the commune list still answers — would then share one transaction: with
    ``ATOMIC_REQUESTS`` the second request's block becomes a savepoint of the first, and its writes and
    its ``on_commit`` work (the mails) wait for the first one's commit, or go with its rollback (a sign-up
    whose confirmation mail was not written yet when the test read it: CI of 2026-12-03). Static files are
    served before this application and stay concurrent. The body is read inside the lock, so a streamed
    response's queries are covered too.
    """

    def __init__(self, application) -> None:
        self._application = application
        self._lock = threading.Lock()

    def __call__(self, environ, start_response) -> Iterable[bytes]:
        with self._lock:
            response = self._application(environ, start_response)
            try:
                return [b"".join(response)]
            finally:
                if hasattr(response, "close"):
                    response.close()


@pytest.fixture(scope="session")
def live_server(live_server):
    """pytest-django's live server, answering one request at a time when it shares the test's connection."""
    thread = live_server.thread
    if thread.connections_override:
        static_files_handler = thread.httpd.get_app()
        static_files_handler.application = _OneRequestAtATime(static_files_handler.application)
    return live_server


@pytest.fixture
def site_data(transactional_db: None, reference_data: None) -> None:
    """The reference data, committed for the test server (the database goes back to its base after the test)."""


@pytest.fixture
def page(browser, live_server, site_data) -> Iterator[object]:
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", accept_downloads=True)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    yield page
    context.close()
