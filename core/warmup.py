"""Warm a server process before it serves: gunicorn's master runs this once, before forking.

Without it, each worker pays on its first requests for importing the views (the URLconf),
compiling the templates (the cached loader keeps them per process) and building the search filter
index: 0.1 to 0.8 s on a first page, seen as outliers in the bench's 95th percentiles. Workers
forked afterwards, including those restarted by ``max_requests``, inherit all three.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.urls import get_resolver

from search import facet_index

logger = logging.getLogger(__name__)


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


def warm_up() -> None:
    get_resolver().url_patterns  # noqa: B018 (imports the URLconf and every view module)
    compile_templates()
    facet_index.warm_up()
    connections.close_all()  # never share a database connection across fork
