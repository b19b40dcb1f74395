"""Load the Observatoire des partenariats' figures quoted by the source document (data/seed/)."""

from __future__ import annotations

from decimal import Decimal

from core.loading import LoadReport, read_yaml, upsert
from knowledge.loaders import source_values
from observatory.models import Survey, SurveyFigure
from reference.models import ActorKind
from resources.models import Study


def _decimal(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def load_observatory(report: LoadReport) -> None:
    data = read_yaml("seed/observatory.yml")
    surveys: dict[str, Survey] = {}
    for item in data["surveys"]:
        surveys[item["slug"]] = upsert(
            Survey,
            {"slug": item["slug"]},
            {
                "title": item["title"],
                "programme": item["programme"] or "",
                "institute": item["institute"] or "",
                "population": item["population"] or "",
                "method": item["method"] or "",
                "sample_size": item["sample_size"],
                "year": item["year"],
                "study": Study.objects.filter(slug=item["study"]).first() if item.get("study") else None,
                **source_values(item),
            },
            report,
        )
    kinds = {kind.slug: kind for kind in ActorKind.objects.all()}
    for position, item in enumerate(data["figures"], start=1):
        upsert(
            SurveyFigure,
            {"slug": item["slug"]},
            {
                "survey": surveys[item["survey"]],
                "indicator": item["indicator"],
                "indicator_slug": item["indicator_slug"],
                "population": item["population"],
                "actor_kind": kinds[item["actor_kind"]] if item["actor_kind"] else None,
                "territory_code": "",
                "territory_name": item["territory"] or "",
                "year": item["year"],
                "value": _decimal(item["value"]),
                "value_qualifier": item["value_qualifier"] or "",
                "unit": item["unit"],
                "base": item["base"] or "",
                "margin_of_error": _decimal(item["margin_of_error"]),
                "multiple_responses": item["multiple_responses"],
                "note": item["note"] or "",
                "position": position,
                **source_values(item),
            },
            report,
        )
