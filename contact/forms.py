from __future__ import annotations

from django import forms

from contact.models import MAX_MESSAGE_LENGTH, Subject

# The honeypot: a field people never see (hidden), that robots filling every input fill.
HONEYPOT_FIELD = "site_web"


class ContactForm(forms.Form):
    subject = forms.ChoiceField(
        label="Objet",
        choices=[("", "Choisir un objet"), *Subject.choices],
        error_messages={
            "required": "Objet : choisissez l'objet de votre message.",
            "invalid_choice": "Objet : choisissez un objet dans la liste.",
        },
    )
    email = forms.EmailField(
        label="Adresse électronique",
        help_text="Pour vous répondre, et pour rien d'autre. Format attendu : nom@domaine.fr",
        max_length=254,
        error_messages={
            "required": "Adresse électronique : indiquez l'adresse à laquelle vous répondre.",
            "invalid": "Adresse électronique : saisissez une adresse valide, par exemple nom@domaine.fr.",
            "max_length": "Adresse électronique : 254 caractères au plus.",
        },
    )
    message = forms.CharField(
        label="Message",
        widget=forms.Textarea,
        max_length=MAX_MESSAGE_LENGTH,
        help_text=f"{MAX_MESSAGE_LENGTH} caractères au plus. N'y indiquez pas de données sensibles (santé, opinions…).",
        error_messages={
            "required": "Message : écrivez votre message.",
            "max_length": f"Message : {MAX_MESSAGE_LENGTH} caractères au plus (vous en avez saisi %(show_value)d).",
        },
    )
    site_web = forms.CharField(label="Ne pas remplir ce champ", required=False)

    def is_robot(self) -> bool:
        """True when the hidden honeypot field came back filled."""
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())
