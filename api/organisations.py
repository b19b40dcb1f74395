"""Read-only API of the directory of organisations, thin over organisations.selectors.

``territory`` is written ``<level>:<code>`` (``departement:13``, ``region:84``, ``epci:200054807``,
``commune:13055``): a malformed value is a 422 naming the field, an unknown territory a 404.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError, ValidationError
from ninja.pagination import LimitOffsetPagination, paginate

from api.schemas import ErrorOut
from catalysts.models import Catalyst
from organisations import selectors
from organisations.models import Organisation
from reference.models import ActorKind

router = Router(tags=["Organisations"])
MAX_QUERY_LENGTH = 100


def _invalid(field: str, message: str) -> ValidationError:
    return ValidationError([{"loc": ["query", field], "msg": message, "type": "value_error"}])


class OrganisationOut(Schema):
    id: int
    name: str
    kind: str
    status: str
    status_date: dt.date | None
    commune: str | None
    departement: str | None
    rna: str
    siren: str
    url: str

    @staticmethod
    def resolve_kind(obj: Organisation) -> str:
        return obj.kind.slug

    @staticmethod
    def resolve_commune(obj: Organisation) -> str | None:
        return obj.commune_id

    @staticmethod
    def resolve_departement(obj: Organisation) -> str | None:
        return obj.commune.departement_id if obj.commune else None

    @staticmethod
    def resolve_url(obj: Organisation) -> str:
        return obj.get_absolute_url()


class OrganisationDetailOut(OrganisationOut):
    purpose: str
    siret: str
    website: str
    sdgs: list[int]
    area_level: str
    area_code: str
    source: str
    last_verified_on: dt.date | None
    founded_on: dt.date | None

    @staticmethod
    def resolve_sdgs(obj: Organisation) -> list[int]:
        return [sdg.number for sdg in obj.sdgs.all()]

    # The page's own fields, written by the organisation's members (the contact only when shown).
    presentation: str
    seeks: str
    offers: str
    page_website: str
    contact_email: str | None
    contact_phone: str | None
    sdg_targets: list[str]
    action_territories: list[str]

    @staticmethod
    def resolve_contact_email(obj: Organisation) -> str | None:
        return obj.contact_email or None if obj.show_contact else None

    @staticmethod
    def resolve_contact_phone(obj: Organisation) -> str | None:
        return obj.contact_phone or None if obj.show_contact else None

    @staticmethod
    def resolve_sdg_targets(obj: Organisation) -> list[str]:
        return [target.code for target in obj.sdg_targets.all()]

    @staticmethod
    def resolve_action_territories(obj: Organisation) -> list[str]:
        return [f"region:{r.code}" for r in obj.action_regions.all()] + [
            f"departement:{d.code}" for d in obj.action_departements.all()
        ]


def _territory(value: str | None) -> selectors.TerritoryFilter | None:
    if value is None:
        return None
    level, _, code = value.partition(":")
    if not code:
        raise _invalid("territory", "Territoire mal formé : « niveau:code » est attendu, par exemple departement:13.")
    try:
        return selectors.territory_filter(level, code)
    except selectors.MalformedTerritory as problem:
        raise _invalid("territory", str(problem)) from None
    except selectors.UnknownTerritory as problem:
        raise HttpError(404, str(problem)) from None


@router.get(
    "",
    response=list[OrganisationOut],
    summary="Organisations : recherche sur le nom et l'objet, filtres par type, territoire et ODD",
    url_name="organisations",
)
@paginate(LimitOffsetPagination)
def list_organisations(
    request: HttpRequest,
    q: str = "",
    kind: str | None = None,
    territory: str | None = None,
    sdg: int | None = None,
    catalyst: int | None = None,
) -> QuerySet[Organisation]:
    if len(q) > MAX_QUERY_LENGTH:
        raise _invalid("q", f"La recherche « q » ne doit pas dépasser {MAX_QUERY_LENGTH} caractères.")
    if kind is not None and not ActorKind.objects.filter(slug=kind).exists():
        raise _invalid("kind", "Type d'acteur inconnu pour « kind » : association, entreprise, collectivite…")
    if sdg is not None and not 1 <= sdg <= 17:
        raise _invalid("sdg", "« sdg » attend un numéro d'ODD de 1 à 17.")
    covered = _catalyst_departements(catalyst)
    filters = selectors.DirectoryFilters(q=q.strip(), kind=kind or "", territory=_territory(territory), sdg=sdg)
    queryset = selectors.organisations(filters).select_related("kind", "commune")
    return queryset if covered is None else queryset.filter(commune__departement_id__in=covered)


def _catalyst_departements(catalyst_id: int | None) -> set[str] | None:
    """The départements covered by an active catalyst (organisations whose seat lies there), or a 404."""
    if catalyst_id is None:
        return None
    catalyst = Catalyst.objects.active().filter(pk=catalyst_id).first()
    if catalyst is None:
        raise HttpError(404, f"Aucun catalyseur actif d'identifiant {catalyst_id}.")
    return catalyst.covered_departement_codes()


@router.get(
    "/{int:organisation_id}",
    response={200: OrganisationDetailOut, 404: ErrorOut},
    summary="Une organisation",
    url_name="organisation",
)
def get_organisation(request: HttpRequest, organisation_id: int) -> Status:
    organisation = selectors.organisation_by_id(organisation_id)
    if organisation is None:
        return Status(404, {"detail": f"Organisation {organisation_id} introuvable."})
    return Status(200, organisation)
