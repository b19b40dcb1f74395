"""The DSFR breadcrumb data every public page passes to templates/base.html."""

from __future__ import annotations

from typing import Any


def breadcrumb(current: str, *links: tuple[str, str]) -> dict[str, Any]:
    """Home is implicit; ``links`` are the (url, title) pairs between home and the current page."""
    return {"links": [{"url": url, "title": title} for url, title in links], "current": current}
