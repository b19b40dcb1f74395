from __future__ import annotations

from django import forms

from alerts.models import MAX_QUERY_LENGTH, Frequency


class SubscribeForm(forms.Form):
    query = forms.CharField(required=False, max_length=MAX_QUERY_LENGTH, widget=forms.HiddenInput)
    frequency = forms.ChoiceField(
        label="Fréquence des alertes",
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choisissez la fréquence des alertes : chaque jour ou chaque semaine.",
            "invalid_choice": "Fréquence inconnue : choisissez « chaque jour » ou « chaque semaine ».",
        },
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["query"].error_messages["max_length"] = "Cette recherche est trop longue pour être enregistrée."
