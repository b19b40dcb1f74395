"""Forms of the facilitators (« Mon espace ») and of the mission team's import of bilans."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils import timezone

from accounts.forms import DsfrFormMixin
from indicators.models import Indicator
from roadmap.models import ReviewStatus, ReviewSubmission
from roadmap.submission_services import EVIDENCE_EXTENSIONS, BilanContent, IndicatorEntry

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
INDICATOR_FORM_FIELDS = (
    "indicator",
    "indicator_period",
    "indicator_value",
    "indicator_numerator",
    "indicator_denominator",
)


def _number_text(value: Decimal | None) -> str:
    return "" if value is None else format(value.normalize(), "f").replace(".", ",")


class SubmissionForm(DsfrFormMixin, forms.Form):
    """A facilitator's bilan: the state of the measure, what was done, what comes next, and evidence."""

    date = forms.DateField(
        label="Date du bilan",
        help_text="Format attendu : JJ/MM/AAAA. Pas de date dans le futur.",
        widget=DATE_WIDGET,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )
    review_status = forms.ModelChoiceField(
        label="Statut de la mesure", queryset=ReviewStatus.objects.all(), empty_label="Choisir un statut"
    )
    progress = forms.IntegerField(
        label="Avancement (%)",
        required=False,
        min_value=0,
        max_value=100,
        help_text="Nombre entier de 0 à 100. Laisser vide pour reprendre l'avancement par défaut du statut.",
    )
    text = forms.CharField(label="Bilan", widget=forms.Textarea(attrs={"rows": 8}), max_length=10000)
    next_steps = forms.CharField(
        label="Prochaines étapes", required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    next_step_date = forms.DateField(
        label="Date de la prochaine étape",
        required=False,
        help_text="Format attendu : JJ/MM/AAAA.",
        widget=DATE_WIDGET,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )
    evidence_url = forms.URLField(
        label="Lien vers un justificatif",
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text="Adresse complète, par exemple https://www.exemple.fr/rapport.",
    )
    evidence_label = forms.CharField(label="Intitulé du lien", required=False, max_length=300)
    evidence_file = forms.FileField(
        label="Fichier justificatif",
        required=False,
        help_text=f"Formats acceptés : {', '.join(e.upper() for e in EVIDENCE_EXTENSIONS)} ; 20 Mo au plus.",
    )
    evidence_file_label = forms.CharField(label="Intitulé du fichier", required=False, max_length=300)
    removed_links = forms.MultipleChoiceField(
        label="Liens à retirer", required=False, widget=forms.CheckboxSelectMultiple
    )
    removed_files = forms.MultipleChoiceField(
        label="Fichiers à retirer", required=False, widget=forms.CheckboxSelectMultiple
    )

    indicator = forms.ModelChoiceField(
        label="Indicateur de la mesure (facultatif)",
        queryset=Indicator.objects.none(),
        required=False,
        empty_label="Pas de valeur d'indicateur avec ce bilan",
        help_text="La valeur est validée avec le bilan ; publiée, elle compte dans les résultats de l'indicateur.",
    )
    indicator_period = forms.DateField(
        label="Période de la valeur",
        required=False,
        help_text="Une date de la période mesurée, format JJ/MM/AAAA (par exemple le 1er janvier pour une année).",
        widget=DATE_WIDGET,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )
    indicator_value = forms.CharField(
        label="Valeur", required=False, max_length=40, help_text="Un nombre, par exemple 12 ou 3,5."
    )
    indicator_numerator = forms.CharField(
        label="Numérateur (indicateur en pourcentage)", required=False, max_length=40, help_text="Un nombre."
    )
    indicator_denominator = forms.CharField(
        label="Dénominateur (indicateur en pourcentage)", required=False, max_length=40, help_text="Un nombre."
    )

    def __init__(
        self,
        *args: Any,
        submission: ReviewSubmission | None = None,
        indicators: QuerySet[Indicator] | None = None,
        **kwargs: Any,
    ) -> None:
        if submission is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "date": submission.date,
                "review_status": submission.review_status,
                "progress": submission.progress,
                "text": submission.text,
                "next_steps": submission.next_steps,
                "next_step_date": submission.next_step_date,
            }
            value = submission.indicator_value
            if value is not None:
                kwargs["initial"].update(
                    indicator=value.indicator,
                    indicator_period=value.period_start,
                    indicator_value=_number_text(value.value) if not value.indicator.is_percentage else "",
                    indicator_numerator=_number_text(value.numerator),
                    indicator_denominator=_number_text(value.denominator),
                )
        super().__init__(*args, **kwargs)
        indicator_field = self.fields["indicator"]
        assert isinstance(indicator_field, forms.ModelChoiceField)
        if indicators is not None and indicators.exists():
            indicator_field.queryset = indicators
        else:
            for name in INDICATOR_FORM_FIELDS:
                del self.fields[name]
        self.fields["date"].initial = self.fields["date"].initial or timezone.localdate()
        if submission is None:
            del self.fields["removed_links"], self.fields["removed_files"]
        else:
            removed_links, removed_files = self.fields["removed_links"], self.fields["removed_files"]
            assert isinstance(removed_links, forms.ChoiceField) and isinstance(removed_files, forms.ChoiceField)
            removed_links.choices = [(str(link.pk), link.label) for link in submission.links.all()]
            removed_files.choices = [(str(file.pk), file.label) for file in submission.files.all()]
            if not removed_links.choices:
                del self.fields["removed_links"]
            if not removed_files.choices:
                del self.fields["removed_files"]

    def clean_date(self) -> Any:
        day = self.cleaned_data["date"]
        if day and day > timezone.localdate():
            raise forms.ValidationError("La date du bilan ne peut pas être dans le futur.")
        return day

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("evidence_label") and not data.get("evidence_url"):
            self.add_error("evidence_url", "Donnez l'adresse du justificatif dont vous avez saisi l'intitulé.")
        figures = ("indicator_value", "indicator_numerator", "indicator_denominator")
        if "indicator" in self.fields and not data.get("indicator") and any(data.get(name) for name in figures):
            self.add_error("indicator", "Choisissez l'indicateur dont vous donnez la valeur.")
        return data

    def content(self) -> BilanContent:
        data = self.cleaned_data
        upload = data.get("evidence_file")
        return BilanContent(
            date=data["date"],
            review_status=data["review_status"],
            progress=data.get("progress"),
            text=data["text"],
            next_steps=data.get("next_steps", ""),
            next_step_date=data.get("next_step_date"),
            links=[(data["evidence_url"], data.get("evidence_label", ""))] if data.get("evidence_url") else [],
            files=[(upload, data.get("evidence_file_label", ""))] if upload else [],
            removed_link_ids=[int(pk) for pk in data.get("removed_links") or []],
            removed_file_ids=[int(pk) for pk in data.get("removed_files") or []],
            indicator_entry=IndicatorEntry(
                indicator=data["indicator"],
                period_start=data.get("indicator_period"),
                value=data.get("indicator_value") or None,
                numerator=data.get("indicator_numerator") or None,
                denominator=data.get("indicator_denominator") or None,
            )
            if data.get("indicator")
            else None,
        )


class BilanImportForm(forms.Form):
    """The mission team's CSV file of bilans, checked first (dry run), then imported."""

    file = forms.FileField(label="Fichier CSV des bilans", help_text="Une ligne par mesure, selon le modèle ; UTF-8.")
    facilitator_email = forms.EmailField(
        label="Au nom du facilitateur (adresse e-mail, facultatif)",
        required=False,
        help_text="Si elle est donnée, chaque mesure du fichier doit être une mesure de ce facilitateur.",
    )
    publish = forms.BooleanField(
        label="Publier directement les bilans importés",
        required=False,
        help_text="Sinon, ils attendent la relecture de l'équipe dans « Bilans proposés ».",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self.fields[name].widget.attrs["aria-describedby"] = f"id_{name}-help"

    def clean_facilitator_email(self) -> Any:
        email = self.cleaned_data.get("facilitator_email", "")
        if not email:
            return None
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError("Aucun compte actif n'a cette adresse e-mail.")
        if not user.facilitator_assignments.exists():
            raise forms.ValidationError("Ce compte n'est facilitateur d'aucune mesure.")
        return user
