"""Forms of « Faire alliance », in the State design system's markup, with French errors."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from accounts.forms import DsfrFormMixin
from alliances.models import VALIDITY_DAYS, ListingKind, Resource
from catalysts.models import Catalyst
from hub.territory import TerritoryLevel
from organisations.member_forms import TargetChoiceField
from organisations.models import Organisation
from organisations.selectors import organisation_by_identifier, organisation_by_name
from reference.models import ActorKind, PartnershipModality, SdgTarget


class ListingForm(DsfrFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label="Organisation",
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={
            "required": "Choisissez l'organisation pour laquelle vous publiez.",
            "invalid_choice": "Vous ne représentez pas cette organisation : choisissez-en une de la liste.",
        },
    )
    kind = forms.ChoiceField(
        label="Nature de l'annonce",
        choices=ListingKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Indiquez si vous cherchez ou si vous proposez.",
            "invalid_choice": "Choisissez « Je cherche » ou « Je propose ».",
        },
    )
    title = forms.CharField(
        label="Titre",
        max_length=150,
        help_text="En une phrase, par exemple « Un local pour un atelier de réparation de vélos ».",
        error_messages={
            "required": "Donnez un titre à l'annonce.",
            "max_length": "Le titre ne peut dépasser 150 caractères.",
        },
    )
    description = forms.CharField(
        label="Pour quoi faire ?",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Le projet, ce que l'alliance permettrait. N'y mettez aucune coordonnée : "
        "les contacts passent par la plateforme.",
        error_messages={
            "required": "Décrivez en quelques phrases ce que vous cherchez ou proposez.",
            "max_length": "La description ne peut dépasser 3 000 caractères.",
        },
    )
    modalities = forms.ModelMultipleChoiceField(
        label="Modalités de partenariat",
        queryset=PartnershipModality.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choisissez au moins une modalité de partenariat.",
            "invalid_choice": "Modalité inconnue : choisissez-la dans la liste.",
            "invalid_pk_value": "Modalité inconnue : choisissez-la dans la liste.",
        },
    )
    partner_kinds = forms.ModelMultipleChoiceField(
        label="Types de partenaires recherchés",
        queryset=ActorKind.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choisissez au moins un type de partenaire.",
            "invalid_choice": "Type de partenaire inconnu : choisissez-le dans la liste.",
            "invalid_pk_value": "Type de partenaire inconnu : choisissez-le dans la liste.",
        },
    )
    resources = forms.MultipleChoiceField(
        label="Ressources cherchées ou proposées",
        choices=[(value, label.capitalize()) for value, label in Resource.choices],
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choisissez au moins une ressource.",
            "invalid_choice": "Ressource inconnue : choisissez-la dans la liste.",
        },
    )
    sdg_targets = TargetChoiceField(
        label="Cibles d'ODD",
        help_text="Facultatif. Maintenez Ctrl (ou Cmd) pour en choisir plusieurs.",
        queryset=SdgTarget.objects.select_related("goal"),
        required=False,
        error_messages={
            "invalid_choice": "Cible d'ODD inconnue : choisissez-la dans la liste.",
            "invalid_pk_value": "Cible d'ODD inconnue : choisissez-la dans la liste.",
        },
    )
    territory_level = forms.ChoiceField(
        label="Échelle du territoire",
        choices=TerritoryLevel.choices,
        initial=TerritoryLevel.COMMUNE,
        error_messages={"invalid_choice": "Échelle inconnue : choisissez-la dans la liste."},
    )
    territory_code = forms.CharField(
        label="Code du territoire",
        max_length=9,
        required=False,
        help_text="Code INSEE de la commune (13055), du département (13) ou de la région (93), SIREN de l'EPCI ; "
        "vide pour la France entière.",
    )
    expires_on = forms.DateField(
        label="Date d'expiration",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=f"{VALIDITY_DAYS} jours au plus ; un membre peut la renouveler.",
        error_messages={
            "required": "Indiquez la date d'expiration.",
            "invalid": "Saisissez une date valide, par exemple 31/12/2026.",
        },
    )

    def __init__(self, *args: Any, organisations: Any = None, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["organisation"]
            del self.fields["expires_on"]
        else:
            self.fields["organisation"].queryset = organisations
            self.fields["expires_on"].initial = timezone.localdate() + dt.timedelta(days=VALIDITY_DAYS)

    def clean_territory_code(self) -> str:
        return self.cleaned_data["territory_code"].strip().upper()


class InterestForm(DsfrFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label="Au nom de",
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={
            "required": "Choisissez l'organisation que vous représentez.",
            "invalid_choice": "Vous ne représentez pas cette organisation : choisissez-en une de la liste.",
        },
    )
    message = forms.CharField(
        label="Message (facultatif)",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Transmis aux membres de l'organisation ; vos coordonnées ne sont pas communiquées.",
        error_messages={"max_length": "Le message ne peut dépasser 1 000 caractères."},
    )

    def __init__(self, *args: Any, organisations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


# The honeypot: a field people never see (hidden in the page), that robots filling every input fill.
HONEYPOT_FIELD = "site_web"


def is_robot(data: Any) -> bool:
    """True when the hidden honeypot field came back filled: nothing is written, nothing is said."""
    return bool(str(data.get(HONEYPOT_FIELD, "")).strip())


class MessageForm(DsfrFormMixin, forms.Form):
    body = forms.CharField(
        label="Votre message",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="2 000 caractères au plus, transmis tel quel (sans mise en forme). Avant que les deux organisations "
        "aient accepté, n'y mettez ni nom ni coordonnées : la plateforme relaie le message.",
        error_messages={
            "required": "Écrivez votre message.",
            "max_length": "Le message ne peut dépasser 2 000 caractères.",
        },
    )


class DeclineForm(DsfrFormMixin, forms.Form):
    reason = forms.CharField(
        label="Motif du refus",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Transmis à l'autre organisation, sans votre nom.",
        error_messages={
            "required": "Indiquez le motif du refus : il est transmis à l'autre organisation.",
            "max_length": "Le motif ne peut dépasser 2 000 caractères.",
        },
    )


class CatalystProposalForm(DsfrFormMixin, forms.Form):
    catalyst = forms.ModelChoiceField(
        label="Au nom du catalyseur",
        queryset=Catalyst.objects.none(),
        empty_label=None,
        error_messages={
            "required": "Choisissez le catalyseur au nom duquel vous proposez.",
            "invalid_choice": "Vous ne représentez pas ce catalyseur : choisissez-en un de la liste.",
        },
    )
    requester = forms.CharField(
        label="Première organisation : nom exact, SIREN, SIRET ou numéro RNA",
        max_length=200,
        error_messages={"required": "Indiquez la première organisation."},
    )
    recipient = forms.CharField(
        label="Seconde organisation : nom exact, SIREN, SIRET ou numéro RNA",
        max_length=200,
        error_messages={"required": "Indiquez la seconde organisation."},
    )
    note = forms.CharField(
        label="Pourquoi cette mise en relation ? (facultatif)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Transmis aux deux organisations, sans leurs noms ni coordonnées.",
        error_messages={"max_length": "Le message ne peut dépasser 2 000 caractères."},
    )

    def __init__(self, *args: Any, catalysts: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["catalyst"].queryset = catalysts

    def _organisation(self, field: str) -> Organisation:
        text = self.cleaned_data[field]
        found = organisation_by_identifier(text)
        if found is not None:
            return found
        named = organisation_by_name(text)
        if len(named) == 1:
            return named[0]
        shown = text.strip()[:60]
        if named:
            raise forms.ValidationError(
                f"Plusieurs organisations s'appellent « {shown} » : saisissez son SIREN, son SIRET ou son numéro RNA."
            )
        raise forms.ValidationError(f"Aucune organisation de l'annuaire ne correspond à « {shown} ».")

    def clean_requester(self) -> Organisation:
        return self._organisation("requester")

    def clean_recipient(self) -> Organisation:
        return self._organisation("recipient")
