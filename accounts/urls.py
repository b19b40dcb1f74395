"""French public addresses of the account pages. django-allauth's views keep their own URL names
(``account_login``…), which allauth reverses; the pages of « Mon espace » are this app's."""

from __future__ import annotations

from allauth.account import views as allauth_views
from django.urls import include, path, re_path

from accounts import views

allauth_patterns = [
    path("connexion/", allauth_views.login, name="account_login"),
    path("deconnexion/", allauth_views.logout, name="account_logout"),
    path("compte-desactive/", allauth_views.account_inactive, name="account_inactive"),
    path("inscription/", allauth_views.signup, name="account_signup"),
    path(
        "inscription/confirmez-votre-adresse/",
        allauth_views.email_verification_sent,
        name="account_email_verification_sent",
    ),
    re_path(r"^confirmer-mon-adresse/(?P<key>[-:\w]+)/$", views.confirm_email, name="account_confirm_email"),
    path("mot-de-passe-oublie/", allauth_views.password_reset, name="account_reset_password"),
    path("mot-de-passe-oublie/message-envoye/", allauth_views.password_reset_done, name="account_reset_password_done"),
    re_path(
        r"^mot-de-passe-oublie/nouveau/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        allauth_views.password_reset_from_key,
        name="account_reset_password_from_key",
    ),
    path(
        "mot-de-passe-oublie/termine/",
        allauth_views.password_reset_from_key_done,
        name="account_reset_password_from_key_done",
    ),
    path("mon-espace/confirmer-mon-identite/", allauth_views.reauthenticate, name="account_reauthenticate"),
    path("mon-espace/adresse-e-mail/", allauth_views.email, name="account_email"),
    path("mon-espace/mot-de-passe/", allauth_views.password_change, name="account_change_password"),
    path("mon-espace/definir-un-mot-de-passe/", allauth_views.password_set, name="account_set_password"),
    path("connexion/code/", allauth_views.confirm_login_code, name="account_confirm_login_code"),
]

account_patterns = [
    path("mon-espace/", views.dashboard, name="dashboard"),
    path("mon-espace/supprimer-mon-compte/", views.account_delete, name="delete"),
    path("mon-espace/notifications/", views.notifications, name="notifications"),
    path("mon-espace/mes-donnees.json", views.personal_data, name="personal_data"),
    path("notifications/desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
]

urlpatterns = [path("", include((account_patterns, "accounts"))), *allauth_patterns]
