"""What the hub's routers share: filter validation (422 naming the field) and the item shape."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, QueryDict
from ninja import Field, Schema
from ninja.errors import ValidationError

from core.demo import DEMO_PARAMETER
from search.filters import SearchFilters, SearchForm
from search.models import SearchDocument
from search.selectors import FacetGroup

MAX_LIMIT = 200
DEMO_COUNT_DESCRIPTION = "dont exemples fictifs (contenu de démonstration) ; 0 avec exemples=masquer"


class ItemOut(Schema):
    type: str
    id: int
    title: str
    summary: str
    url: str
    is_demo: bool
    date: str | None
    source: str = Field("", description="document et passage d'où vient un contenu de référence ; vide sinon")


class FacetOptionOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    name: str
    label: str
    options: list[FacetOptionOut]


class Page(Schema):
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=1_000_000_000)


# Documented in the OpenAPI description; the values themselves are checked by ``parse_filters``.
_DESCRIPTIONS = {
    "q": "texte recherché (accents, majuscules et pluriel indifférents)",
    "section": "rubrique : case, tool, study, news, event, measure, actor, milestone, force, survey",
    "actor_kind": "type d'acteur (slug), répétable",
    "modality": "modalité de partenariat (slug), répétable",
    "sdg": "numéro d'ODD (1 à 17), répétable",
    "region": "code INSEE de région, répétable ; inclut ses départements, EPCI et communes",
    "departement": "code de département, répétable ; inclut ses EPCI et communes",
    "phase": "concevoir, piloter, evaluer",
    "maturity": "decouvrir, se-lancer, approfondir",
    "exemples": "« masquer » : sans les exemples fictifs (démonstration) ; toute autre valeur ne masque rien",
}


def _filter_field(name: str) -> Any:
    return Field(None, description=_DESCRIPTIONS[name])


class CaseFilters(Schema):
    q: str = Field("", description=_DESCRIPTIONS["q"])
    exemples: str | None = _filter_field("exemples")
    actor_kind: list[str] | None = _filter_field("actor_kind")
    modality: list[str] | None = _filter_field("modality")
    sdg: list[str] | None = _filter_field("sdg")
    region: list[str] | None = _filter_field("region")
    departement: list[str] | None = _filter_field("departement")
    exemples: str | None = _filter_field("exemples")


class ToolFilters(Schema):
    q: str = Field("", description=_DESCRIPTIONS["q"])
    exemples: str | None = _filter_field("exemples")
    phase: list[str] | None = _filter_field("phase")
    actor_kind: list[str] | None = _filter_field("actor_kind")
    maturity: list[str] | None = _filter_field("maturity")
    exemples: str | None = _filter_field("exemples")


class SearchFilterParams(CaseFilters):
    section: list[str] | None = _filter_field("section")
    phase: list[str] | None = _filter_field("phase")
    maturity: list[str] | None = _filter_field("maturity")


def parse_filters(
    request: HttpRequest, *, allowed: list[str], forced: dict[str, list[str]] | None = None
) -> SearchFilters:
    """The filters of the query string; an unknown value is a 422 naming its field."""
    data = QueryDict(mutable=True)
    for name in ["q", DEMO_PARAMETER, *allowed]:
        values = request.GET.getlist(name)
        if values:
            data.setlist(name, values)
    form = SearchForm(data)
    if not form.is_valid():
        raise ValidationError(
            [
                {"loc": ["query", name], "msg": str(errors[0]), "type": "value_error"}
                for name, errors in form.errors.items()
            ]
        )
    filters = SearchFilters.from_form(form)
    return filters.with_values(**forced) if forced else filters


def item_out(document: SearchDocument) -> dict[str, Any]:
    return {
        "type": document.section,
        "id": document.object_id,
        "title": document.title,
        "summary": document.summary,
        "url": document.url,
        "is_demo": document.is_demo,
        "date": document.date.isoformat() if document.date else None,
        "source": document.source,
    }


def facets_out(groups: list[FacetGroup]) -> list[dict[str, Any]]:
    return [
        {
            "name": group.name,
            "label": group.label,
            "options": [
                {"value": o.value, "label": o.label, "count": o.count, "selected": o.selected} for o in group.options
            ],
        }
        for group in groups
    ]
