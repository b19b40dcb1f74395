"""Forms of the people who represent organisations, in the State design system's markup."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from accounts.forms import DsfrFormMixin
from organisations.models import Role
from reference.models import ActorKind, SdgTarget, SustainableDevelopmentGoal
from territories.models import Commune, Departement, Region

MAX_LOGO_BYTES = 1024 * 1024
LOGO_FORMATS = {"PNG", "JPEG", "WEBP"}


class TargetChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: SdgTarget) -> str:
        return f"{obj.code} — {obj.title[:140]}"


class ClaimForm(DsfrFormMixin, forms.Form):
    evidence = forms.CharField(
        label="Comment représentez-vous cette organisation ?",
        help_text="Votre fonction, un document ou une personne qui peut en témoigner. Inutile si votre adresse "
        "e-mail confirmée est sur le domaine du site de l'organisation.",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
    )


class PageForm(DsfrFormMixin, forms.Form):
    """The page's own fields; the register fields are not in this form."""

    presentation = forms.CharField(label="Présentation", widget=forms.Textarea(attrs={"rows": 6}), required=False)
    logo = forms.ImageField(
        label="Logo",
        help_text="PNG, JPEG ou WebP, 1 Mo au plus.",
        required=False,
        error_messages={
            "invalid_image": "Le logo doit être une image PNG, JPEG ou WebP.",
        },
    )
    page_website = forms.URLField(
        label="Site internet",
        help_text="Format attendu : https://www.exemple.fr",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Saisissez une adresse de site valide, par exemple https://www.exemple.fr."},
    )
    contact_email = forms.EmailField(
        label="Adresse e-mail de contact",
        help_text="Format attendu : nom@domaine.fr",
        required=False,
        error_messages={"invalid": "Saisissez une adresse e-mail valide, par exemple nom@domaine.fr."},
    )
    contact_phone = forms.RegexField(
        label="Téléphone de contact",
        help_text="Par exemple 01 23 45 67 89",
        required=False,
        regex=r"^\+?[0-9 .]{6,20}$",
        error_messages={"invalid": "Saisissez un numéro de téléphone, par exemple 01 23 45 67 89."},
    )
    show_contact = forms.BooleanField(label="Afficher le contact sur la page publique", required=False)
    sdgs = forms.ModelMultipleChoiceField(
        label="Objectifs de développement durable",
        queryset=SustainableDevelopmentGoal.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    sdg_targets = TargetChoiceField(
        label="Cibles d'ODD",
        help_text="Maintenez Ctrl (ou Cmd) pour en choisir plusieurs.",
        queryset=SdgTarget.objects.all(),
        required=False,
    )
    action_regions = forms.ModelMultipleChoiceField(
        label="Régions d'action",
        queryset=Region.objects.order_by("name"),
        required=False,
        help_text="Maintenez Ctrl (ou Cmd) pour en choisir plusieurs.",
    )
    action_departements = forms.ModelMultipleChoiceField(
        label="Départements d'action",
        queryset=Departement.objects.order_by("code"),
        required=False,
        help_text="Maintenez Ctrl (ou Cmd) pour en choisir plusieurs.",
    )
    seeks = forms.CharField(
        label="Ce que l'organisation recherche dans une alliance",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    offers = forms.CharField(
        label="Ce que l'organisation apporte dans une alliance",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def clean_logo(self) -> UploadedFile | None:
        logo = self.cleaned_data.get("logo")
        if not logo:
            return None
        if logo.size > MAX_LOGO_BYTES:
            raise forms.ValidationError("Le logo dépasse 1 Mo : choisissez une image plus légère.")
        image = getattr(logo, "image", None)
        if image is None or image.format not in LOGO_FORMATS:
            raise forms.ValidationError("Le logo doit être une image PNG, JPEG ou WebP.")
        return logo

    def changed_values(self) -> dict[str, Any]:
        values = {name: self.cleaned_data[name] for name in self.changed_data if name != "logo"}
        if self.cleaned_data.get("logo"):
            values["logo"] = self.cleaned_data["logo"]
        return values


class InvitationForm(DsfrFormMixin, forms.Form):
    invited_email = forms.EmailField(
        label="Adresse e-mail de la personne invitée",
        help_text="Format attendu : nom@domaine.fr",
        error_messages={
            "required": "Saisissez l'adresse e-mail de la personne à inviter.",
            "invalid": "Saisissez une adresse e-mail valide, par exemple nom@domaine.fr.",
        },
    )
    role = forms.ChoiceField(label="Rôle", choices=Role.choices, initial=Role.MEMBER)


class OrganisationRequestForm(DsfrFormMixin, forms.Form):
    kind = forms.ModelChoiceField(
        label="Type d'organisation",
        queryset=ActorKind.objects.all(),
        empty_label="Choisir",
        error_messages={
            "required": "Choisissez le type d'organisation.",
            "invalid_choice": "Type inconnu : choisissez-en un dans la liste.",
        },
    )
    name = forms.CharField(
        label="Nom", max_length=300, error_messages={"required": "Indiquez le nom de l'organisation."}
    )
    purpose = forms.CharField(
        label="Objet ou description",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Décrivez l'organisation en quelques phrases."},
    )
    website = forms.URLField(
        label="Site internet",
        required=False,
        assume_scheme="https",
        help_text="Format attendu : https://www.exemple.fr",
        error_messages={"invalid": "Saisissez une adresse de site valide, par exemple https://www.exemple.fr."},
    )
    commune_code = forms.CharField(
        label="Code INSEE de la commune du siège",
        max_length=5,
        required=False,
        help_text="5 caractères, par exemple 13055 pour Marseille.",
    )
    evidence = forms.CharField(
        label="Comment la représentez-vous ?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Votre fonction, un document ou une personne qui peut en témoigner ; "
        "l'équipe de modération le vérifie.",
        error_messages={"required": "Expliquez comment vous représentez cette organisation."},
    )

    def clean_commune_code(self) -> Commune | None:
        code = self.cleaned_data["commune_code"].strip().upper()
        if not code:
            return None
        commune = Commune.objects.with_code(code).first()
        if commune is None:
            raise forms.ValidationError("Aucune commune ne porte le code INSEE « %(code)s ».", params={"code": code})
        return commune
