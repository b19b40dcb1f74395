"""The sitemap index (``/sitemap.xml``) and its sitemaps: pages, published items, roadmap, territories.

Only published items are listed. Territories stop at the départements: the ~35,000 communes'
pages are reachable from them and are left out of the sitemap. Each sitemap is paginated by
Django (50,000 addresses per page) through the index.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.sitemaps import Sitemap
from django.db.models import Model, QuerySet
from django.urls import reverse

from cases.models import Case
from hub import kit
from resources.models import Event, NewsItem, Study, Tool
from roadmap.models import Bilan, Measure
from territories.models import Departement, Region

STATIC_PAGES = [
    "core:home",
    "hub:individuals",
    "hub:organisations",
    "cases:index",
    "resources:news_index",
    "resources:agenda",
    "resources:studies",
    "resources:tools",
    "resources:tool_map",
    "hub:support",
    "hub:kit",
    "roadmap:overview",
    "territories:index",
    "search:search",
    "opendata:index",
]


class PagesSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> list[str]:
        return [reverse(name) for name in STATIC_PAGES] + [
            reverse("hub:kit_sheet", kwargs={"slug": sheet.slug}) for sheet in kit.SHEETS
        ]

    def location(self, item: str) -> str:
        return item


class PublishedSitemap(Sitemap):
    """Published items of one model, with the date of their last publication."""

    model: type[Model]

    def __init__(self, model: type[Model]) -> None:
        self.model = model

    def items(self) -> QuerySet[Any]:
        return self.model.objects.published().order_by("pk")  # type: ignore[attr-defined]

    def lastmod(self, item: Any) -> dt.datetime | None:
        return item.last_published_at


class BilanSitemap(Sitemap):
    def items(self) -> QuerySet[Bilan]:
        return Bilan.objects.published().order_by("pk")

    def lastmod(self, item: Bilan) -> dt.date:
        return item.date


class TerritorySitemap(Sitemap):
    changefreq = "monthly"

    def __init__(self, model: type[Region] | type[Departement]) -> None:
        self.model = model

    def items(self) -> QuerySet[Any]:
        return self.model.objects.order_by("code")


SITEMAPS: dict[str, Sitemap] = {
    "pages": PagesSitemap(),
    "exemples-inspirants": PublishedSitemap(Case),
    "outils-et-methodes": PublishedSitemap(Tool),
    "etudes-et-rapports": PublishedSitemap(Study),
    "actualites": PublishedSitemap(NewsItem),
    "agenda": PublishedSitemap(Event),
    "mesures": PublishedSitemap(Measure),
    "bilans": BilanSitemap(),
    "regions": TerritorySitemap(Region),
    "departements": TerritorySitemap(Departement),
}
