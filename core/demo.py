"""Demo content (« exemples fictifs ») beside real content, the same way on every page.

One GET parameter hides it (``?exemples=masquer``; an empty or other value hides nothing), and
every figure that counts demo records says so next to it (« 12 catalyseurs, dont 3 exemples
fictifs », template tag ``demo_share`` in ``core/templatetags/demo_tags.py``). Knows no domain
model: each app's QuerySet has its own ``real()`` / ``demo()``.
"""

from __future__ import annotations

from django.http import HttpRequest

from core.params import text_param

DEMO_PARAMETER = "exemples"
HIDE_VALUE = "masquer"
HIDE_LABEL = "Masquer les exemples fictifs"


def hides_demo(value: str | None) -> bool:
    """True for the parameter's value that hides the demo content (``masquer``)."""
    return (value or "").strip() == HIDE_VALUE


def hide_demo(request: HttpRequest) -> bool:
    """True when the visitor asked to leave the demo content out."""
    return hides_demo(text_param(request.GET, DEMO_PARAMETER))


def demo_share(demo: int) -> str:
    """« , dont 3 exemples fictifs » (nothing when the figure counts no demo record)."""
    if not demo:
        return ""
    plural = "s" if demo > 1 else ""
    return f", dont {demo} exemple{plural} fictif{plural}"
