from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from core import sitemap as site_plan
from core.cache import public_page
from roadmap.selectors import programme_summary


@public_page
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/home.html",
        {"page_title": "Accueil", "summary": programme_summary()},
    )


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/accessibility.html",
        {
            "page_title": "Déclaration d'accessibilité",
            "breadcrumb_data": {"current": "Déclaration d'accessibilité"},
        },
    )


def legal(request: HttpRequest) -> HttpResponse:
    """The operator's facts come from settings (environment); an unset one says so, never a guess."""
    return render(
        request,
        "core/legal.html",
        {
            "page_title": "Mentions légales",
            "breadcrumb_data": {"current": "Mentions légales"},
            "publisher": settings.SITE_PUBLISHER,
            "director": settings.SITE_PUBLICATION_DIRECTOR,
            "host_name": settings.SITE_HOST_NAME,
            "host_address": settings.SITE_HOST_ADDRESS,
        },
    )


def privacy(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/privacy.html",
        {
            "page_title": "Données personnelles",
            "breadcrumb_data": {"current": "Données personnelles"},
            "publisher": settings.SITE_PUBLISHER,
            "contact_retention_days": settings.CONTACT_MESSAGE_RETENTION_DAYS,
            "support_retention_days": settings.SUPPORT_RETENTION_DAYS,
            "match_retention_days": settings.MATCH_RETENTION_DAYS,
            "login_failure_limit": settings.AXES_FAILURE_LIMIT,
            "login_cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        },
    )


def sitemap(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/sitemap.html",
        {
            "page_title": "Plan du site",
            "breadcrumb_data": {"current": "Plan du site"},
            "groups": site_plan.public_pages(),
        },
    )


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness with one trivial query: the ceiling of this stack in the benchmark."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: the database answers and every migration is applied."""
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception:
        return JsonResponse({"status": "indisponible", "detail": "base de données injoignable"}, status=503)
    if pending:
        return JsonResponse({"status": "indisponible", "detail": "migrations en attente"}, status=503)
    return JsonResponse({"status": "ok"})


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Ressource introuvable."}, status=404)
    return render(
        request,
        "404.html",
        {"page_title": "Page non trouvée", "breadcrumb_data": {"current": "Page non trouvée"}},
        status=404,
    )


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without context processors touching the database: the failure may be there.
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Erreur inattendue du serveur."}, status=500)
    return render(request, "500.html", {"page_title": "Erreur inattendue"}, status=500)
