from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from api.api import api

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    path("", include("syndication.urls")),
    path("", include("accounts.urls")),
    path("", include("proconnect.urls")),
    path("", include("alerts.urls")),
    path("feuille-de-route/", include("roadmap.urls")),
    path("mon-espace/feuille-de-route/", include("roadmap.member_urls")),
    path("territoires/", include("territories.urls")),
    path("pres-de-chez-moi/", include("nearby.urls")),
    path("annuaire/", include("organisations.urls")),
    path("faire-alliance/", include("alliances.urls")),
    path("apprendre/", include("learning.urls")),
    path("par-ou-commencer/", include("orientation.urls")),
    path("exemples-inspirants/", include("cases.urls")),
    path("recherche/", include("search.urls")),
    path("accompagnement/", include("catalysts.urls")),
    path("accompagnement/", include("support.urls")),
    path("contact/", include("contact.urls")),
    path("observatoire/", include("observatory.urls")),
    path("donnees/", include("opendata.urls")),
    path("indicateurs/", include("indicators.urls")),
    path("", include("knowledge.urls")),
    path("", include("resources.urls")),
    path("", include("hub.urls")),
    path("", include("core.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page tree serves the editorial pages last.
urlpatterns += [path("", include(wagtail_urls))]

handler400 = "core.refusals.bad_request"
handler403 = "core.refusals.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
