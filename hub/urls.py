from django.urls import path

from hub import views

app_name = "hub"

urlpatterns = [
    path("particuliers/", views.individuals, name="individuals"),
    path("organisations/", views.organisations, name="organisations"),
    path("kit-odd-17/", views.kit_index, name="kit"),
    path("kit-odd-17/<slug:slug>/", views.kit_sheet, name="kit_sheet"),
    path("accompagnement-en-territoire/", views.support, name="support"),
]
