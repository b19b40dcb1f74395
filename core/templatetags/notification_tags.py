"""Links for Wagtail's notification e-mails (templates/wagtailadmin/notifications/)."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def public_url(obj: Any) -> str:
    """The absolute address of the public page of ``obj``, or "" while it is not live.

    Read afresh: Wagtail sends « approved » with the instance it loaded before publishing it, which
    still says ``live=False``. Any model with ``get_absolute_url`` (pages use ``full_url``) qualifies.
    """
    if obj is None or obj.pk is None:
        return ""
    fresh = type(obj)._default_manager.filter(pk=obj.pk).first()
    if fresh is None or not getattr(fresh, "live", True):
        return ""
    if hasattr(fresh, "full_url"):
        return fresh.full_url or ""
    get_absolute_url = getattr(fresh, "get_absolute_url", None)
    return f"{settings.WAGTAILADMIN_BASE_URL}{get_absolute_url()}" if get_absolute_url else ""
