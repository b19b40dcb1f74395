"""The saved searches of the signed-in user (signing in and out: the ``accounts`` app, django-allauth)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alerts import selectors, services
from alerts.forms import SubscribeForm
from alerts.models import Frequency, SavedSearch
from core.breadcrumbs import breadcrumb

LIST_TITLE = "Mes recherches enregistrées"
LOGIN_URL = reverse_lazy("account_login")


@require_POST
def subscribe(request: HttpRequest) -> HttpResponse:
    query = request.POST.get("query", "")
    if not request.user.is_authenticated:
        search = f"{reverse('search:search')}?{query}" if query else reverse("search:search")
        return HttpResponseRedirect(f"{LOGIN_URL}?{urlencode({'next': search})}")
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        title = "S'abonner à cette recherche"
        return render(
            request,
            "alerts/subscribe.html",
            {"page_title": title, "breadcrumb_data": breadcrumb(title), "form": form, "frequencies": Frequency.choices},
        )
    saved_search = services.saved_search_subscribe(
        user=request.user, query=form.cleaned_data["query"], frequency=form.cleaned_data["frequency"]
    )
    messages.success(
        request,
        f"Recherche enregistrée : vous recevrez les nouveaux résultats {saved_search.get_frequency_display().lower()} "
        f"à l'adresse {request.user.email or 'de votre compte'}.",
    )
    return redirect("alerts:list")


@require_GET
@login_required(login_url=LOGIN_URL)
def saved_search_list(request: HttpRequest) -> HttpResponse:
    searches = [
        (saved_search, selectors.saved_search_description(saved_search))
        for saved_search in SavedSearch.objects.of_user(request.user)
    ]
    return render(
        request,
        "alerts/list.html",
        {"page_title": LIST_TITLE, "breadcrumb_data": breadcrumb(LIST_TITLE), "searches": searches},
    )


@require_POST
@login_required(login_url=LOGIN_URL)
def saved_search_delete(request: HttpRequest, pk: int) -> HttpResponse:
    saved_search = get_object_or_404(SavedSearch.objects.of_user(request.user), pk=pk)
    services.saved_search_delete(saved_search=saved_search)
    messages.success(request, "La recherche enregistrée a été supprimée : vous ne recevrez plus ses alertes.")
    return redirect("alerts:list")


@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The link of the e-mails: works without signing in; GET asks, POST unsubscribes."""
    saved_search = services.saved_search_from_token(token)
    title = "Se désabonner d'une alerte"
    context = {"page_title": title, "breadcrumb_data": breadcrumb(title), "saved_search": saved_search}
    if saved_search is None:
        return render(request, "alerts/unsubscribe.html", context, status=404)
    if request.method == "POST":
        services.saved_search_delete(saved_search=saved_search)
        return render(request, "alerts/unsubscribe.html", {**context, "done": True})
    return render(
        request, "alerts/unsubscribe.html", {**context, "description": selectors.saved_search_description(saved_search)}
    )
