from django.urls import path

from organisations import member_views, views

app_name = "organisations"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("ajouter-une-organisation/", member_views.organisation_request, name="request"),
    path("invitation/<str:token>/", member_views.invitation, name="invitation"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/je-represente-cette-organisation/", member_views.claim, name="claim"),
    path("<int:pk>/gerer/", member_views.manage, name="manage"),
    path("<int:pk>/gerer/inviter/", member_views.invite, name="invite"),
    path("<int:pk>/gerer/membres/<int:membership_pk>/retirer/", member_views.member_remove, name="member_remove"),
]
