"""Read-only API of the support requests' public side: the demand no catalyst covered, by département.

Counts only, no text and no person (support.selectors.unserved_demand), as the page and its CSV.
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from support import selectors

router = Router(tags=["Accompagnement"])


class UnservedDemandOut(Schema):
    departement: str = Field(description="Code du département.")
    name: str = Field(description="Nom du département.")
    region: str = Field(description="Nom de la région.")
    requests: int = Field(description="Demandes d'accompagnement qu'aucun catalyseur ne couvrait, en tout.")
    last_year: int = Field(description="Dont au cours des 365 derniers jours.")

    @staticmethod
    def resolve_departement(obj: selectors.DemandRow) -> str:
        return obj.code


@router.get(
    "/unserved-demand",
    response=list[UnservedDemandOut],
    summary="Demandes d'accompagnement sans catalyseur, par département (nombres seulement)",
    url_name="support_unserved_demand",
)
@paginate(LimitOffsetPagination)
def unserved_demand(request: HttpRequest) -> list[selectors.DemandRow]:
    return selectors.unserved_demand()
