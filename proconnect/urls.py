"""The ProConnect addresses: declare ``/proconnect/retour/`` (sign-in) and ``/proconnect/deconnexion/`` (end of
session) to ProConnect, prefixed by the platform's address (README)."""

from __future__ import annotations

from django.urls import path

from proconnect import views

urlpatterns = [
    path("proconnect/connexion/", views.login, name="proconnect_login"),
    path("proconnect/retour/", views.callback, name="proconnect_callback"),
    path("proconnect/deconnexion/", views.logout_callback, name="proconnect_logout_callback"),
]
