"""The public contact form: parse, call the service, redirect to a confirmation (no JavaScript needed).

Rate-limited like every public POST by ``core.ratelimit`` (``FORM_RATE``, a French 429 page).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from contact import services
from contact.forms import ContactForm
from contact.models import Subject
from core.breadcrumbs import breadcrumb
from core.params import choice_param

TITLE = "Nous contacter"
THANKS_TITLE = "Message envoyé"


@require_http_methods(["GET", "HEAD", "POST"])
def contact_form(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = ContactForm(request.POST)
        if form.is_robot():
            return redirect("contact:thanks")  # a robot is told nothing; nothing is stored
        if form.is_valid():
            services.contact_message_receive(
                subject=form.cleaned_data["subject"],
                email=form.cleaned_data["email"],
                message=form.cleaned_data["message"],
            )
            return redirect("contact:thanks")
    else:
        form = ContactForm(initial={"subject": choice_param(request.GET, "objet", Subject.values)})
    title = f"Erreur : {TITLE}" if form.errors else TITLE
    return render(
        request,
        "contact/form.html",
        {"page_title": title, "breadcrumb_data": breadcrumb(TITLE), "form": form},
    )


def contact_thanks(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "contact/thanks.html",
        {"page_title": THANKS_TITLE, "breadcrumb_data": breadcrumb(THANKS_TITLE, (reverse("contact:form"), TITLE))},
    )
