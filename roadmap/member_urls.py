"""« Mon espace » of the measures' facilitators, under /mon-espace/feuille-de-route/."""

from django.urls import path

from roadmap import member_views

app_name = "facilitation"

urlpatterns = [
    path("", member_views.my_measures, name="my_measures"),
    path("mesures/<int:number>/nouveau-bilan/", member_views.submission_create, name="create"),
    path("bilans/<int:pk>/", member_views.submission_edit, name="submission"),
]
