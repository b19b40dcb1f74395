"""``{% subscribe_block %}``: the « S'abonner à cette recherche » block and feed link of the search page."""

from __future__ import annotations

from typing import Any

from django import template

from alerts.forms import SubscribeForm
from alerts.models import Frequency

register = template.Library()


@register.inclusion_tag("alerts/includes/subscribe.html", takes_context=True)
def subscribe_block(context: template.Context) -> dict[str, Any]:
    request = context["request"]
    return {
        "request": request,
        "user": request.user,
        "csrf_token": context.get("csrf_token"),
        "form": SubscribeForm(initial={"frequency": Frequency.WEEKLY}),
        "frequencies": Frequency.choices,
    }
