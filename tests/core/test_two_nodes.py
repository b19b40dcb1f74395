"""Two app servers (gunicorn) on the same PostgreSQL and Redis: what one does, the other sees at once.

Needs PostgreSQL (the test database, shared with the servers) and Redis (``CACHE_URL``): CI's
PostgreSQL pass has both and sets REQUIRE_TEST_SERVICES=1, so there this test never skips.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid

import pytest
import redis
import requests
from django.conf import settings
from django.db import connection

from roadmap.models import Measure
from tests.factories import UserFactory
from tests.services.servers import REPO, free_port, redis_url, stop, wait_for_http

pytestmark = pytest.mark.django_db(transaction=True)  # the servers read what the test committed
MEASURE_21 = "Inscrire les nouvelles formes"


def _database_url() -> str:
    db = settings.DATABASES["default"]
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="module")
def nodes(tmp_path_factory, django_db_setup):
    """Two gunicorn servers, one worker each, as ``make run`` starts them; yields their base URLs.

    Started once for the module: they hold no state of their own, the tests' data is in the database.
    """
    if connection.vendor != "postgresql":
        pytest.skip("Deux serveurs d'application partagent PostgreSQL : ce test tourne dans la passe PostgreSQL.")
    cache_url = redis_url()
    prefix = f"essai-noeuds-{uuid.uuid4().hex}"
    tmp_path = tmp_path_factory.mktemp("noeuds")
    environment = {
        **os.environ,
        "APP_ENV": "local",
        "SECRET_KEY": settings.SECRET_KEY,  # every server signs and checks sessions with the same key
        "DATABASE_URL": _database_url(),
        "CACHE_URL": cache_url,
        "CACHE_KEY_PREFIX": prefix,
        "VAR_DIR": str(tmp_path / "var"),
        "WEB_CONCURRENCY": "1",
        "SEARCH_RATE": "4/min",
        "GUNICORN_ACCESS_LOG": os.devnull,
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"], cwd=REPO, env=environment, check=True
    )
    servers = []
    try:
        for name in ("a", "b"):
            port = free_port()
            log = (tmp_path / f"gunicorn-{name}.log").open("wb")
            process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi:application"],
                cwd=REPO,
                env={**environment, "PORT": str(port)},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            servers.append((process, log, f"http://127.0.0.1:{port}"))
        for process, _, url in servers:
            wait_for_http(f"{url}/healthz", seconds=120, process=process)
        yield [url for _, _, url in servers]
    finally:
        for process, log, _ in servers:
            stop(process)
            log.close()
        client = redis.Redis.from_url(cache_url)
        for key in client.scan_iter(match=f"{prefix}:*"):
            client.delete(key)
        client.close()


def _signed_in(client, url: str) -> requests.Session:
    session = requests.Session()
    session.cookies.set(settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value)
    return session


def test_an_edit_on_one_server_is_seen_at_once_on_the_other(nodes, client, programme) -> None:
    node_a, node_b = nodes
    assert MEASURE_21 in requests.get(f"{node_b}/feuille-de-route/", timeout=30).text  # now in node B's page cache
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    editor = _signed_in(client, node_a)
    measure = Measure.objects.get(programme=programme, number=21)
    form = editor.get(f"{node_a}/admin/snippets/roadmap/measure/unpublish/{measure.pk}/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    response = editor.post(
        f"{node_a}/admin/snippets/roadmap/measure/unpublish/{measure.pk}/",
        data={"csrfmiddlewaretoken": token},
        headers={"Referer": form.url},
        timeout=30,
        allow_redirects=False,
    )
    assert response.status_code == 302
    assert MEASURE_21 not in requests.get(f"{node_b}/feuille-de-route/", timeout=30).text


def test_a_session_opened_on_one_server_is_valid_on_the_other(nodes, client) -> None:
    client.force_login(UserFactory(first_name="Édith"))
    visitor = _signed_in(client, nodes[0])
    for node in nodes:
        response = visitor.get(f"{node}/mon-espace/", timeout=30, allow_redirects=False)
        assert response.status_code == 200
        assert "Mon espace" in response.text


def test_a_rate_limit_is_counted_once_across_both_servers(nodes) -> None:
    node_a, node_b = nodes  # SEARCH_RATE=4/min per address, whichever server answers
    statuses = [requests.get(f"{node}/recherche/?q=eau", timeout=30).status_code for node in (node_a, node_b) * 2]
    assert statuses == [200, 200, 200, 200]
    assert requests.get(f"{node_a}/recherche/?q=eau", timeout=30).status_code == 429
    assert requests.get(f"{node_b}/recherche/?q=eau", timeout=30).status_code == 429


def test_a_publication_is_found_at_once_by_the_search_of_both_servers(nodes, vocabularies) -> None:
    from tests.cases.factories import CaseFactory

    def found(node: str, moment: str) -> int:
        # ``essai`` makes each address new to the public page cache: the search itself answers.
        params = {"q": "ressourcerie", "essai": moment}
        return requests.get(f"{node}/api/v1/search", params=params, timeout=30).json()["count"]

    assert [found(node, "avant") for node in nodes] == [0, 0]  # each server has built its search index
    CaseFactory(title="Ressourcerie des deux rives")  # written by a third process, as the back office would
    assert [found(node, "après") for node in nodes] == [1, 1]
