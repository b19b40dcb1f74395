"""Back office: an editor adds a survey wave from a CSV (template, dry run that lists every error, import)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from observatory import services, waves

TITLE = "Ajouter une vague d'enquête"


class WaveForm(forms.Form):
    file = forms.FileField(
        label="Fichier CSV de la vague",
        help_text="Le modèle à remplir, enregistré en « CSV UTF-8 » avec « ; » entre les cellules (2 Mo au plus).",
        error_messages={"required": "Choisissez le fichier CSV de la vague.", "empty": "Ce fichier est vide."},
    )

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if upload.size > waves.MAX_BYTES:
            raise ValidationError(f"Le fichier dépasse {waves.MAX_BYTES // (1024 * 1024)} Mo.")
        return upload.read()


def _check(request: HttpRequest) -> None:
    if not services.can_import_waves(request.user):
        raise PermissionDenied("Seule l'équipe éditoriale ajoute des vagues d'enquête.")


def wave_template(request: HttpRequest) -> HttpResponse:
    _check(request)
    response = HttpResponse(waves.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="observatoire-vague-modele.csv"'
    return response


def wave_import(request: HttpRequest) -> HttpResponse:
    """GET: the form. POST ``verifier``: the dry run (nothing written). POST ``importer``: check, then write."""
    _check(request)
    form = WaveForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        content = form.cleaned_data["file"]
        if "importer" in request.POST:
            try:
                imported = services.survey_wave_import(content=content, user=request.user)
            except ValidationError:
                result = waves.check_wave(content)
            else:
                messages.success(request, f"{len(imported.figures)} chiffre(s) ajouté(s) à l'Observatoire.")
                return redirect("observatory_wave_import")
        else:
            result = waves.check_wave(content)
    return render(
        request,
        "observatory/admin/wave_import.html",
        {"title": TITLE, "form": form, "result": result, "header": waves.HEADER},
    )
