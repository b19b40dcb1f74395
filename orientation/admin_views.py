"""Back office: copy a version of the questionnaire into a new draft, publish a draft (confirmation page, then POST)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from orientation import services
from orientation.models import QuestionnaireVersion

COPY_PERMISSION = "orientation.add_questionnaireversion"
PUBLISH_PERMISSION = "orientation.publish_questionnaireversion"


def _list_url() -> str:
    return reverse("wagtailsnippets_orientation_questionnaireversion:list")


@require_http_methods(["GET", "POST"])
def copy(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm(COPY_PERMISSION):
        raise PermissionDenied("Vous ne pouvez pas créer de version du questionnaire.")
    version = get_object_or_404(QuestionnaireVersion, pk=pk)
    if request.method == "POST":
        copied = services.version_copy(version=version)
        messages.success(request, f"Version {copied.number} créée en brouillon, copie de la version {version.number}.")
        return redirect(_list_url())
    return render(
        request,
        "orientation/admin/confirm.html",
        {"version": version, "action": "copier", "problems": [], "list_url": _list_url()},
    )


@require_http_methods(["GET", "POST"])
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm(PUBLISH_PERMISSION):
        raise PermissionDenied("Seuls les modérateurs publient une version du questionnaire.")
    version = get_object_or_404(QuestionnaireVersion, pk=pk)
    if request.method == "POST":
        try:
            services.version_publish(version=version)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Version {version.number} publiée : c'est celle à laquelle on répond désormais.")
        return redirect(_list_url())
    return render(
        request,
        "orientation/admin/confirm.html",
        {
            "version": version,
            "action": "publier",
            "problems": services.version_problems(version) if version.is_editable else ["Déjà publiée."],
            "list_url": _list_url(),
        },
    )
