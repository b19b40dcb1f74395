"""The back-office forms of a catalyst's team (the organisation that runs it) and of the communes and
EPCI it serves first, typed as numbers and codes.

The directory holds millions of organisations and the COG 35,000 communes: no list to scroll. The
organisation is given by its number in the directory (its address, /annuaire/<numéro>/), the communes
by INSEE codes and the EPCI by SIREN, separated by commas or spaces; an unknown one is named in French.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from organisations.models import Organisation
from territories.models import Commune, Epci

_SEPARATORS = re.compile(r"[\s,;]+")


class CodeListField(forms.CharField):
    """Codes separated by commas or spaces → the matching rows; every unknown code is an error."""

    def __init__(self, *, model: Any, noun: str, **kwargs: Any) -> None:
        self.model, self.noun = model, noun
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput)
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> str:
        if isinstance(value, str):
            return value
        if value is None:
            return ""
        return ", ".join(str(getattr(item, "pk", item)) for item in value)

    def clean(self, value: Any) -> list[Any]:
        codes = [code for code in _SEPARATORS.split(str(value or "").strip().upper()) if code]
        found = {row.pk: row for row in self.model.objects.filter(pk__in=codes)}
        unknown = [code for code in codes if code not in found]
        if unknown:
            raise ValidationError(f"{self.noun} inconnu(s) : {', '.join(unknown[:10])}.")
        return [found[code] for code in dict.fromkeys(codes)]


class CatalystOrganisationForm(WagtailAdminModelForm):
    organisation = forms.ModelChoiceField(
        label="Organisation qui anime le catalyseur",
        queryset=Organisation.objects.all(),
        widget=forms.TextInput,
        help_text="Son numéro dans l'annuaire : le nombre de l'adresse de sa page, /annuaire/<numéro>/. "
        "Ses membres sur la plateforme reçoivent et traitent les demandes d'accompagnement et proposent "
        "des mises en relation.",
        error_messages={"invalid_choice": "Aucune organisation de l'annuaire ne porte ce numéro."},
    )


class CatalystAreaForm(WagtailAdminModelForm):
    communes = CodeListField(
        model=Commune,
        noun="Code(s) de commune",
        label="Communes servies en premier",
        help_text="Codes INSEE séparés par des virgules (69123, 69266…). Facultatif.",
    )
    epcis = CodeListField(
        model=Epci,
        noun="SIREN d'EPCI",
        label="Intercommunalités servies en premier",
        help_text="SIREN des EPCI séparés par des virgules. Facultatif.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["communes"] = ", ".join(self.instance.communes.values_list("code", flat=True))
            self.initial["epcis"] = ", ".join(self.instance.epcis.values_list("code", flat=True))
