from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse


def platform(request: HttpRequest) -> dict[str, Any]:
    """Name of the service and main navigation, shared by every public page."""
    path = request.path
    navigation = [
        {"label": "Accueil", "url": reverse("core:home")},
        {"label": "Actualités", "url": reverse("resources:news_index")},
        {"label": "Agenda", "url": reverse("resources:agenda")},
        {"label": "Exemples inspirants", "url": reverse("cases:index")},
        {"label": "Études & rapports", "url": reverse("resources:studies")},
        {"label": "Outils & méthodes", "url": reverse("resources:tools")},
        {"label": "Accompagnement en territoire", "url": reverse("hub:support")},
        {"label": "Apprendre", "url": reverse("learning:index")},
        {"label": "Feuille de route", "url": reverse("roadmap:overview")},
        {"label": "Territoires", "url": reverse("territories:index")},
        {"label": "Annuaire", "url": reverse("organisations:directory")},
        {"label": "Faire alliance", "url": reverse("alliances:index")},
        {"label": "API et données", "url": reverse("opendata:index")},
    ]
    for item in navigation:
        url = item["url"]
        item["current"] = path == url if url == "/" else path.startswith(url)
    return {
        "service_name": "Alliances & Territoires",
        "service_tagline": "L'ODD 17 en pratique : associations, entreprises, collectivités et État font alliance",
        "main_navigation": navigation,
    }
