"""Back-office form of a case (Wagtail admin): an alliance needs at least two partners."""

from __future__ import annotations

from typing import Any

from wagtail.admin.forms import WagtailAdminModelForm

from cases.models import MIN_PARTNERS


class CaseForm(WagtailAdminModelForm):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        formset = self.formsets.get("partners")
        if formset is not None and formset.is_valid():
            kept = [
                form
                for form in formset.forms
                if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
            ]
            if len(kept) < MIN_PARTNERS:
                self.add_error(
                    None,
                    f"Une alliance réunit au moins {MIN_PARTNERS} partenaires : indiquez-les tous, "
                    "chacun avec son type d'acteur et son rôle.",
                )
        return cleaned
