"""django-allauth's forms rendered with the State design system (django-dsfr's field templates), with
French labels; and the form that confirms an account's deletion."""

from __future__ import annotations

from typing import Any

from allauth.account import forms as allauth_forms
from django import forms
from dsfr.forms import DsfrBoundField
from dsfr.utils import dsfr_input_class_attr

from accounts.models import Topic
from accounts.passwords import RULE

LABELS = {
    "login": ("Adresse e-mail", "Format attendu : nom@domaine.fr"),
    "email": ("Adresse e-mail", "Format attendu : nom@domaine.fr"),
    "password": ("Mot de passe", None),
    "password1": ("Mot de passe", RULE),
    "password2": ("Confirmation du mot de passe", "Saisissez le même mot de passe une seconde fois."),
    "oldpassword": ("Mot de passe actuel", None),
}


class DsfrFormMixin:
    """DSFR markup for every field (label, hint, error under the field, ``aria-describedby``)."""

    template_name = "dsfr/form_snippet.html"
    bound_field_class = DsfrBoundField
    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for name, field in self.fields.items():
            label, hint = LABELS.get(name, (field.label, field.help_text))
            field.label = label
            if name != "password":  # the sign-in form keeps allauth's « Mot de passe oublié ? » link
                field.help_text = hint or ""
            field.widget.attrs.pop("placeholder", None)
        for bound_field in self.visible_fields():  # type: ignore[attr-defined]
            dsfr_input_class_attr(bound_field)


class LoginForm(DsfrFormMixin, allauth_forms.LoginForm):
    pass


class SignupForm(DsfrFormMixin, allauth_forms.SignupForm):
    pass


class ResetPasswordForm(DsfrFormMixin, allauth_forms.ResetPasswordForm):
    pass


class ResetPasswordKeyForm(DsfrFormMixin, allauth_forms.ResetPasswordKeyForm):
    pass


class ChangePasswordForm(DsfrFormMixin, allauth_forms.ChangePasswordForm):
    pass


class SetPasswordForm(DsfrFormMixin, allauth_forms.SetPasswordForm):
    pass


class ChangeEmailForm(DsfrFormMixin, allauth_forms.ChangeEmailForm):
    pass


class AddEmailForm(DsfrFormMixin, allauth_forms.AddEmailForm):
    pass


class ReauthenticateForm(DsfrFormMixin, allauth_forms.ReauthenticateForm):
    pass


class AccountDeleteForm(DsfrFormMixin, forms.Form):
    password = forms.CharField(
        label="Mot de passe",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Saisissez votre mot de passe pour confirmer la suppression."},
    )
    confirm = forms.BooleanField(
        label="Je comprends que la suppression est définitive.",
        error_messages={"required": "Cochez la case pour confirmer que la suppression est définitive."},
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("Mot de passe incorrect : le compte n'a pas été supprimé.")
        return password


class NotificationPreferencesForm(DsfrFormMixin, forms.Form):
    """One checkbox per topic of notification e-mails."""

    def __init__(self, *args: Any, initial_preferences: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for topic in Topic:
            self.fields[topic.value] = forms.BooleanField(
                label=topic.label, required=False, initial=initial_preferences.wants(topic)
            )
        for bound_field in self.visible_fields():
            dsfr_input_class_attr(bound_field)
