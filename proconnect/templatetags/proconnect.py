"""``{% proconnect_button %}``: the « S'identifier avec ProConnect » button, or nothing while ProConnect is off."""

from __future__ import annotations

from typing import Any

from django import template

from proconnect import conf

register = template.Library()


@register.inclusion_tag("proconnect/button.html", takes_context=True)
def proconnect_button(context: template.Context) -> dict[str, Any]:
    return {
        "enabled": conf.is_enabled(),
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "next": context.get("redirect_field_value") or "",
    }
