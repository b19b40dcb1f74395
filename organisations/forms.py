"""Entering an organisation by hand: identifiers checked by organisations.validators."""

from __future__ import annotations

from typing import Any

from django import forms

from organisations.models import Organisation
from territories.models import Commune


class OrganisationForm(forms.ModelForm):
    commune_code = forms.CharField(
        label="Code INSEE de la commune du siège",
        max_length=5,
        required=False,
        help_text="5 caractères, par exemple 13055 pour Marseille.",
    )

    website = forms.URLField(label="Site internet", max_length=300, required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["kind", "name", "purpose", "siren", "siret", "rna", "website", "sdgs", "area_level", "area_code"]

    def clean_siren(self) -> str:
        return self.cleaned_data["siren"].replace(" ", "")

    def clean_siret(self) -> str:
        return self.cleaned_data["siret"].replace(" ", "")

    def clean_rna(self) -> str:
        return self.cleaned_data["rna"].strip().upper()

    def clean_commune_code(self) -> Commune | None:
        code = self.cleaned_data["commune_code"].strip().upper()
        if not code:
            return None
        commune = Commune.objects.with_code(code).first()
        if commune is None:
            raise forms.ValidationError("Aucune commune ne porte le code INSEE « %(code)s ».", params={"code": code})
        return commune

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        siren, siret = cleaned.get("siren"), cleaned.get("siret")
        if siren and siret and not siret.startswith(siren):
            self.add_error("siret", "Le numéro SIRET doit commencer par le numéro SIREN de l'organisation.")
        return cleaned

    def _post_clean(self) -> None:
        super()._post_clean()
        self.instance.commune = self.cleaned_data.get("commune_code")
