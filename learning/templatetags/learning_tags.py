"""The link from the roadmap's measures 20 and 21 (« apprendre à faire alliance ») to the learning paths."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()

# Measures 20 and 21 of the 2020 roadmap: « Développer notre capacité collective à « apprendre à
# faire alliance » » and « Inscrire les nouvelles formes d'alliance et de partenariats aux
# programmes de formation, de l'éducation des plus jeunes à la formation continue ».
LEARNING_MEASURES = {20, 21}


@register.inclusion_tag("learning/includes/measure_link.html")
def learning_link(measure: Any) -> dict[str, Any]:
    return {"shown": getattr(measure, "number", None) in LEARNING_MEASURES}
