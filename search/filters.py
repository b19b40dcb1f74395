"""The search's filters: their names in URLs and in the API, their allowed values and labels.

The same names serve the search page (``/recherche/?q=…&region=84&sdg=12``), the section pages
and the API, so every filter state is a shareable URL and the API returns what the page shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms

from reference.models import ActorKind, PartnershipModality, SustainableDevelopmentGoal
from resources.models import Maturity, Phase
from search.models import Facet, Section

MAX_QUERY_LENGTH = 200


def _actor_kinds() -> list[tuple[str, str]]:
    return [(kind.slug, kind.name_plural) for kind in ActorKind.objects.all()]


def _modalities() -> list[tuple[str, str]]:
    return [(m.slug, m.name) for m in PartnershipModality.objects.all()]


def _sdgs() -> list[tuple[str, str]]:
    return [(str(g.number), f"ODD {g.number} — {g.short_title}") for g in SustainableDevelopmentGoal.objects.all()]


def _regions() -> list[tuple[str, str]]:
    from territories.models import Region

    return [(r.code, r.name) for r in Region.objects.order_by("name")]


def _departements() -> list[tuple[str, str]]:
    from territories.models import Departement

    return [(d.code, f"{d.name} ({d.code})") for d in Departement.objects.order_by("code")]


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

    def clean_q(self) -> str:
        # Never an error: an over-long query is cut (the page still answers).
        return self.cleaned_data.get("q", "")[:MAX_QUERY_LENGTH]


@dataclass
class SearchFilters:
    q: str = ""
    values: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_form(cls, form: SearchForm) -> SearchFilters:
        """The valid part of a bound form (``is_valid()`` must have been called)."""
        data = getattr(form, "cleaned_data", {})
        return cls(q=data.get("q", ""), values={name: data.get(name) or [] for name in FILTERS if data.get(name)})

    def selected(self, name: str) -> list[str]:
        return self.values.get(name, [])

    def with_values(self, **values: list[str]) -> SearchFilters:
        return SearchFilters(q=self.q, values={**self.values, **{k: v for k, v in values.items() if v}})
