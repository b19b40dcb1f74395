"""Forms of the support requests, in the State design system's markup, with French errors."""

from __future__ import annotations

from typing import Any

from django import forms

from accounts.forms import DsfrFormMixin
from organisations.models import Organisation
from reference.models import PartnershipModality
from support.models import MAX_MESSAGE, MAX_PURPOSE
from support.services import DESK_OUTCOMES

# The honeypot: a field people never see (hidden), that robots filling every input fill.
HONEYPOT_FIELD = "site_web"


class HoneypotMixin:
    data: Any

    def is_robot(self) -> bool:
        return bool(str(self.data.get(HONEYPOT_FIELD, "")).strip())


class SupportRequestForm(HoneypotMixin, DsfrFormMixin, forms.Form):
    purpose = forms.CharField(
        label="Pour quoi cherchez-vous un accompagnement ?",
        max_length=MAX_PURPOSE,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Votre projet, ce que vous attendez d'un accompagnement. N'y mettez ni coordonnées ni "
        "données sensibles : les réponses passent par la plateforme.",
        error_messages={
            "required": "Décrivez en quelques phrases ce pour quoi vous cherchez un accompagnement.",
            "max_length": f"{MAX_PURPOSE} caractères au plus (vous en avez saisi %(show_value)d).",
        },
    )
    modality = forms.ChoiceField(
        label="Modalité de partenariat envisagée",
        required=False,
        widget=forms.RadioSelect,
        help_text="Facultatif : l'accompagnement peut aussi vous aider à choisir.",
        error_messages={"invalid_choice": "Modalité inconnue : choisissez-la dans la liste."},
    )
    commune = forms.CharField(
        label="Votre commune ou son code postal",
        max_length=100,
        help_text="Par exemple : Marseille, ou 13001. La demande va aux catalyseurs qui couvrent cette commune.",
        error_messages={"required": "Indiquez la commune où vous cherchez un accompagnement, ou son code postal."},
    )
    organisation = forms.ModelChoiceField(
        label="Au nom de l'organisation",
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="À titre personnel ou pour une structure absente de la liste",
        help_text="Facultatif : une organisation que vous représentez sur la plateforme.",
        error_messages={
            "invalid_choice": "Vous ne représentez pas cette organisation : choisissez-en une de la liste."
        },
    )
    organisation_name = forms.CharField(
        label="Nom de votre structure",
        max_length=200,
        required=False,
        help_text="Facultatif.",
        error_messages={"max_length": "200 caractères au plus."},
    )

    def __init__(self, *args: Any, organisations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.modalities = {m.slug: m for m in PartnershipModality.objects.order_by("name")}
        modality_field = self.fields["modality"]
        assert isinstance(modality_field, forms.ChoiceField)
        modality_field.choices = [
            ("", "Je ne sais pas encore"),
            *[(slug, modality.name) for slug, modality in self.modalities.items()],
        ]
        modality_field.initial = ""
        organisation_field = self.fields["organisation"]
        assert isinstance(organisation_field, forms.ModelChoiceField)
        if organisations is not None and organisations.exists():
            organisation_field.queryset = organisations
        else:
            del self.fields["organisation"]

    def clean_modality(self) -> PartnershipModality | None:
        return self.modalities.get(self.cleaned_data["modality"])


class MessageForm(HoneypotMixin, DsfrFormMixin, forms.Form):
    body = forms.CharField(
        label="Votre message",
        max_length=MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Relayé par la plateforme : aucune adresse n'est communiquée. Texte simple, sans mise en forme.",
        error_messages={
            "required": "Écrivez votre message.",
            "max_length": f"{MAX_MESSAGE} caractères au plus (vous en avez saisi %(show_value)d).",
        },
    )


class CloseForm(DsfrFormMixin, forms.Form):
    outcome = forms.ChoiceField(
        label="Issue de la demande",
        choices=[(outcome.value, outcome.label.capitalize()) for outcome in DESK_OUTCOMES],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choisissez l'issue de la demande.",
            "invalid_choice": "Choisissez l'issue de la demande dans la liste.",
        },
    )
    note = forms.CharField(
        label="Message au demandeur (facultatif)",
        max_length=MAX_MESSAGE,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Par exemple, vers qui il peut se tourner.",
        error_messages={"max_length": f"{MAX_MESSAGE} caractères au plus (vous en avez saisi %(show_value)d)."},
    )


class WithdrawForm(forms.Form):
    note = forms.CharField(required=False, max_length=MAX_MESSAGE)
