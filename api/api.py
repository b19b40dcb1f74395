"""The public JSON API, version 1 (read-only). OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs."""

from __future__ import annotations

import math

from django.db import DataError, IntegrityError, connection, transaction
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import Throttled, ValidationError

from api.alliance import router as alliance_router
from api.alliance_stats import router as alliance_stats_router
from api.cases import router as cases_router
from api.catalysts import router as catalysts_router
from api.indicators import router as indicators_router
from api.knowledge import router as knowledge_router
from api.learning import router as learning_router
from api.observatory import router as observatory_router
from api.opendata import router as opendata_router
from api.organisations import router as organisations_router
from api.orientation import router as orientation_router
from api.resources import router as resources_router
from api.roadmap import router as roadmap_router
from api.search import router as search_router
from api.support import router as support_router
from api.territories import router as territories_router
from core.cache import public_page
from core.security import ApiAnonRateThrottle, ApiAuthRateThrottle

REFUSAL_SCHEMA = {
    "title": "Refus",
    "type": "object",
    "properties": {"detail": {"type": "string", "description": "La raison du refus, en français."}},
    "required": ["detail"],
}
VALIDATION_SCHEMA = {
    "title": "ErreursDeValidation",
    "type": "object",
    "properties": {
        "detail": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "loc": {"type": "array", "items": {"type": "string"}},
                    "field": {"type": "string"},
                    "msg": {"type": "string"},
                },
                "required": ["loc", "field", "msg"],
            },
        }
    },
    "required": ["detail"],
}
# The refusals any operation can give before or besides its own answer (core.input_guard, the handlers below).
REFUSALS = {
    "400": ("Requête mal formée, ou valeur hors des limites acceptées.", "Refus"),
    "404": ("Ressource introuvable (ou ressource désignée par un filtre introuvable).", "Refus"),
    "414": ("Adresse trop longue.", "Refus"),
    "422": ("Paramètre invalide : chaque erreur nomme son paramètre.", "ErreursDeValidation"),
    "429": ("Trop de requêtes : réessayez après le délai indiqué par Retry-After.", "Refus"),
}


class PlatformAPI(NinjaAPI):
    """The OpenAPI document declares, for every operation, the French refusals it can return."""

    def get_openapi_schema(self, *, path_prefix: str | None = None, path_params: dict | None = None):  # type: ignore[no-untyped-def]
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.setdefault("Refus", REFUSAL_SCHEMA)
        components.setdefault("ErreursDeValidation", VALIDATION_SCHEMA)
        for item in schema.get("paths", {}).values():
            for operation in item.values():
                responses = operation.setdefault("responses", {})
                for status, (description, name) in REFUSALS.items():
                    responses.setdefault(
                        status,
                        {
                            "description": description,
                            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
                        },
                    )
        return schema


api = PlatformAPI(
    title="API Alliances & Territoires",
    version="1.0.0",
    description="API publique en lecture de la plateforme Alliances & Territoires. Données sous Licence Ouverte 2.0.",
    urls_namespace="api-v1",
    # Rate limits per client IP, counted in the default cache (settings.API_THROTTLE_*_RATE).
    throttle=[ApiAnonRateThrottle(), ApiAuthRateThrottle()],
)
# Every operation is a public read: anonymous responses are cached like the public pages (ADR 0008)
# and cleared by any write to public content. A cached answer costs no database work, so only the
# requests that reach the database count against the rate limits.
api.add_decorator(public_page, mode="view")
api.add_router("/roadmap", roadmap_router)
api.add_router("/territories", territories_router)
api.add_router("/organisations", organisations_router)
api.add_router("/cases", cases_router)
api.add_router("/catalysts", catalysts_router)
api.add_router("/", resources_router)
api.add_router("/search", search_router)
api.add_router("/observatory", observatory_router)
api.add_router("/knowledge", knowledge_router)
api.add_router("/alliance", alliance_router)
api.add_router("/alliance", alliance_stats_router)
api.add_router("/indicators", indicators_router)
api.add_router("/support", support_router)
api.add_router("/learning", learning_router)
api.add_router("/datasets", opendata_router)
api.add_router("/orientation", orientation_router)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """422 in French, naming each field at fault."""
    details = []
    for error in exc.errors:
        loc = [str(part) for part in error.get("loc", [])]
        field = loc[-1] if loc else "requête"
        message = error.get("msg", "")
        if error.get("type") != "value_error" or not message or message.startswith("Value error"):
            message = f"Valeur invalide pour le paramètre « {field} »."
        details.append({"loc": loc, "field": field, "msg": message})
    return api.create_response(request, {"detail": details}, status=422)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": "Ressource introuvable."}, status=404)


@api.exception_handler(Throttled)
def throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    """429 in French; Retry-After is set from the throttle's wait (at least one second)."""
    response = api.create_response(
        request, {"detail": "Trop de requêtes : réessayez dans quelques instants."}, status=429
    )
    response["Retry-After"] = str(max(1, math.ceil(exc.wait or 1)))
    return response


@api.exception_handler(DataError)
@api.exception_handler(OverflowError)
@api.exception_handler(IntegrityError)
def out_of_range(request: HttpRequest, exc: Exception) -> HttpResponse:
    """A query value the database cannot hold (e.g. offset=10**30, found by fuzzing): 400, not 500."""
    if isinstance(exc, IntegrityError) and "datatype mismatch" not in str(exc):
        raise exc  # a real integrity error of a write: Django's 500 handling applies
    if connection.in_atomic_block:
        transaction.set_rollback(True)
    return api.create_response(
        request, {"detail": "Valeur hors des limites acceptées pour un paramètre de la requête."}, status=400
    )
