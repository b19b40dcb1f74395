"""The search's filters: their names in URLs and in the API, their allowed values and labels.

The same names serve the search page (``/recherche/?q=…&region=84&sdg=12``), the section pages
and the API, so every filter state is a shareable URL and the API returns what the page shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms

from core.demo import DEMO_PARAMETER, hides_demo
from reference.models import ActorKind, PartnershipModality, SustainableDevelopmentGoal
from resources.models import Maturity, Phase
from search.models import Facet, Section

MAX_QUERY_LENGTH = 200


# Read as tuples (values_list), not model instances: each search lists these choices.
def _actor_kinds() -> list[tuple[str, str]]:
    return list(ActorKind.objects.values_list("slug", "name_plural"))


def _modalities() -> list[tuple[str, str]]:
    return list(PartnershipModality.objects.values_list("slug", "name"))


def _sdgs() -> list[tuple[str, str]]:
    goals = SustainableDevelopmentGoal.objects.values_list("number", "short_title")
    return [(str(number), f"ODD {number} — {short_title}") for number, short_title in goals]


def _regions() -> list[tuple[str, str]]:
    from territories.models import Region

    return list(Region.objects.order_by("name").values_list("code", "name"))


def _departements() -> list[tuple[str, str]]:
    from territories.models import Departement

    return [
        (code, f"{name} ({code})") for code, name in Departement.objects.order_by("code").values_list("code", "name")
    ]


# URL/API parameter → (facet stored in the index, legend on screen, allowed values).
FILTERS: dict[str, tuple[str, str, object]] = {
    "section": ("section", "Rubrique", Section.choices),
    "actor_kind": (Facet.ACTOR_KIND, "Types d'acteurs", _actor_kinds),
    "modality": (Facet.MODALITY, "Modalité de partenariat", _modalities),
    "sdg": (Facet.SDG, "Objectif de développement durable (ODD)", _sdgs),
    "region": (Facet.REGION, "Région", _regions),
    "departement": (Facet.DEPARTEMENT, "Département", _departements),
    "phase": (Facet.PHASE, "Phase de l'alliance", Phase.choices),
    "maturity": (Facet.MATURITY, "Maturité", Maturity.choices),
}


class SearchForm(forms.Form):
    """Parses the query string; an unknown value is an error on its field (the page ignores it)."""

    q = forms.CharField(required=False, strip=True)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for name, (_, label, choices) in FILTERS.items():
            self.fields[name] = forms.MultipleChoiceField(
                label=label,
                choices=choices,
                required=False,
                error_messages={"invalid_choice": f"Valeur inconnue pour le filtre « {name} » : %(value)s."},
            )
        # « ?exemples=masquer » leaves the demo content out (core.demo); any other value hides nothing.
        self.fields[DEMO_PARAMETER] = forms.CharField(required=False)

    def clean_q(self) -> str:
        # Never an error: an over-long query is cut (the page still answers).
        return self.cleaned_data.get("q", "")[:MAX_QUERY_LENGTH]


@dataclass
class SearchFilters:
    q: str = ""
    values: dict[str, list[str]] = field(default_factory=dict)
    hide_demo: bool = False  # leave the « exemples fictifs » out

    @classmethod
    def from_form(cls, form: SearchForm) -> SearchFilters:
        """The valid part of a bound form (``is_valid()`` must have been called)."""
        data = getattr(form, "cleaned_data", {})
        return cls(
            q=data.get("q", ""),
            values={name: data.get(name) or [] for name in FILTERS if data.get(name)},
            hide_demo=hides_demo(data.get(DEMO_PARAMETER)),
        )

    def selected(self, name: str) -> list[str]:
        return self.values.get(name, [])

    def with_values(self, **values: list[str]) -> SearchFilters:
        return SearchFilters(
            q=self.q, values={**self.values, **{k: v for k, v in values.items() if v}}, hide_demo=self.hide_demo
        )
