from django.contrib.sitemaps import views as sitemap_views
from django.urls import path, re_path

from syndication import feeds, views
from syndication.sitemaps import SITEMAPS

app_name = "syndication"

SECTIONS = "|".join(feeds.SECTION_FEEDS)

urlpatterns = [
    path("recherche/flux.xml", feeds.SearchFeed(), name="search_rss"),
    path("recherche/flux.atom", feeds.SearchAtomFeed(), name="search_atom"),
    re_path(rf"^(?P<section>{SECTIONS})/flux\.xml$", feeds.SectionFeed(), name="section_rss"),
    re_path(rf"^(?P<section>{SECTIONS})/flux\.atom$", feeds.SectionAtomFeed(), name="section_atom"),
    path("agenda/agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("agenda/<slug:slug>.ics", views.event_ics, name="event_ics"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "syndication:sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
]
