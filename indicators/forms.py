"""The form a partner (or the mission team) fills to enter a value, with its optional disaggregation.

Numbers are plain text fields: the service reads French numbers (« 1 234,5 ») and answers in French.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypedDict

from django import forms
from dsfr.utils import dsfr_input_class_attr

from accounts.forms import DsfrFormMixin
from indicators.models import Indicator, IndicatorValue, Status
from indicators.selectors import shown_periods
from indicators.services import PartInput
from indicators.territory import LEVELS
from reference.models import ActorKind, SdgTarget

TERRITORY_LINES = 2


class PartFigures(TypedDict, total=False):
    """The figures typed on one line of disaggregation: an amount, or a numerator and a denominator."""

    amount: object
    numerator: object
    denominator: object


def _number_field(label: str, *, required: bool = False, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=40,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        error_messages={"max_length": f"{label} : 40 caractères au plus."},
    )


class ValueForm(DsfrFormMixin, forms.Form):
    period = forms.ChoiceField(label="Période", error_messages={"required": "Choisissez la période de la valeur."})
    comment = forms.CharField(
        label="Commentaire (facultatif)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Ce qui explique le chiffre : périmètre, changement de méthode…",
        error_messages={"max_length": "Le commentaire ne peut dépasser 2 000 caractères."},
    )
    evidence_url = forms.CharField(
        label="Lien vers le justificatif (facultatif)",
        required=False,
        max_length=500,
        help_text="Adresse complète, par exemple https://www.exemple.fr/rapport-2024.pdf",
        widget=forms.URLInput(),
        error_messages={"max_length": "L'adresse ne peut dépasser 500 caractères."},
    )
    evidence_file = forms.FileField(
        label="Fichier justificatif (facultatif)",
        required=False,
        help_text="PDF, CSV, ODT, ODS, DOCX, XLSX ou TXT, 20 Mo au plus.",
        error_messages={"invalid": "Le fichier envoyé n'a pas pu être lu : choisissez-le de nouveau."},
    )

    def __init__(self, *args: Any, indicator: Indicator, **kwargs: Any) -> None:
        self.indicator = indicator
        super().__init__(*args, **kwargs)
        statuses = dict(IndicatorValue.objects.filter(indicator=indicator).values_list("period_start", "status"))
        choices = [("", "Choisir une période")]
        for start in reversed(shown_periods(indicator.periodicity, indicator.first_period, indicator.last_period)):
            label = indicator.period_label(start)
            if statuses.get(start) == Status.APPROVED:
                label += " (publiée, verrouillée)"
            choices.append((start.isoformat(), label))
        period_field = self.fields["period"]
        assert isinstance(period_field, forms.ChoiceField)
        period_field.choices = choices
        self.kinds = list(ActorKind.objects.order_by("position"))
        self.targets = list(indicator.sdg_targets.order_by("code")) or list(
            SdgTarget.objects.filter(cases=indicator.case_id).order_by("code") if indicator.case_id else []
        )
        if indicator.is_percentage:
            self.fields["numerator"] = _number_field(
                "Numérateur", help_text="Par exemple le nombre de jeunes en emploi."
            )
            self.fields["denominator"] = _number_field(
                "Dénominateur", help_text="La base : par exemple les jeunes sortis."
            )
        else:
            self.fields["value"] = _number_field(f"Valeur ({indicator.unit})", help_text="Par exemple 1 250 ou 12,5.")
        self.main_names = ["period", *(["numerator", "denominator"] if indicator.is_percentage else ["value"])]
        self.kind_names = self._add_part_fields("kind", [(k.slug, k.name) for k in self.kinds])
        self.target_names = self._add_part_fields("sdg", [(t.code, f"Cible {t.code}") for t in self.targets])
        self.territory_lines = []
        for line in range(1, TERRITORY_LINES + 1):
            self.fields[f"territory_level_{line}"] = forms.ChoiceField(
                label=f"Territoire {line} : échelle",
                required=False,
                choices=[("", "Aucun"), *[(level, label) for level, (label, _) in LEVELS.items()]],
            )
            self.fields[f"territory_code_{line}"] = forms.CharField(
                label=f"Territoire {line} : code officiel",
                required=False,
                max_length=12,
                help_text="Code INSEE (région, département, commune) ou SIREN (EPCI).",
            )
            names = [f"territory_level_{line}", f"territory_code_{line}"]
            names += self._add_part_fields(f"territory_{line}", [("", f"Territoire {line}")])
            self.territory_lines.append(names)
        for bound_field in self.visible_fields():  # the fields added here get the DSFR classes too
            dsfr_input_class_attr(bound_field)

    def _add_part_fields(self, prefix: str, keys: list[tuple[str, str]]) -> list[str]:
        names = []
        for key, label in keys:
            name = f"{prefix}_{key}" if key else prefix
            if self.indicator.is_percentage:
                self.fields[f"{name}_num"] = _number_field(f"{label} : numérateur")
                self.fields[f"{name}_den"] = _number_field(f"{label} : dénominateur")
                names += [f"{name}_num", f"{name}_den"]
            else:
                self.fields[name] = _number_field(label)
                names.append(name)
        return names

    def bound(self, names: list[str]) -> list[forms.BoundField]:
        return [self[name] for name in names]

    @property
    def main_fields(self) -> list[forms.BoundField]:
        return self.bound(self.main_names)

    @property
    def kind_fields(self) -> list[forms.BoundField]:
        return self.bound(self.kind_names)

    @property
    def target_fields(self) -> list[forms.BoundField]:
        return self.bound(self.target_names)

    @property
    def territory_fields(self) -> list[list[forms.BoundField]]:
        return [self.bound(names) for names in self.territory_lines]

    @property
    def evidence_fields(self) -> list[forms.BoundField]:
        return self.bound(["comment", "evidence_url", "evidence_file"])

    def period_start(self) -> dt.date | None:
        raw = self.cleaned_data.get("period") or ""
        return dt.date.fromisoformat(raw) if raw else None

    def _figures(self, name: str) -> PartFigures:
        data = self.cleaned_data
        if self.indicator.is_percentage:
            return {"numerator": data.get(f"{name}_num"), "denominator": data.get(f"{name}_den")}
        return {"amount": data.get(name)}

    @staticmethod
    def _filled(figures: PartFigures) -> bool:
        return any(str(v or "").strip() for v in figures.values())

    def parts(self) -> list[PartInput]:
        found = []
        for kind in self.kinds:
            figures = self._figures(f"kind_{kind.slug}")
            if self._filled(figures):
                found.append(PartInput(dimension="actor_kind", actor_kind=kind, **figures))
        for target in self.targets:
            figures = self._figures(f"sdg_{target.code}")
            if self._filled(figures):
                found.append(PartInput(dimension="sdg_target", sdg_target=target, **figures))
        for line in range(1, TERRITORY_LINES + 1):
            figures = self._figures(f"territory_{line}")
            code = self.cleaned_data.get(f"territory_code_{line}", "")
            if self._filled(figures) or code:
                found.append(
                    PartInput(
                        dimension="territory",
                        territory_level=self.cleaned_data.get(f"territory_level_{line}", ""),
                        territory_code=code or "",
                        **figures,
                    )
                )
        return found

    def figures(self) -> dict[str, object]:
        if self.indicator.is_percentage:
            return {
                "numerator": self.cleaned_data.get("numerator"),
                "denominator": self.cleaned_data.get("denominator"),
            }
        return {"value": self.cleaned_data.get("value")}
