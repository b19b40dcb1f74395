"""Warm a server process before it serves: gunicorn's master runs this once, before forking.

Without it, each worker pays on its first requests for importing the views (the URLconf),
compiling the templates (the cached loader keeps them per process) and building the search filter
index: 0.1 to 0.8 s on a first page, seen as outliers in the bench's 95th percentiles. Workers
forked afterwards, including those restarted by ``max_requests``, inherit all three, the objects
frozen out of the garbage collector (``gc.freeze``).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.urls import URLResolver, get_resolver

logger = logging.getLogger(__name__)
# What the apps warm themselves (e.g. the search builds its filter index), registered from their
# ``AppConfig.ready``: core knows no domain app.
_app_warm_ups: list[Callable[[], None]] = []


def register(warm_up: Callable[[], None]) -> None:
    """Have ``warm_up`` run in the master process before it forks its workers (once per function)."""
    if warm_up not in _app_warm_ups:
        _app_warm_ups.append(warm_up)


def _names(roots: list[Path]) -> list[str]:
    return [path.relative_to(root).as_posix() for root in roots for path in sorted(root.rglob("*.html"))]


def project_templates() -> list[str]:
    roots = [Path(d) for engine in settings.TEMPLATES for d in engine.get("DIRS", [])]
    return _names(roots + sorted(Path(settings.BASE_DIR).glob("*/templates")))


def dsfr_templates() -> list[str]:
    """django-dsfr's templates (its form templates need widget_tweaks, which we do not use: skipped)."""
    import dsfr

    return _names([Path(dsfr.__file__).parent / "templates"])


def compile_templates() -> int:
    """Compile the project's templates (a failure is logged) and those of django-dsfr that compile."""
    compiled = 0
    for name in project_templates():
        try:
            get_template(name)
            compiled += 1
        except (TemplateDoesNotExist, TemplateSyntaxError):
            logger.warning("Gabarit non précompilé : %s", name, exc_info=True)
    for name in dsfr_templates():
        try:
            get_template(name)
        except (TemplateDoesNotExist, TemplateSyntaxError):
            logger.debug("Gabarit de django-dsfr non précompilé : %s", name)
    return compiled


def populate_url_resolvers(resolver: URLResolver | None = None) -> None:
    """Fill the reverse() tables of the URLconf and of each namespace (lazily built per process otherwise)."""
    resolver = resolver or get_resolver()
    resolver.reverse_dict  # noqa: B018
    for _prefix, namespace_resolver in resolver.namespace_dict.values():
        populate_url_resolvers(namespace_resolver)


# Pages asked once in the master: Django builds much on first use and keeps it per process (model
# metadata, related descriptors, compiled regular expressions, query compilers).
WARM_PAGES = [
    "/",
    "/feuille-de-route/",
    "/exemples-inspirants/",
    "/annuaire/?niveau=departement&code=75",
    "/recherche/?q=alliance&region=11",
    "/territoires/communes/75056/",
    "/api/v1/cases?limit=1",
    "/api/v1/search?q=alliance",
    "/api/v1/organisations?limit=1",
]


def warm_pages() -> int:
    """Ask each of WARM_PAGES once, as an anonymous visitor would; return how many answered 200."""
    from django.test import Client  # the WSGI handler itself, without a socket

    host = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if h not in ("*", "")), "localhost")
    # An address of the documentation range (RFC 5737): the warm-up of each server counts against no
    # real client's rate limit (127.0.0.1 is the reverse proxy's, or a local visitor's).
    client = Client(HTTP_HOST=host, REMOTE_ADDR="192.0.2.0")
    answered = 0
    for path in WARM_PAGES:
        try:
            answered += client.get(path, secure=settings.PRODUCTION).status_code == 200
        except Exception:  # a warm-up never stops the server from starting
            logger.warning("Page non préchauffée : %s", path, exc_info=True)
    return answered


def warm_up() -> None:
    get_resolver().url_patterns  # noqa: B018 (imports the URLconf and every view module)
    populate_url_resolvers()
    compile_templates()
    for app_warm_up in _app_warm_ups:
        app_warm_up()
    warm_pages()
    connections.close_all()  # never share a database connection across fork
    # What the master holds now is shared with the workers, page by page, until written. A worker's
    # first garbage collection would visit (so write, so copy) every object: 150 ms on its first
    # request at national scale. Frozen objects are left out of the collections.
    gc.collect()
    gc.freeze()
