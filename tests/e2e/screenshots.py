"""Screenshots of a browser journey's steps, kept only when E2E_SCREENSHOTS names a folder (for issues and reviews)."""

from __future__ import annotations

import os
from pathlib import Path


def shot(page, name: str) -> None:
    """A full-page picture of the page as it is now, as ``<E2E_SCREENSHOTS>/<name>.png``; nothing when unset."""
    folder = os.environ.get("E2E_SCREENSHOTS", "")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)
