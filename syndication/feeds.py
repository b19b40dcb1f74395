"""RSS 2.0 and Atom feeds: one per section and one per search (same query string as the page).

Items come from the search index, which only holds published items (``search.indexing``), and
expired ones are left out (``visible()``): a draft or a withdrawn item never reaches a feed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from hub.models import DEMO_LABEL
from search.filters import SearchFilters
from search.models import SearchDocument, Section
from syndication.queries import filters_from_query, matching_documents, normalised_query

SERVICE_NAME = "Alliances & Territoires"
FEED_SIZE = 30


@dataclass(frozen=True)
class SectionFeedInfo:
    section: str
    slug: str
    title: str
    url_name: str
    description: str


SECTION_FEEDS = {
    info.slug: info
    for info in (
        SectionFeedInfo(
            Section.NEWS,
            "actualites",
            "Actualités",
            "resources:news_index",
            "Les nouvelles des alliances en territoire.",
        ),
        SectionFeedInfo(
            Section.CASE,
            "exemples-inspirants",
            "Exemples inspirants",
            "cases:index",
            "Les alliances entre associations, entreprises, collectivités et État.",
        ),
        SectionFeedInfo(
            Section.STUDY, "etudes-et-rapports", "Études & rapports", "resources:studies", "Études et rapports publiés."
        ),
        SectionFeedInfo(
            Section.TOOL,
            "outils-et-methodes",
            "Outils & méthodes",
            "resources:tools",
            "Guides, formations, référentiels et outils de diagnostic.",
        ),
        SectionFeedInfo(
            Section.EVENT, "agenda", "Agenda", "resources:agenda", "Rencontres, formations et ateliers annoncés."
        ),
    )
}


def _pubdate(document: SearchDocument) -> dt.datetime | None:
    if document.date is None:
        return None
    return timezone.make_aware(dt.datetime.combine(document.date, dt.time.min))


class SearchFeed(Feed):
    """``/recherche/flux.xml?q=…&region=…``: the newest published items matching a search."""

    feed_type = Rss201rev2Feed
    feed_format = "rss"

    def get_object(self, request: HttpRequest, *args: object, **kwargs: object) -> SearchFilters:
        return filters_from_query(request.GET)

    def title(self, obj: SearchFilters) -> str:
        return f"{SERVICE_NAME} — recherche « {obj.q[:80]} »" if obj.q else f"{SERVICE_NAME} — recherche"

    def link(self, obj: SearchFilters) -> str:
        query = normalised_query(obj)
        return f"{reverse('search:search')}?{query}" if query else reverse("search:search")

    def feed_url(self, obj: SearchFilters) -> str:
        query = normalised_query(obj)
        path = reverse(f"syndication:search_{self.feed_format}")
        return f"{path}?{query}" if query else path

    def description(self, obj: SearchFilters) -> str:
        return "Les derniers contenus publiés qui correspondent à cette recherche."

    subtitle = description  # Atom

    def items(self, obj: SearchFilters) -> list[SearchDocument]:
        return list(matching_documents(obj)[:FEED_SIZE])

    def item_title(self, item: SearchDocument) -> str:
        return f"{item.title} ({DEMO_LABEL.lower()})" if item.is_demo else item.title

    def item_description(self, item: SearchDocument) -> str:
        prefix = f"{DEMO_LABEL}. " if item.is_demo else ""
        return f"{prefix}{item.section_label} — {item.summary}"

    def item_link(self, item: SearchDocument) -> str:
        return item.url

    def item_guid(self, item: SearchDocument) -> str:
        return item.url

    def item_pubdate(self, item: SearchDocument) -> dt.datetime | None:
        return _pubdate(item)

    def item_updateddate(self, item: SearchDocument) -> dt.datetime | None:
        return _pubdate(item)

    def item_categories(self, item: SearchDocument) -> list[str]:
        return [item.section_label]


class SearchAtomFeed(SearchFeed):
    feed_type = Atom1Feed
    feed_format = "atom"


class SectionFeed(SearchFeed):
    """``/<section>/flux.xml``: the newest published items of one section."""

    def get_object(self, request: HttpRequest, *args: object, **kwargs: object) -> SearchFilters:  # type: ignore[override]
        info = SECTION_FEEDS[str(kwargs["section"])]
        return SearchFilters(values={"section": [info.section]})

    def _info(self, obj: SearchFilters) -> SectionFeedInfo:
        section = obj.selected("section")[0]
        return next(info for info in SECTION_FEEDS.values() if info.section == section)

    def title(self, obj: SearchFilters) -> str:
        return f"{SERVICE_NAME} — {self._info(obj).title}"

    def link(self, obj: SearchFilters) -> str:
        return reverse(self._info(obj).url_name)

    def feed_url(self, obj: SearchFilters) -> str:
        return reverse(f"syndication:section_{self.feed_format}", kwargs={"section": self._info(obj).slug})

    def description(self, obj: SearchFilters) -> str:
        return self._info(obj).description

    subtitle = description


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed
    feed_format = "atom"
