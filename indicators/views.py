"""Public pages of the indicators (page, chart, CSV) and the page where partners enter a value."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from core.breadcrumbs import breadcrumb
from core.cache import public_page
from core.downloads import csv_response
from core.refusals import refusal
from indicators import charts, exports, selectors, services
from indicators.forms import ValueForm
from indicators.models import Indicator, IndicatorValue
from indicators.permissions import can_enter, refusal_to_enter

INDEX_TITLE = "Indicateurs et résultats mesurés"


def _indicator_or_404(slug: str) -> Indicator:
    indicator = selectors.indicator_by_slug(slug)
    if indicator is None:
        raise Http404("Indicateur introuvable.")
    return indicator


def _subject_crumb(indicator: Indicator) -> tuple[str, str]:
    if indicator.measure is not None:
        return indicator.measure.get_absolute_url(), f"Mesure {indicator.measure.number}"
    if indicator.workstream is not None:
        return indicator.workstream.get_absolute_url(), f"Chantier {indicator.workstream.number}"
    assert indicator.case is not None  # an indicator has exactly one subject (a constraint of the model)
    return indicator.case.get_absolute_url(), str(indicator.case)


@public_page
def index(request: HttpRequest) -> HttpResponse:
    indicators = list(selectors.public_indicators())
    return render(
        request,
        "indicators/index.html",
        {
            "page_title": INDEX_TITLE,
            "breadcrumb_data": breadcrumb(INDEX_TITLE),
            "indicators": indicators,
            "demo_count": sum(1 for i in indicators if i.is_demo),
        },
    )


@public_page
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    indicator = _indicator_or_404(slug)
    return render(
        request,
        "indicators/detail.html",
        {
            "page_title": indicator.name,
            "breadcrumb_data": breadcrumb(indicator.name, _subject_crumb(indicator)),
            "indicator": indicator,
            "series": selectors.series(indicator),
            "may_enter": can_enter(request.user, indicator),
        },
    )


def chart(request: HttpRequest, slug: str) -> HttpResponse:
    series = selectors.series(_indicator_or_404(slug))
    return HttpResponse(charts.series_svg(series), content_type="image/svg+xml; charset=utf-8")


def values_csv(request: HttpRequest, slug: str) -> HttpResponse:
    indicator = _indicator_or_404(slug)
    return csv_response(
        exports.series_rows(selectors.value_rows([indicator])), filename=f"indicateur-{indicator.slug}.csv"
    )


def indicators_csv(request: HttpRequest) -> HttpResponse:
    return csv_response(exports.indicator_rows(selectors.public_indicators()), filename="indicateurs.csv")


def approved_values_csv(request: HttpRequest) -> HttpResponse:
    return csv_response(
        exports.approved_value_rows(selectors.approved_values()), filename="indicateurs-valeurs-approuvees.csv"
    )


def _add_errors(form: ValueForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, field_messages in error.message_dict.items():
            name = field if field in form.fields else None
            if field == "parts":
                name = None
            form.add_error(name, field_messages)
    else:
        form.add_error(None, error.messages)


@require_http_methods(["GET", "POST"])
@login_required
def enter(request: HttpRequest, slug: str) -> HttpResponse:
    indicator = _indicator_or_404(slug)
    if not can_enter(request.user, indicator):
        return refusal(request, 403, refusal_to_enter(indicator), title="Saisie réservée")
    form = ValueForm(request.POST or None, request.FILES or None, indicator=indicator)
    if request.method == "POST" and form.is_valid():
        submit = request.POST.get("action") == "submit"
        try:
            value = services.value_save(
                indicator=indicator,
                period_start=form.period_start(),
                user=request.user,
                comment=form.cleaned_data["comment"],
                evidence_url=form.cleaned_data["evidence_url"],
                evidence_file=form.cleaned_data.get("evidence_file"),
                parts=form.parts(),
                submit=submit,
                **form.figures(),
            )
        except ValidationError as error:
            _add_errors(form, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            if submit:
                messages.success(
                    request,
                    f"Valeur de « {value.period_label} » soumise : l'équipe de validation la relit avant publication.",
                )
            else:
                messages.success(request, f"Valeur de « {value.period_label} » enregistrée en brouillon.")
            if value.outlier_note:
                messages.warning(
                    request,
                    "Cette valeur est au moins 10 fois plus grande (ou plus petite) que celle de la période "
                    "précédente : vérifiez-la. Elle est enregistrée, et la validation en est avertie.",
                )
            return redirect("indicators:enter", slug=indicator.slug)
    title = f"Saisir une valeur : {indicator.name}"
    return render(
        request,
        "indicators/enter.html",
        {
            "page_title": title,
            "breadcrumb_data": breadcrumb(
                "Saisir une valeur",
                _subject_crumb(indicator),
                (indicator.get_absolute_url(), indicator.name),
            ),
            "indicator": indicator,
            "form": form,
            "entries": IndicatorValue.objects.filter(indicator=indicator)
            .prefetch_related("events")
            .order_by("-period_start"),
        },
        status=400 if form.errors else 200,
    )
