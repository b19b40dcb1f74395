"""Read-only API of the « catalyseurs territoriaux », thin over catalysts.selectors.

``territory`` is written ``<level>:<code>`` as in api/organisations.py (``departement:13``,
``region:93``): a malformed value is a 422 naming the field, an unknown territory a 404. A catalyst
matches a territory when it covers at least one of its départements (directly or through its région).
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError, ValidationError
from ninja.pagination import LimitOffsetPagination, paginate

from api.schemas import ErrorOut
from catalysts import selectors
from catalysts.models import Catalyst
from organisations.selectors import MalformedTerritory, UnknownTerritory, territory_filter

router = Router(tags=["Catalyseurs territoriaux"])


def _invalid(field: str, message: str) -> ValidationError:
    return ValidationError([{"loc": ["query", field], "msg": message, "type": "value_error"}])


class CatalystOut(Schema):
    id: int
    name: str
    slug: str
    kind: str
    departements: list[str]
    regions: list[str]
    is_demo: bool
    url: str

    @staticmethod
    def resolve_kind(obj: Catalyst) -> str:
        return obj.kind.slug

    @staticmethod
    def resolve_departements(obj: Catalyst) -> list[str]:
        return [d.code for d in obj.departements.all()]

    @staticmethod
    def resolve_regions(obj: Catalyst) -> list[str]:
        return [r.code for r in obj.regions.all()]

    @staticmethod
    def resolve_url(obj: Catalyst) -> str:
        return obj.get_absolute_url()


class CatalystDetailOut(CatalystOut):
    description: str
    support_offered: str
    audiences: list[str]
    covered_departements: list[str]
    contact_email: str
    contact_url: str
    website: str

    @staticmethod
    def resolve_audiences(obj: Catalyst) -> list[str]:
        return [kind.slug for kind in obj.audiences.all()]

    @staticmethod
    def resolve_covered_departements(obj: Catalyst) -> list[str]:
        return sorted(obj.covered_departement_codes())


def _territory(value: str | None) -> tuple[str, str]:
    if value is None:
        return "", ""
    level, _, code = value.partition(":")
    if not code:
        raise _invalid("territory", "Territoire mal formé : « niveau:code » est attendu, par exemple departement:13.")
    try:
        found = territory_filter(level, code)
    except MalformedTerritory as problem:
        raise _invalid("territory", str(problem)) from None
    except UnknownTerritory as problem:
        raise HttpError(404, str(problem)) from None
    return found.level, found.code


@router.get(
    "",
    response=list[CatalystOut],
    summary="Catalyseurs territoriaux actifs, filtrés par territoire couvert",
    url_name="catalysts",
)
@paginate(LimitOffsetPagination)
def list_catalysts(
    request: HttpRequest, territory: str | None = None, is_demo: bool | None = None
) -> QuerySet[Catalyst]:
    """``is_demo=false`` leaves the demo records (« exemples fictifs ») out, ``is_demo=true`` keeps only them."""
    level, code = _territory(territory)
    catalysts = selectors.catalysts(level=level, code=code)
    if is_demo is not None:
        catalysts = catalysts.filter(is_demo=is_demo)
    return catalysts.prefetch_related("departements", "regions")


@router.get(
    "/{int:catalyst_id}",
    response={200: CatalystDetailOut, 404: ErrorOut},
    summary="Un catalyseur territorial",
    url_name="catalyst",
)
def get_catalyst(request: HttpRequest, catalyst_id: int) -> Status:
    catalyst = (
        selectors.catalysts().prefetch_related("departements", "regions", "audiences").filter(pk=catalyst_id).first()
    )
    if catalyst is None:
        return Status(404, {"detail": f"Catalyseur {catalyst_id} introuvable."})
    return Status(200, catalyst)
