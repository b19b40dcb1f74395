"""The project's own HTML templates as files, for the tests that read every one of them."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

MAILS = frozenset({"email", "notifications"})  # read in a mail client, not in the browser
BACK_OFFICE = frozenset({"admin", "wagtailadmin"})  # Wagtail's pages, outside the site's content security policy


def project_templates(*, leave_out: frozenset[str] = MAILS) -> list[Path]:
    """Every ``.html`` of ``templates/`` and of the apps' ``templates/``, but those under a folder named in
    ``leave_out``; paths relative to the project's root."""
    root = Path(settings.BASE_DIR)
    paths = [*root.glob("templates/**/*.html"), *root.glob("*/templates/**/*.html")]
    return [path.relative_to(root) for path in paths if not leave_out & set(path.relative_to(root).parts)]
