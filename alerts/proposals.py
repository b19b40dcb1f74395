"""« Proposer un exemple inspirant »: a signed-in user proposes a case; it is saved as a draft
(never live) through ``cases.services.case_save``, then submitted into the moderation workflow
(``case_submit_for_review``): it waits there until a moderator approves and publishes it.

Kept here, beside the other pages of signed-in users, to stay out of the ``cases`` app; its
validation is the case base's own (≥ 2 partners with a known kind of actor, known SDG targets).
"""

from __future__ import annotations

import re
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

from alliances.match_selectors import case_proposal_initial
from cases.models import MIN_PARTNERS
from cases.services import PartnerInput, case_save, case_submit_for_review, proposal_create
from core.params import int_param
from hub.territory import TerritoryLevel
from organisations.models import Organisation
from organisations.selectors import organisation_by_identifier, organisation_by_name
from reference.models import ActorKind, PartnershipModality, SdgTarget, SustainableDevelopmentGoal
from territories.models import Departement, Epci, Region
from territories.selectors import choose_commune

PARTNER_ROWS = 4
IDENTIFIER_SEPARATOR = " — "  # « Nom — W133000001 »: what partner-autocomplete.js writes in the field
TITLE = "Proposer un exemple inspirant"


def _directory_organisation(text: str) -> tuple[Organisation | None, str]:
    """The organisation a partner field names, or why none: « Nom — identifiant » as the autocomplete
    writes it, an RNA number, SIREN, SIRET or directory address, or a name only one organisation bears."""
    name, _, tail = text.rpartition(IDENTIFIER_SEPARATOR)
    for candidate in (tail, text) if name else (text,):
        organisation = organisation_by_identifier(candidate)
        if organisation is not None:
            return organisation, ""
    named = organisation_by_name(text)
    if len(named) == 1:
        return named[0], ""
    shown = text.strip()[:60]
    if named:
        return None, (
            f"Plusieurs organisations de l'annuaire s'appellent « {shown} » : saisissez son SIREN, son SIRET ou "
            "son numéro RNA, ou choisissez-la dans la liste proposée."
        )
    return None, (
        f"Aucune organisation de l'annuaire ne correspond à « {shown} » : vérifiez son nom exact, son SIREN "
        "(9 chiffres), son SIRET (14 chiffres) ou son numéro RNA (W suivi de 9 caractères), ou laissez ce champ vide."
    )


class SdgTargetCodesField(forms.Field):
    """SDG targets ticked by name (one checkbox per target, grouped by goal); a code list separated by
    commas (« 12.5, 17.17 ») is read too."""

    widget = forms.CheckboxSelectMultiple

    def to_python(self, value: Any) -> list[str]:
        values = value if isinstance(value, list | tuple) else [value or ""]
        return [code.strip() for item in values for code in str(item).replace(";", ",").split(",") if code.strip()]


def _territory_code(level: str, text: str) -> tuple[str, str]:
    """The code of the territory of ``level`` a person names (a code is kept as typed), or why none."""
    text = " ".join(text.split())
    if level == TerritoryLevel.FRANCE or re.fullmatch(r"\d[\dAB]{1,8}|2[AB]", text, re.IGNORECASE):
        return text, ""  # France, or a code: resolve_territory checks it in case_save
    if level == TerritoryLevel.COMMUNE:
        choice = choose_commune(text, limit=5)
        found = [(commune.code, f"{commune.name} ({commune.departement_id})") for commune in choice.communes]
        total = choice.total
    else:
        model = {TerritoryLevel.REGION: Region, TerritoryLevel.DEPARTEMENT: Departement, TerritoryLevel.EPCI: Epci}
        matches = model[level].objects.matching(text).order_by("exact", "name")
        exact = matches.filter(exact=0)
        matches = exact if exact.exists() else matches
        found = [(territory.code, f"{territory.name} ({territory.code})") for territory in matches[:5]]
        total = matches.count()
    label = TerritoryLevel(level).label
    if total == 1:
        return found[0][0], ""
    if not total:
        return "", f"Aucun territoire de l'échelle « {label} » ne s'appelle « {text[:60]} » : vérifiez l'orthographe."
    return "", (
        f"Plusieurs territoires de l'échelle « {label} » correspondent à « {text[:60]} » "
        f"({', '.join(name for _, name in found)}{'…' if total > len(found) else ''}) : précisez le nom, ou "
        "saisissez son code INSEE (SIREN pour une intercommunalité)."
    )


class ProposalForm(forms.Form):
    title = forms.CharField(label="Titre de l'alliance", max_length=300)
    summary = forms.CharField(label="Résumé", widget=forms.Textarea)
    objectives = forms.CharField(label="Objectifs", widget=forms.Textarea)
    modality = forms.ChoiceField(label="Modalité de partenariat")
    start_year = forms.IntegerField(label="Année de début", min_value=1900, max_value=2100)
    end_year = forms.IntegerField(label="Année de fin (vide si l'alliance continue)", required=False)
    territory_level = forms.ChoiceField(label="Échelle du territoire", choices=TerritoryLevel.choices)
    territory_code = forms.CharField(
        label="Nom du territoire (vide pour la France entière)",
        help_text="Par exemple Occitanie, Bouches-du-Rhône, Métropole d'Aix-Marseille-Provence ou Marseille ; "
        "un code INSEE ou un SIREN convient aussi.",
        max_length=200,
        required=False,
    )
    sdg_targets = SdgTargetCodesField(label="Cibles d'ODD (facultatif)", required=False)
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
            self.fields[f"partner_{number}_organisation"] = forms.CharField(
                label=f"Partenaire n° {number} dans l'annuaire : nom, SIREN, SIRET ou numéro RNA (facultatif)",
                help_text="Commencez à saisir : les organisations de l'annuaire qui correspondent sont proposées.",
                widget=forms.TextInput(attrs={"partner_organisation": True}),
                max_length=200,
                required=False,
            )
        self.fields["modality"].error_messages["invalid_choice"] = (
            "Modalité inconnue : choisissez-en une dans la liste."
        )

    def partner_rows(self) -> list[list[forms.BoundField]]:
        return [
            [
                self[f"partner_{n}_organisation"],
                self[f"partner_{n}_name"],
                self[f"partner_{n}_kind"],
                self[f"partner_{n}_role"],
            ]
            for n in range(1, PARTNER_ROWS + 1)
        ]

    def chosen_sdg_targets(self) -> set[str]:
        """The codes ticked (kept when the form comes back with errors, or given as initial values)."""
        if not self.is_bound:
            return set(self.initial.get("sdg_targets") or [])
        return set(self.fields["sdg_targets"].to_python(self["sdg_targets"].value()))

    def clean_sdg_targets(self) -> list[SdgTarget]:
        codes = self.cleaned_data["sdg_targets"]
        targets = {target.code: target for target in SdgTarget.objects.filter(code__in=codes)}
        unknown = [code for code in codes if code not in targets]
        if unknown:
            raise ValidationError(f"Cible d'ODD inconnue : {', '.join(unknown)}.")
        return [targets[code] for code in dict.fromkeys(codes)]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("territory_level") and (cleaned.get("territory_code") or "").strip():
            code, problem = _territory_code(cleaned["territory_level"], cleaned["territory_code"])
            if problem:
                self.add_error("territory_code", problem)
            cleaned["territory_code"] = code
        for n in range(1, PARTNER_ROWS + 1):
            field = f"partner_{n}_organisation"
            text = cleaned.get(field) or ""
            if not text.strip():
                cleaned[field] = None
                continue
            organisation, problem = _directory_organisation(text)
            if problem:
                self.add_error(field, problem)
            cleaned[field] = organisation
        return cleaned

    def partners(self) -> list[PartnerInput]:
        """The rows filled in; a partner chosen in the directory gives its name and kind when left blank."""
        kinds = {kind.slug: kind for kind in ActorKind.objects.all()}
        rows = []
        for n in range(1, PARTNER_ROWS + 1):
            name, kind, role = (self.cleaned_data.get(f"partner_{n}_{part}") or "" for part in ("name", "kind", "role"))
            organisation = self.cleaned_data.get(f"partner_{n}_organisation")
            if name or kind or role or organisation:
                rows.append(
                    PartnerInput(
                        name=name or (organisation.name[:200] if organisation else ""),
                        kind=kinds.get(kind) or (organisation.kind if organisation else None),
                        role=role,
                        organisation=organisation,
                    )
                )
        return rows


def _initial_from_alliance(request: HttpRequest) -> dict[str, Any]:
    """« Alliance formée » → « Proposer comme exemple inspirant »: the form filled in from the match
    (``?mise-en-relation=<id>``), for a member of one of its two organisations only."""
    if request.method != "GET" or "mise-en-relation" not in request.GET:
        return {}
    pk = int_param(request.GET, "mise-en-relation", default=0, minimum=0, maximum=2**31 - 1)
    return case_proposal_initial(pk, request.user) or {}


@require_http_methods(["GET", "POST"])
@login_required
def propose_case(request: HttpRequest) -> HttpResponse:
    form = ProposalForm(request.POST or None, initial=_initial_from_alliance(request))
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
                proposal_create(case=case, proposer=request.user)
        except ValidationError as error:
            for field, messages_ in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages_)
        else:
            messages.success(
                request,
                "Merci : votre exemple est enregistré. Il sera publié après relecture par l'équipe éditoriale ; "
                "suivez son avancement dans Mon espace.",
            )
            return redirect("accounts:dashboard")
    return render(
        request,
        "alerts/propose_case.html",
        {
            "page_title": TITLE,
            "breadcrumb_data": {"links": [], "current": TITLE},
            "form": form,
            "min_partners": MIN_PARTNERS,
            "sdg_goals": SustainableDevelopmentGoal.objects.prefetch_related("targets"),
            "chosen_sdg_targets": form.chosen_sdg_targets(),
        },
    )
