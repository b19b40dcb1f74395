"""Back office (Wagtail admin): the mission team and the moderators review submitted values (approve and
publish, or return with what to correct), with the outlier warnings, and reopen a published period."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from indicators import services
from indicators.models import IndicatorValue, IndicatorValueEvent, IndicatorValuePart
from indicators.permissions import can_approve

RECENT_APPROVED = 30


def _check(request: HttpRequest) -> None:
    if not can_approve(request.user):
        raise PermissionDenied("Seules l'équipe de la mission et la modération valident les valeurs d'indicateurs.")


def _values() -> object:
    return IndicatorValue.objects.select_related(
        "indicator__case", "indicator__measure", "indicator__workstream", "author"
    ).prefetch_related(
        Prefetch("parts", IndicatorValuePart.objects.select_related("actor_kind", "sdg_target")),
        Prefetch("events", IndicatorValueEvent.objects.select_related("actor")),
    )


def review_list(request: HttpRequest) -> HttpResponse:
    _check(request)
    return render(
        request,
        "indicators/admin/review_list.html",
        {
            "submitted": _values().awaiting_review().order_by("updated_at", "id"),  # type: ignore[attr-defined]
            "approved": _values().approved().order_by("-approved_at", "-id")[:RECENT_APPROVED],  # type: ignore[attr-defined]
        },
    )


@require_http_methods(["POST"])
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    _check(request)
    value = get_object_or_404(IndicatorValue.objects.select_related("indicator"), pk=pk)
    decision = request.POST.get("decision")
    comment = request.POST.get("reason", "")
    try:
        if decision == "approve":
            services.value_approve(value=value, reviewer=request.user)
            messages.success(request, f"Valeur approuvée et publiée : « {value} ». La période est verrouillée.")
        elif decision == "reopen":
            services.value_reopen(value=value, reviewer=request.user, comment=comment)
            messages.success(request, f"Période rouverte : « {value} » est renvoyée pour correction.")
        else:
            services.value_return(value=value, reviewer=request.user, comment=comment)
            messages.success(request, f"Valeur renvoyée pour correction : « {value} ».")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("indicators_review")
