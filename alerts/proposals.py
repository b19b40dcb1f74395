"""« Proposer un exemple inspirant »: a signed-in user proposes a case; it is saved as a draft
(never live) through ``cases.services.case_save``, then submitted into the moderation workflow
(``case_submit_for_review``): it waits there until a moderator approves and publishes it.

Kept here, beside the other pages of signed-in users, to stay out of the ``cases`` app; its
validation is the case base's own (≥ 2 partners with a known kind of actor, known SDG targets).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from cases.models import MIN_PARTNERS
from cases.services import PartnerInput, case_save, case_submit_for_review
from hub.territory import TerritoryLevel
from reference.models import ActorKind, PartnershipModality, SdgTarget

PARTNER_ROWS = 4
TITLE = "Proposer un exemple inspirant"


class ProposalForm(forms.Form):
    title = forms.CharField(label="Titre de l'alliance", max_length=300)
    summary = forms.CharField(label="Résumé", widget=forms.Textarea)
    objectives = forms.CharField(label="Objectifs", widget=forms.Textarea)
    modality = forms.ChoiceField(label="Modalité de partenariat")
    start_year = forms.IntegerField(label="Année de début", min_value=1900, max_value=2100)
    end_year = forms.IntegerField(label="Année de fin (vide si l'alliance continue)", required=False)
    territory_level = forms.ChoiceField(label="Échelle du territoire", choices=TerritoryLevel.choices)
    territory_code = forms.CharField(label="Code du territoire (INSEE ou SIREN ; vide pour la France)", required=False)
    sdg_targets = forms.CharField(
        label="Cibles d'ODD (codes séparés par des virgules, par exemple 12.5, 17.17)", required=False
    )
    results = forms.CharField(label="Résultats et impacts", widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["modality"].choices = [("", "Choisir")] + [
            (m.slug, m.name) for m in PartnershipModality.objects.all()
        ]
        kinds = [("", "Choisir")] + [(k.slug, k.name) for k in ActorKind.objects.all()]
        for number in range(1, PARTNER_ROWS + 1):
            self.fields[f"partner_{number}_name"] = forms.CharField(
                label=f"Nom du partenaire n° {number}", max_length=200, required=False
            )
            self.fields[f"partner_{number}_kind"] = forms.ChoiceField(
                label=f"Type d'acteur du partenaire n° {number}",
                choices=kinds,
                required=False,
                error_messages={"invalid_choice": "Type d'acteur inconnu : choisissez-en un dans la liste."},
            )
            self.fields[f"partner_{number}_role"] = forms.CharField(
                label=f"Rôle du partenaire n° {number} dans l'alliance", max_length=300, required=False
            )
        self.fields["modality"].error_messages["invalid_choice"] = (
            "Modalité inconnue : choisissez-en une dans la liste."
        )

    def partner_rows(self) -> list[list[forms.BoundField]]:
        return [
            [self[f"partner_{n}_name"], self[f"partner_{n}_kind"], self[f"partner_{n}_role"]]
            for n in range(1, PARTNER_ROWS + 1)
        ]

    def clean_sdg_targets(self) -> list[SdgTarget]:
        codes = [code.strip() for code in self.cleaned_data["sdg_targets"].replace(";", ",").split(",") if code.strip()]
        targets = {target.code: target for target in SdgTarget.objects.filter(code__in=codes)}
        unknown = [code for code in codes if code not in targets]
        if unknown:
            raise ValidationError(f"Cible d'ODD inconnue : {', '.join(unknown)}.")
        return [targets[code] for code in dict.fromkeys(codes)]

    def partners(self) -> list[PartnerInput]:
        kinds = {kind.slug: kind for kind in ActorKind.objects.all()}
        rows = []
        for n in range(1, PARTNER_ROWS + 1):
            name, kind, role = (self.cleaned_data.get(f"partner_{n}_{part}") or "" for part in ("name", "kind", "role"))
            if name or kind or role:
                rows.append(PartnerInput(name=name, kind=kinds.get(kind), role=role))
        return rows


@require_http_methods(["GET", "POST"])
@login_required
def propose_case(request: HttpRequest) -> HttpResponse:
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():  # the draft and its submission, or nothing
                case = case_save(
                    title=data["title"],
                    summary=data["summary"],
                    partners=form.partners(),
                    modality=PartnershipModality.objects.filter(slug=data["modality"]).first(),
                    objectives=data["objectives"],
                    start_year=data["start_year"],
                    end_year=data["end_year"],
                    sdg_targets=data["sdg_targets"],
                    territory_level=data["territory_level"],
                    territory_code=data["territory_code"],
                    results=data["results"],
                    last_verified_on=timezone.localdate(),
                    publish=False,
                    user=request.user,
                )
                case_submit_for_review(case=case, user=request.user)
        except ValidationError as error:
            for field, messages_ in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages_)
        else:
            messages.success(
                request,
                "Merci : votre exemple est enregistré. Il sera publié après relecture par l'équipe éditoriale.",
            )
            return redirect("alerts:list")
    return render(
        request,
        "alerts/propose_case.html",
        {
            "page_title": TITLE,
            "breadcrumb_data": {"links": [], "current": TITLE},
            "form": form,
            "min_partners": MIN_PARTNERS,
        },
    )
